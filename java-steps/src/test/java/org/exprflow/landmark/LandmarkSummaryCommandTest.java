package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * landmark-summary: mistakes in the target groups are one line and write nothing. (That chunks
 * gather to the whole is checked with landmark-fit, in LandmarkFitCommandTest.)
 */
@Tag("unit")
class LandmarkSummaryCommandTest {
    @TempDir
    Path dir;

    @Test
    void groupMistakesAreOneLineAndWriteNothing() throws Exception {
        assertEquals(0, Cli.run("simulate-landmark", "--output-dir", dir.resolve("sim").toString(), "--samples", "40",
                "--landmarks", "12", "--targets", "4", "--query-samples", "0").exitCode());
        assertEquals(0, Cli.run("import", "--input", dir.resolve("sim/expression.tsv.gz").toString(), "--format", "tsv",
                "--output", dir.resolve("d.xfd").toString()).exitCode());
        Cli.Result fit = Cli.run("landmark-fit", "--input", dir.resolve("d.xfd").toString(), "--landmarks",
                dir.resolve("sim/landmarks.txt").toString(), "--targets-chunk", "1/1", "--output", dir.resolve("c.tsv").toString());
        assertEquals(0, fit.exitCode(), fit.stderr());
        Path groups = Files.writeString(dir.resolve("groups.tsv"), "target\tkind\nTG00001_at\tlinear\nTG00001_at\tnonlinear\n");
        String[] outputs = {"--output-targets", dir.resolve("t.tsv").toString(), "--output-summary", dir.resolve("s.tsv").toString()};

        Cli.Result twice = Cli.run(concat(new String[] {"landmark-summary", "--input", dir.resolve("c.tsv").toString(),
            "--target-groups", groups.toString()}, outputs));
        assertEquals(3, twice.exitCode(), twice.stderr());
        assertEquals(List.of("landmark-summary: error: " + groups + ":3: target 'TG00001_at' is listed twice"), twice.errorLines());

        Cli.Result noGroups = Cli.run(concat(new String[] {"landmark-summary", "--input", dir.resolve("c.tsv").toString(),
            "--group-column", "kind"}, outputs));
        assertEquals(2, noGroups.exitCode(), noGroups.stderr());
        assertEquals(List.of("landmark-summary: error: --group-column needs --target-groups"), noGroups.errorLines());

        for (String f : List.of("t.tsv", "s.tsv")) {
            assertTrue(Files.notExists(dir.resolve(f)), f + " was written");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
