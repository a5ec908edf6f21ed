package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad input stops the step with exit code 3 and one line naming the file and the line (or the
 * byte offset for a truncated gzip), and leaves no output file behind.
 */
@Tag("unit")
class BinCommandTest {
    @TempDir
    Path tmp;

    private Path sizes() throws IOException {
        return Files.writeString(tmp.resolve("g.sizes"), "chr1\t10000\nchr2\t5000\n");
    }

    private static final String GOOD = "chr1\t100\t200\tp1\t500\t.\t3.5\t10\t8\t50\n";

    /** Runs bin quietly, so stderr holds only the error (progress lines are tested separately). */
    private Cli.Result bin(Path peaks, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--quiet", "bin", "--peaks", peaks.toString(), "--chrom-sizes",
                sizes().toString(), "--bin-size", "1000", "--output", tmp.resolve("out.tsv.gz").toString()));
        args.addAll(Arrays.asList(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private void assertOneLineError(Cli.Result r, Path file, String where, String problem) {
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        String line = r.errorLines().get(0);
        assertTrue(line.startsWith("bin: error: "), line);
        assertTrue(line.contains(file + ":" + where), "names file and position: " + line);
        assertTrue(line.contains(problem), line);
        assertFalse(Files.exists(tmp.resolve("out.tsv.gz")), "no output after an error");
    }

    @Test
    void startGreaterThanEnd() throws IOException {
        Path p = Files.writeString(tmp.resolve("p.bed"), GOOD + "chr1\t300\t250\tp2\t500\t.\t3.5\t10\t8\t50\n");
        assertOneLineError(bin(p), p, "2: ", "start 300 is greater than end 250");
    }

    @Test
    void negativeCoordinate() throws IOException {
        Path p = Files.writeString(tmp.resolve("p.bed"), GOOD + GOOD + "chr2\t-5\t250\n");
        assertOneLineError(bin(p), p, "3: ", "negative start coordinate -5");
    }

    @Test
    void contigAbsentFromSizesFileByDefault() throws IOException {
        Path p = Files.writeString(tmp.resolve("p.bed"), GOOD + "chrUn_KI270442v1\t10\t20\tp\t1\t.\t1\t1\t1\t1\n");
        assertOneLineError(bin(p), p, "2: ", "contig 'chrUn_KI270442v1' is not in the chromosome-sizes file");
    }

    @Test
    void skipDropsUnknownContigsAndReportsTheCount() throws IOException {
        Path p = Files.writeString(tmp.resolve("p.bed"), GOOD + "chrUn_KI270442v1\t10\t20\tp\t1\t.\t1\t1\t1\t1\n"
                + "chrUn_KI270442v1\t30\t40\tp\t1\t.\t1\t1\t1\t1\n");
        Cli.Result r = Cli.run("bin", "--peaks", p.toString(), "--chrom-sizes", sizes().toString(), "--bin-size", "1000",
                "--unknown-contigs", "skip", "--output", tmp.resolve("out.tsv.gz").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("1 of 3 peaks kept, 2 dropped on contigs absent from g.sizes"), r.stderr());
        assertEquals(java.util.Map.of("p", java.util.Map.of("chr1:0-1000", 1.0)), Bedtools.readBinTable(tmp.resolve("out.tsv.gz")));
    }

    @Test
    void aNanSignalIsRefusedLikeInfinity() throws IOException {
        // a NaN signalValue used to be read as missing: the peak silently left its window under --bin-value signal
        for (String bad : new String[] {"NaN", "NA", "Infinity"}) {
            Path p = Files.writeString(tmp.resolve("p.bed"), GOOD + "chr1\t300\t400\tp2\t5\t.\t" + bad + "\t10\t8\t50\n");
            assertOneLineError(bin(p), p, "2: ", "signalValue '" + bad + "' is not a number");
        }
    }

    @Test
    void nonNumericScore() throws IOException {
        Path p = Files.writeString(tmp.resolve("p.bed"), GOOD + "chr1\t300\t400\tp2\thigh\t.\t3.5\t10\t8\t50\n");
        assertOneLineError(bin(p), p, "2: ", "score 'high' is not a number");
    }

    @Test
    void truncatedGzipNamesTheByteOffset() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            for (int i = 0; i < 20000; i++) {
                gz.write(("chr1\t" + (i % 9000) + "\t" + (i % 9000 + 100) + "\tp" + i + "\t" + (i % 1000)
                        + "\t.\t" + (i % 50) + ".5\t10\t8\t50\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = buf.toByteArray();
        Path p = Files.write(tmp.resolve("p.narrowPeak.gz"), Arrays.copyOf(whole, whole.length / 2));
        Cli.Result r = bin(p);
        assertOneLineError(r, p, " byte ", "gzip stream is truncated or corrupt");
    }
}
