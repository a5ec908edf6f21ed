package org.exprflow.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The simulate command line: determinism, format selection, gzip headers, parameter errors. */
@Tag("unit")
class SimulateCommandTest {
    private static final String[] SMALL = {"--samples", "20", "--probes", "300", "--classes", "3", "--differential", "5"};

    private static int simulate(Path dir, String... extra) {
        String[] args = Stream.concat(Stream.of("--quiet", "simulate", "--output-dir", dir.toString()),
                Stream.concat(Arrays.stream(SMALL), Arrays.stream(extra))).toArray(String[]::new);
        return Main.run(args);
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws IOException {
        assertEquals(0, simulate(tmp.resolve("a"), "--seed", "7"));
        assertEquals(0, simulate(tmp.resolve("b"), "--seed", "7"));
        assertEquals(0, simulate(tmp.resolve("c"), "--seed", "8"));
        for (String name : fileNames(tmp.resolve("a"))) {
            assertEquals(-1L, Files.mismatch(tmp.resolve("a").resolve(name), tmp.resolve("b").resolve(name)), name);
        }
        assertTrue(Files.mismatch(tmp.resolve("a/matrix.tsv"), tmp.resolve("c/matrix.tsv")) >= 0,
                "a different seed must give different values");
    }

    @Test
    void writesAllSixFormatsByDefaultAndOnlyTheSelectedOnesOtherwise(@TempDir Path tmp) throws IOException {
        assertEquals(0, simulate(tmp.resolve("all")));
        assertEquals(List.of("cumida.csv", "data.arff", "family.soft.gz", "golub.csv", "golub_labels.csv",
                "matrix.tsv", "samplesheet.csv", "series_matrix.txt.gz", "truth.tsv"), fileNames(tmp.resolve("all")));

        assertEquals(0, simulate(tmp.resolve("some"), "--formats", "arff,geo-soft"));
        assertEquals(List.of("data.arff", "family.soft.gz", "samplesheet.csv", "truth.tsv"), fileNames(tmp.resolve("some")));
        // Selecting formats must not change the values: the study is generated before any writing.
        assertEquals(-1L, Files.mismatch(tmp.resolve("all/data.arff"), tmp.resolve("some/data.arff")));
    }

    @Test
    void gzipFilesHaveNoTimestampOrFileNameInTheirHeader(@TempDir Path tmp) throws IOException {
        assertEquals(0, simulate(tmp, "--formats", "geo-matrix,geo-soft"));
        for (String name : List.of("series_matrix.txt.gz", "family.soft.gz")) {
            byte[] header = Arrays.copyOf(Files.readAllBytes(tmp.resolve(name)), 10);
            assertEquals(0x1f, header[0] & 0xff, name);
            assertEquals(0x8b, header[1] & 0xff, name);
            assertEquals(0, header[3], name + ": FLG must not announce a stored file name");
            assertArrayEquals(new byte[4], Arrays.copyOfRange(header, 4, 8), name + ": MTIME must be 0");
        }
    }

    @Test
    void badParametersExitWithCode2OneLineAndNoOutput(@TempDir Path tmp) {
        String[][] cases = {
            {"--classes", "1"},
            {"--classes", "9"},
            {"--samples", "5", "--classes", "3"},
            {"--probes", "20", "--differential", "20"},
            {"--differential", "0"},
            {"--formats", "cumida,excel"},
        };
        for (String[] bad : cases) {
            Path dir = tmp.resolve("out" + Arrays.hashCode(bad));
            String[] args = Stream.concat(Stream.of("simulate", "--output-dir", dir.toString()), Arrays.stream(bad))
                    .toArray(String[]::new);
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.getSubcommands().get("simulate").setErr(new PrintWriter(err));
            int code = cli.execute(args);
            assertEquals(2, code, String.join(" ", bad));
            String message = err.toString().strip();
            assertTrue(message.startsWith("simulate: error: "), message);
            assertFalse(message.contains("\n"), "one line only: " + message);
            assertFalse(Files.exists(dir), "no output for " + String.join(" ", bad));
        }
    }
}
