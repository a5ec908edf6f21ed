package org.exprflow.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.TextCigarCodec;
import htsjdk.samtools.reference.FastaSequenceIndexCreator;

/**
 * exprflow count on BAM files written by simulate-reads, whose counts are known in advance (read
 * mode on single-end files, fragment mode on paired ones; default filters and --min-mapq 20), plus
 * bins, GTF genes, CRAM, and every bad input as one line with no output left behind.
 */
@Tag("unit")
class CountCommandTest {
    @TempDir
    Path tmp;

    private Path simulate(String name, String... extra) {
        Path dir = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("--quiet", "simulate-reads", "--output-dir", dir.toString(), "--reads", "5000"));
        args.addAll(Arrays.asList(extra));
        assertEquals(0, Cli.run(args.toArray(String[]::new)).exitCode());
        return dir;
    }

    private Cli.Result count(String... args) {
        List<String> all = new ArrayList<>(List.of("--quiet", "count"));
        all.addAll(Arrays.asList(args));
        return Cli.run(all.toArray(String[]::new));
    }

    private static String s(Path p) {
        return p.toString();
    }

    @Test
    void singleEndReadCountsEqualTheSimulatedCounts() throws IOException {
        Path d = simulate("se");
        Path out = tmp.resolve("se.tsv");
        assertEquals(0, count("--bam", s(d.resolve("sample1.bam")), s(d.resolve("sample2.bam")), "--regions",
                s(d.resolve("regions.bed")), "--output", s(out)).exitCode());
        assertEquals(Files.readString(d.resolve("expected.tsv")), Files.readString(out));
        assertEquals(0, count("--bam", s(d.resolve("sample1.bam")), s(d.resolve("sample2.bam")), "--regions",
                s(d.resolve("regions.bed")), "--min-mapq", "20", "--output", s(out)).exitCode());
        assertEquals(Files.readString(d.resolve("expected.mapq20.tsv")), Files.readString(out));
    }

    @Test
    void pairedFragmentCountsEqualTheSimulatedCounts() throws IOException {
        Path d = simulate("pe", "--paired");
        Path out = tmp.resolve("pe.tsv.gz");
        assertEquals(0, count("--bam", s(d.resolve("sample1.bam")), s(d.resolve("sample2.bam")), "--regions",
                s(d.resolve("regions.bed")), "--paired", "--output", s(out)).exitCode());
        assertEquals(Files.readString(d.resolve("expected.tsv")), gunzip(out));
        assertEquals(0, count("--bam", s(d.resolve("sample1.bam")), s(d.resolve("sample2.bam")), "--regions",
                s(d.resolve("regions.bed")), "--paired", "--min-mapq", "20", "--output", s(out)).exitCode());
        assertEquals(Files.readString(d.resolve("expected.mapq20.tsv")), gunzip(out));
        Path again = tmp.resolve("again.tsv.gz");
        count("--bam", s(d.resolve("sample1.bam")), s(d.resolve("sample2.bam")), "--regions",
                s(d.resolve("regions.bed")), "--paired", "--min-mapq", "20", "--output", s(again));
        assertTrue(Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(again)), "deterministic bytes");
    }

    private static String gunzip(Path p) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Regions and genes built from the same intervals give the same counts; bins sum to the reads counted. */
    @Test
    void genesBinsAndBlacklist() throws IOException {
        Path d = simulate("se");
        Path bam = d.resolve("sample1.bam");
        List<String> regions = Files.readAllLines(d.resolve("regions.bed"));
        StringBuilder gtf = new StringBuilder("# made-up genes: regions 2k and 2k+1, the first exon listed twice\n");
        for (int i = 0; i + 1 < regions.size(); i += 2) {
            for (int j : new int[] {i, i, i + 1}) {
                String[] f = regions.get(j).split("\t");
                gtf.append(f[0]).append("\tsim\texon\t").append(Long.parseLong(f[1]) + 1).append('\t').append(f[2])
                        .append("\t.\t+\t.\tgene_id \"g").append(i / 2).append("\"; transcript_id \"t").append(j).append("\";\n");
            }
        }
        Path gtfFile = Files.writeString(tmp.resolve("genes.gtf"), gtf);
        Path byRegion = tmp.resolve("regions.tsv");
        Path byGene = tmp.resolve("genes.tsv");
        assertEquals(0, count("--bam", s(bam), "--regions", s(d.resolve("regions.bed")), "--output", s(byRegion)).exitCode());
        assertEquals(0, count("--bam", s(bam), "--gtf", s(gtfFile), "--output", s(byGene), "--output-xfd", s(tmp.resolve("g.xfd"))).exitCode());
        List<String> r = Files.readAllLines(byRegion);
        List<String> g = Files.readAllLines(byGene);
        assertEquals("feature\tsample1", g.get(0));
        for (int k = 1; k < g.size(); k++) {
            long expected = Long.parseLong(r.get(2 * k - 1).split("\t")[1]) + Long.parseLong(r.get(2 * k).split("\t")[1]);
            assertEquals("g" + (k - 1) + "\t" + expected, g.get(k));
        }
        assertTrue(Files.size(tmp.resolve("g.xfd")) > 0);

        // Bins of the whole genome, from the BAM header or from a .fai: a whole-contig bin counts
        // what a whole-contig region counts.
        Path bins = tmp.resolve("bins.tsv");
        assertEquals(0, count("--bam", s(bam), "--bin-size", "1000000", "--output", s(bins)).exitCode());
        List<String> b = Files.readAllLines(bins);
        Path contigs = Files.writeString(tmp.resolve("contigs.bed"), "chr1\t0\t1000000\nchr2\t0\t1000000\n");
        Path whole = tmp.resolve("whole.tsv");
        assertEquals(0, count("--bam", s(bam), "--regions", s(contigs), "--output", s(whole)).exitCode());
        assertEquals(Files.readAllLines(whole), b);
        Path fai = Files.writeString(tmp.resolve("genome.fa.fai"), "chr1\t1000000\t6\t60\t61\nchr2\t1000000\t1016680\t60\t61\n");
        Path bins2 = tmp.resolve("bins2.tsv");
        assertEquals(0, count("--bam", s(bam), "--bin-size", "1000000", "--chrom-sizes", s(fai), "--output", s(bins2)).exitCode());
        assertEquals(Files.readString(bins), Files.readString(bins2));

        // A blacklist over chr2 leaves only chr1's reads.
        Path black = Files.writeString(tmp.resolve("black.bed"), "chr2\t0\t1000000\n");
        assertEquals(0, count("--bam", s(bam), "--bin-size", "1000000", "--blacklist", s(black), "--output", s(bins2)).exitCode());
        assertEquals(List.of("feature\tsample1", b.get(1), "chr2:0-1000000\t0"), Files.readAllLines(bins2));
    }

    /** Sliding windows of a region (the layout of exprflow bin and region-dataset) count as the same windows given as a BED. */
    @Test
    void regionWindowsCountAsTheSameWindowsAsRegions() throws IOException {
        Path d = simulate("pe", "--paired");
        Path bam = d.resolve("sample1.bam");
        StringBuilder bed = new StringBuilder();
        for (int start = 2000; start < 30001; start += 500) {
            bed.append("chr1\t").append(start).append('\t').append(Math.min(start + 1000, 30001)).append('\n');
        }
        Path windows = Files.writeString(tmp.resolve("windows.bed"), bed);
        for (String mode : new String[] {"reads", "fragments"}) {
            List<String> extra = mode.equals("reads") ? List.of() : List.of("--paired", "--multi-overlap", "each");
            Path a = tmp.resolve("a.tsv");
            Path b = tmp.resolve("b.tsv");
            List<String> argsA = new ArrayList<>(List.of("--bam", s(bam), "--bin-size", "1000", "--step", "500", "--region", "chr1:2000-30001", "--output", s(a)));
            List<String> argsB = new ArrayList<>(List.of("--bam", s(bam), "--regions", s(windows), "--output", s(b)));
            argsA.addAll(extra);
            argsB.addAll(extra);
            assertEquals(0, count(argsA.toArray(String[]::new)).exitCode());
            assertEquals(0, count(argsB.toArray(String[]::new)).exitCode());
            assertEquals(Files.readAllLines(b), Files.readAllLines(a), mode);
            assertTrue(Files.readAllLines(a).stream().skip(1).anyMatch(l -> !l.endsWith("\t0")), "reads in the windows");
        }
    }

    @Test
    void cramWithItsReferenceCountsAsTheBamAndAnotherReferenceIsRefused() throws IOException {
        Path d = simulate("se");
        Path bam = d.resolve("sample1.bam");
        Path ref = fasta(tmp.resolve("ref.fa"), 7);
        Path wrong = fasta(tmp.resolve("wrong.fa"), 8);
        Path cram = tmp.resolve("sample1.cram");
        try (SamReader in = SamReaderFactory.makeDefault().open(bam);
                SAMFileWriter out = new SAMFileWriterFactory().setCreateIndex(true).makeWriter(in.getFileHeader(), true, cram, ref)) {
            for (SAMRecord r : in) {
                out.addAlignment(r);
            }
        }
        if (!Files.exists(Path.of(cram + ".crai"))) {
            try (OutputStream crai = Files.newOutputStream(Path.of(cram + ".crai"))) {
                htsjdk.samtools.CRAMCRAIIndexer.writeIndex(new htsjdk.samtools.seekablestream.SeekableFileStream(cram.toFile()), crai);
            }
        }
        Path fromBam = tmp.resolve("bam.tsv");
        Path fromCram = tmp.resolve("cram.tsv");
        assertEquals(0, count("--bam", s(bam), "--regions", s(d.resolve("regions.bed")), "--output", s(fromBam)).exitCode());
        assertEquals(0, count("--bam", s(cram), "--names", "sample1", "--reference", s(ref), "--regions",
                s(d.resolve("regions.bed")), "--output", s(fromCram)).exitCode());
        assertEquals(Files.readString(fromBam), Files.readString(fromCram));

        Path out = tmp.resolve("never.tsv");
        count("--bam", s(cram), "--regions", s(d.resolve("regions.bed")), "--output", s(out))
                .assertOneLineError(2, "a CRAM file needs its reference");
        Cli.Result r = count("--bam", s(cram), "--reference", s(wrong), "--regions", s(d.resolve("regions.bed")), "--output", s(out));
        r.assertOneLineError(3, cram + ": the --reference does not match");
        assertFalse(Files.exists(out));
    }

    /** Two contigs of random bases, with the .fai htsjdk needs. */
    private static Path fasta(Path path, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (String contig : List.of("chr1", "chr2")) {
            sb.append('>').append(contig).append('\n');
            for (int i = 0; i < 1_000_000; i++) {
                sb.append("ACGT".charAt(random.nextInt(4)));
                if (i % 60 == 59) {
                    sb.append('\n');
                }
            }
            sb.append('\n');
        }
        Files.writeString(path, sb);
        FastaSequenceIndexCreator.create(path, true);
        return path;
    }

    @Test
    void aBamSortedByNameIsRefused() throws IOException {
        Path bam = tmp.resolve("byname.bam");
        SAMFileHeader h = header();
        h.setSortOrder(SAMFileHeader.SortOrder.queryname);
        try (SAMFileWriter w = new SAMFileWriterFactory().makeBAMWriter(h, true, bam)) {
            w.addAlignment(read(h, "a", 500));
        }
        Path out = tmp.resolve("out.tsv");
        count("--bam", s(bam), "--bin-size", "1000", "--output", s(out)).assertOneLineError(3, bam + ": not coordinate-sorted (header @HD SO:queryname)");
        assertFalse(Files.exists(out));
    }

    @Test
    void aRecordOutOfOrderIsNamed() throws IOException {
        Path bam = tmp.resolve("unsorted.bam");
        SAMFileHeader h = header();
        h.setSortOrder(SAMFileHeader.SortOrder.unknown); // the header does not tell, the records do
        try (SAMFileWriter w = new SAMFileWriterFactory().makeBAMWriter(h, true, bam)) {
            w.addAlignment(read(h, "first", 900));
            w.addAlignment(read(h, "second", 500));
        }
        // htsjdk indexes only files whose header says coordinate; its indexer itself takes these records.
        try (SamReader in = SamReaderFactory.makeDefault().enable(SamReaderFactory.Option.INCLUDE_SOURCE_IN_RECORDS).open(bam)) {
            SAMFileHeader claimed = in.getFileHeader().clone();
            claimed.setSortOrder(SAMFileHeader.SortOrder.coordinate);
            htsjdk.samtools.BAMIndexer indexer = new htsjdk.samtools.BAMIndexer(Path.of(bam + ".bai"), claimed);
            for (SAMRecord r : in) {
                indexer.processAlignment(r);
            }
            indexer.finish();
        }
        Path out = tmp.resolve("out.tsv");
        count("--bam", s(bam), "--bin-size", "1000", "--output", s(out))
                .assertOneLineError(3, bam + ": not coordinate-sorted: record 'second' at chr1:500 comes after 'first' at chr1:900");
        assertFalse(Files.exists(out));
    }

    @Test
    void aBamWithoutIndexIsRefused() throws IOException {
        Path d = simulate("se");
        Path bam = tmp.resolve("noindex.bam");
        Files.copy(d.resolve("sample1.bam"), bam);
        Path out = tmp.resolve("out.tsv");
        count("--bam", s(bam), "--regions", s(d.resolve("regions.bed")), "--output", s(out))
                .assertOneLineError(3, bam + ": no index found beside it");
        assertFalse(Files.exists(out));
    }

    @Test
    void malformedRegionLinesNameFileAndLine() throws IOException {
        Path d = simulate("se");
        Path out = tmp.resolve("out.tsv");
        String[][] cases = {
            {"chr1\t100\t200\nchr1\t1x0\t300\n", ":2: region start '1x0' or end '300' is not an integer"},
            {"chr1\t100\t200\nchr1\t300\n", ":2: expected a BED line"},
            {"# comment\nchr1\t500\t400\n", ":2: region chr1:500-400 is empty or ends before it starts"},
            {"chr1\t-5\t400\n", ":1: region start -5 is negative"},
        };
        for (String[] c : cases) {
            Path bed = Files.writeString(tmp.resolve("bad.bed"), c[0]);
            count("--bam", s(d.resolve("sample1.bam")), "--regions", s(bed), "--output", s(out)).assertOneLineError(3, bed + c[1]);
            assertFalse(Files.exists(out));
        }
        Path gtf = Files.writeString(tmp.resolve("bad.gtf"), "chr1\tx\texon\t10\t20\t.\t+\t.\ttranscript_id \"t\";\n");
        count("--bam", s(d.resolve("sample1.bam")), "--gtf", s(gtf), "--output", s(out)).assertOneLineError(3, gtf + ":1: exon line without a gene_id");
    }

    @Test
    void badParameters() {
        Path out = tmp.resolve("out.tsv");
        count("--bam", "x.bam", "--bin-size", "0", "--output", s(out)).assertOneLineError(2, "--bin-size must be at least 1");
        count("--bam", "x.bam", "--regions", "r.bed", "--chrom-sizes", "g.sizes", "--output", s(out)).assertOneLineError(2, "--chrom-sizes, --step and --region go with --bin-size");
        count("--bam", "x.bam", "--bin-size", "10", "--paired", "--keep-secondary", "--output", s(out)).assertOneLineError(2, "--paired counts fragments of primary alignments");
        count("--bam", "x.bam", "--bin-size", "10", "--multi-overlap", "some", "--output", s(out)).assertOneLineError(2, "--multi-overlap must be each or skip");
        count("--bam", "x.bam", "--output", s(out)).assertOneLineError(2, "");
        count("--bam", s(tmp.resolve("absent.bam")), "--bin-size", "10", "--output", s(out)).assertOneLineError(3, "absent.bam: no such file");
    }

    private static SAMFileHeader header() {
        SAMFileHeader h = new SAMFileHeader();
        h.addSequence(new SAMSequenceRecord("chr1", 100_000));
        return h;
    }

    private static SAMRecord read(SAMFileHeader h, String name, int start) {
        SAMRecord r = new SAMRecord(h);
        r.setReadName(name);
        r.setReferenceIndex(0);
        r.setAlignmentStart(start);
        r.setCigar(TextCigarCodec.decode("10M"));
        r.setReadString("ACGTACGTAC");
        r.setBaseQualityString("*");
        r.setMappingQuality(30);
        return r;
    }
}
