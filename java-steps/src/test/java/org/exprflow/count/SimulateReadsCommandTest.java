package org.exprflow.count;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;

/** simulate-reads writes sorted, indexed BAMs, byte-identical for one seed, with the flags it promises. */
@Tag("unit")
class SimulateReadsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void deterministicSortedIndexedPairedBam() throws IOException {
        for (String dir : new String[] {"a", "b"}) {
            assertEquals(0, Cli.run("--quiet", "simulate-reads", "--output-dir", tmp.resolve(dir).toString(), "--reads", "2000",
                    "--paired", "--samples", "1").exitCode());
        }
        for (String f : new String[] {"sample1.bam", "sample1.bam.bai", "expected.tsv", "expected.mapq20.tsv", "regions.bed", "regions.saf"}) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        int[] flags = new int[4];
        long records = 0;
        try (SamReader r = SamReaderFactory.makeDefault().open(tmp.resolve("a/sample1.bam"))) {
            assertEquals(SAMFileHeader.SortOrder.coordinate, r.getFileHeader().getSortOrder());
            assertEquals(true, r.hasIndex());
            int lastStart = 0;
            int lastRef = 0;
            for (SAMRecord rec : r) {
                records++;
                if (rec.getReferenceIndex() == lastRef) {
                    assertEquals(true, rec.getAlignmentStart() >= lastStart, "sorted");
                }
                lastRef = rec.getReferenceIndex();
                lastStart = rec.getAlignmentStart();
                flags[0] += rec.getDuplicateReadFlag() ? 1 : 0;
                flags[1] += rec.isSecondaryAlignment() ? 1 : 0;
                flags[2] += rec.getSupplementaryAlignmentFlag() ? 1 : 0;
                flags[3] += rec.getReadFailsVendorQualityCheckFlag() ? 1 : 0;
            }
        }
        assertEquals(true, records > 4000, "two mates per fragment plus copies: " + records);
        for (int f : flags) {
            assertEquals(true, f > 0, "every filtered kind occurs");
        }
        Cli.run("--quiet", "simulate-reads", "--output-dir", tmp.resolve("c").toString(), "--reads", "0")
                .assertOneLineError(2, "--reads must be at least 1");
    }
}
