package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * exprflow bin must give exactly the counts of bedtools makewindows + intersect -c (and the bases
 * of bedtools coverage) on the hand-made boundary fixture: peaks crossing window boundaries, a peak
 * ending exactly at a window start, zero-length and one-base peaks, a peak past the chromosome end,
 * a truncated last window, duplicates, unsorted lines, and sliding windows with step below and
 * above the window size, genome-wide and in a region.
 */
@Tag("unit")
class BinningBedtoolsTest {
    private static final Path FIXTURES = TestEnvironment.projectDir().resolve("test-data/fixtures/peaks");

    @ParameterizedTest(name = "size {0} step {1} region {2}")
    @CsvSource({
        "1000, 1000, ''",
        "1000, 300, ''",
        "1000, 1500, ''",
        "400, 400, ''",
        "7, 3, ''",
        "1000, 1000, chr1:500-2300",
        "400, 250, chr1:1-2499",
    })
    void countsAndCoverageEqualBedtools(int size, int step, String region, @TempDir Path tmp) throws Exception {
        TestEnvironment.tool("bedtools");
        Path peaks = FIXTURES.resolve("boundaries.narrowPeak");
        Path sizes = FIXTURES.resolve("small.sizes");
        Path windows = tmp.resolve("windows.bed");
        List<String> make = new ArrayList<>(List.of("makewindows", "-w", String.valueOf(size), "-s", String.valueOf(step)));
        if (region.isEmpty()) {
            make.addAll(List.of("-g", sizes.toString()));
        } else {
            Path regionBed = tmp.resolve("region.bed");
            String[] r = region.split("[:-]");
            Files.writeString(regionBed, r[0] + "\t" + r[1] + "\t" + r[2] + "\n");
            make.addAll(List.of("-b", regionBed.toString()));
        }
        Bedtools.run(windows, make.toArray(String[]::new));
        Path counts = tmp.resolve("counts.bed");
        Bedtools.run(counts, "intersect", "-a", windows.toString(), "-b", peaks.toString(), "-c");
        Path coverage = tmp.resolve("coverage.bed");
        Bedtools.run(coverage, "coverage", "-a", windows.toString(), "-b", peaks.toString());

        for (String[] kind : new String[][] {{"count", "counts"}, {"coverage", "coverage"}}) {
            Path out = tmp.resolve(kind[0] + ".tsv");
            List<String> args = new ArrayList<>(List.of("--quiet", "bin", "--peaks", peaks.toString(), "--names", "s",
                    "--chrom-sizes", sizes.toString(), "--bin-size", String.valueOf(size), "--step", String.valueOf(step),
                    "--value", kind[0], "--output", out.toString()));
            if (!region.isEmpty()) {
                args.addAll(List.of("--region", region));
            }
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.stderr());
            Map<String, Double> ours = Bedtools.readBinTable(out).getOrDefault("s", Map.of());
            // intersect -c appends the count as column 4; coverage appends count, bases covered, length, fraction.
            Map<String, Double> expected = kind[0].equals("count")
                    ? Bedtools.readWindows(counts, 3) : Bedtools.readWindows(coverage, 4);
            assertFalse(expected.isEmpty());
            assertEquals(expected, ours, kind[0] + " per window");
        }
    }
}
