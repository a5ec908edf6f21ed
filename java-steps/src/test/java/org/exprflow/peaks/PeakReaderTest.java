package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats, contig naming, sorting and filters of the peak reader. */
@Tag("unit")
class PeakReaderTest {
    private static final ChromosomeSizes GENOME = ChromosomeSizes.of(List.of("chr1", "chr2", "chrM"), new int[] {10000, 8000, 500});

    @Test
    void readsNarrowPeakColumnsThatBedCodecDrops(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("a.narrowPeak"), "chr1\t100\t300\tp\t870\t.\t15.8\t86.05\t83.52\t120\n");
        PeakSet p = new PeakReader(GENOME, UnknownContigPolicy.ERROR, PeakFilter.NONE).read("a", f).peaks();
        assertEquals(1, p.size());
        assertEquals(870, p.score(0));
        assertEquals(15.8, p.signal(0));
        assertEquals(86.05, p.pValue(0));
        assertEquals(83.52, p.qValue(0));
        assertEquals(220, p.summit(0));
        assertTrue(p.hasSignal());
    }

    @Test
    void broadPeakAndBed3To6(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("a.bed"), "track name=x\n# comment\nchr1\t0\t10\n"
                + "chr1\t10\t20\tn\nchr1\t20\t30\tn\t5\nchr1\t30\t40\tn\t6\t-\nchr2\t0\t50\tn\t7\t.\t2.5\t3\t4\n");
        PeakSet p = new PeakReader(GENOME, UnknownContigPolicy.ERROR, PeakFilter.NONE).read("a", f).peaks();
        assertEquals(5, p.size());
        assertTrue(Double.isNaN(p.score(0)));
        assertEquals(5, p.score(2));
        assertTrue(Double.isNaN(p.signal(3)), "BED6 has no signalValue");
        assertEquals(2.5, p.signal(4), "broadPeak column 7");
        assertEquals(25, p.summit(4), "broadPeak has no summit: midpoint");
    }

    @Test
    void ensemblAndUcscContigNamesResolveToTheSizesFile() {
        assertEquals(0, GENOME.resolve("1"));
        assertEquals(0, GENOME.resolve("chr1"));
        assertEquals(2, GENOME.resolve("MT"));
        assertEquals(2, GENOME.resolve("M"));
        assertEquals(2, GENOME.resolve("chrMT"));
        assertEquals(-1, GENOME.resolve("chr3"));
        ChromosomeSizes ensembl = ChromosomeSizes.of(List.of("1", "MT"), new int[] {100, 10});
        assertEquals(0, ensembl.resolve("chr1"));
        assertEquals(1, ensembl.resolve("chrM"));
    }

    @Test
    void unsortedInputIsSortedByContigOfTheSizesFileThenStart(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("a.bed"), "chr2\t5\t6\nchr1\t900\t950\nMT\t1\t2\n1\t100\t200\nchr1\t100\t150\n");
        PeakSet p = new PeakReader(GENOME, UnknownContigPolicy.ERROR, PeakFilter.NONE).read("a", f).peaks();
        int[][] got = new int[p.size()][];
        for (int i = 0; i < p.size(); i++) {
            got[i] = new int[] {p.contig(i), p.start(i), p.end(i)};
        }
        assertTrue(java.util.Arrays.deepEquals(new int[][] {{0, 100, 200}, {0, 100, 150}, {0, 900, 950}, {1, 5, 6}, {2, 1, 2}}, got),
                java.util.Arrays.deepToString(got));
        assertEquals(0, p.contigBegin(0));
        assertEquals(3, p.contigEnd(0));
        assertEquals(0, p.firstStartingAtOrAfter(0, 100));
        assertEquals(2, p.firstStartingAtOrAfter(0, 101));
        assertEquals(3, p.firstStartingAtOrAfter(1, 0));
    }

    @Test
    void filtersOnScoreAndQValueAndRefuseMissingColumns(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("a.narrowPeak"), "chr1\t0\t10\tp\t1000\t.\t5\t9\t2\t1\n"
                + "chr1\t10\t20\tp\t999\t.\t5\t9\t7\t1\nchr1\t20\t30\tp\t1000\t.\t5\t9\t8\t1\n");
        PeakFile seed = new PeakReader(GENOME, UnknownContigPolicy.ERROR, new PeakFilter(1000, Double.NaN, Double.NaN, Double.NaN)).read("a", f);
        assertEquals(2, seed.peaks().size());
        assertEquals(1, seed.summary().filteredOut());
        PeakFile q = new PeakReader(GENOME, UnknownContigPolicy.ERROR, new PeakFilter(Double.NaN, Double.NaN, Double.NaN, 5)).read("a", f);
        assertEquals(2, q.peaks().size());
        assertEquals(10, q.peaks().start(0));
        Path bed = Files.writeString(tmp.resolve("b.bed"), "chr1\t0\t10\tp\t1000\n");
        org.exprflow.core.UserException e = org.junit.jupiter.api.Assertions.assertThrows(org.exprflow.core.UserException.class,
                () -> new PeakReader(GENOME, UnknownContigPolicy.ERROR, new PeakFilter(Double.NaN, 1, Double.NaN, Double.NaN)).read("b", bed));
        assertTrue(e.getMessage().startsWith(bed + ":1: "), e.getMessage());
    }

    @Test
    void gzipAndPlainGiveTheSamePeaksAndPrimaryContigsAreCounted(@TempDir Path tmp) throws IOException {
        String text = "chr1\t0\t10\nchr1_KI270706v1_random\t5\t9\nchrUn_GL000220v1\t1\t3\nchr2\t3\t4\n";
        Path plain = Files.writeString(tmp.resolve("a.bed"), text);
        Path gz = tmp.resolve("a.bed.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        PeakReader reader = new PeakReader(GENOME, UnknownContigPolicy.SKIP, PeakFilter.NONE);
        PeakFile a = reader.read("a", plain);
        PeakFile b = reader.read("a", gz);
        assertEquals(a.summary(), b.summary());
        assertEquals(new PeakReadSummary(4, 2, 0, 2, 2), a.summary());
        assertFalse(ChromosomeSizes.isPrimary("chr1_KI270706v1_random"));
    }
}
