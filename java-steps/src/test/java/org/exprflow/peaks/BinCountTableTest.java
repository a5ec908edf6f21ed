package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** region-dataset --counts: the read counts of exprflow count in the region's windows, and its one-line errors. */
@Tag("unit")
class BinCountTableTest {
    private static final Path DATA = TestEnvironment.projectDir().resolve("test-data/peaks");

    @TempDir
    Path tmp;

    private Path table(String text) throws IOException {
        return Files.writeString(tmp.resolve("counts.tsv"), text);
    }

    @Test
    void countsBecomeTheSamplesBinsAndGapsOrBadCellsAreOneLine() throws IOException {
        BinLayout layout = BinLayout.region(ChromosomeSizes.read(DATA.resolve("chrom.sizes")), "chr1:0-3000", 1000, 1000);
        Path t = table("feature\tb\ta\nchr1:0-1000\t0\t5\nchr1:1000-2000\t2\t0\nchr2:0-1000\t9\t9\nchr1:2000-3000\t1\t3\n");
        List<SampleBins> bins = BinCountTable.read(t, layout, List.of("a", "b"));
        assertArrayEquals(new int[] {0, 2}, bins.get(0).bins());
        assertArrayEquals(new double[] {5, 3}, bins.get(0).values());
        assertArrayEquals(new int[] {1, 2}, bins.get(1).bins());

        Path missing = table("feature\ta\nchr1:0-1000\t1\nchr1:2000-3000\t1\n");
        assertEquals(missing + ": no row for window chr1:1000-2000: count with the same --bin-size, --step and --region",
                org.junit.jupiter.api.Assertions.assertThrows(org.exprflow.core.UserException.class,
                        () -> BinCountTable.read(missing, layout, List.of("a"))).getMessage());
        Path fractional = table("feature\ta\nchr1:0-1000\t1.5\n");
        assertEquals(fractional + ":2: count '1.5' of a is not a whole number",
                org.junit.jupiter.api.Assertions.assertThrows(org.exprflow.core.UserException.class,
                        () -> BinCountTable.read(fractional, layout, List.of("a"))).getMessage());
        Path noSample = table("feature\ta\nchr1:0-1000\t1\n");
        assertEquals(noSample + ":1: no column for sample z (columns: a)",
                org.junit.jupiter.api.Assertions.assertThrows(org.exprflow.core.UserException.class,
                        () -> BinCountTable.read(noSample, layout, List.of("z"))).getMessage());
    }

    @Test
    void regionDatasetTakesPeaksOrCountsNotBoth() throws IOException {
        Path t = table("feature\ta\n");
        String[] common = {"--quiet", "region-dataset", "--rna", DATA.resolve("sample01.rna.tsv").toString(), "--annotation",
            DATA.resolve("genes.bed").toString(), "--chrom-sizes", DATA.resolve("chrom.sizes").toString(), "--region", "chr1:0-3000",
            "--bin-size", "1000", "--output", tmp.resolve("x.xfd").toString()};
        Cli.run(concat(common, "--counts", t.toString(), "--peaks", DATA.resolve("sample01.narrowPeak.gz").toString(), "--names", "a"))
                .assertOneLineError(2, "give --peaks or --counts (one of them)");
        Cli.run(concat(common, "--counts", t.toString())).assertOneLineError(2, "--counts needs --names");
        Cli.run(concat(common, "--counts", t.toString(), "--names", "a", "--value", "signal")).assertOneLineError(2, "--value signal does not apply");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
