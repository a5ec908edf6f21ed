package org.exprflow.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * exprflow count against the reference tools, tolerance none: every count identical.
 * <ul>
 * <li>Read mode = {@code bedtools multicov} (each alignment counted in every interval its span
 * overlaps; multicov drops duplicates and QC failures unless -D / -F, keeps secondary and
 * supplementary alignments, -q 0): {@code count --keep-secondary --keep-supplementary}, plus
 * {@code --keep-duplicates} for -D, {@code --keep-qc-fail} for -F, {@code --min-mapq Q} for -q Q.</li>
 * <li>Fragment mode = {@code featureCounts -p --countReadPairs} (no -O, -B, -C; --minOverlap 1, no
 * read extension, --primary; featureCounts keeps duplicates unless --ignoreDup and has no QC-fail
 * filter): {@code count --paired --keep-qc-fail}, plus {@code --keep-duplicates} without
 * --ignoreDup, {@code --min-mapq Q} for -Q Q, {@code --multi-overlap each} for -O. featureCounts
 * has no supplementary filter and pairs a supplementary alignment as a read of the fragment, so the
 * simulated paired files are compared without their supplementary alignments (the real ones have
 * none).</li>
 * </ul>
 */
@Tag("realdata")
class CountReferenceToolsTest {
    private static final List<String> MULTICOV_EQUIVALENT = List.of("--keep-secondary", "--keep-supplementary");

    @TempDir
    Path tmp;

    private Map<String, List<Long>> count(List<String> extra, Path... bams) throws IOException {
        Path out = tmp.resolve("count.tsv");
        List<String> args = new ArrayList<>(List.of("--quiet", "count", "--bam"));
        for (Path b : bams) {
            args.add(b.toString());
        }
        args.addAll(List.of("--output", out.toString()));
        args.addAll(extra);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return ReferenceTools.countTable(out);
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(Arrays.asList(b));
        return out;
    }

    /** Real single-end ChIP-seq (CTCF, hg38 chr10) in its MACS3 peaks, as bedtools multicov counts. */
    @ParameterizedTest(name = "multicov {0}")
    @CsvSource({"'', ''", "-q 20, --min-mapq 20", "-D -F -q 10, --keep-duplicates --keep-qc-fail --min-mapq 10"})
    void realSingleEndChipEqualsMulticov(String multicovFlags, String countFlags) throws Exception {
        Path bam = TestEnvironment.sharedFile("bam/motifpeeker_CTCF_ChIP_hg38_chr10.bam");
        Path peaks = gunzip(TestEnvironment.sharedFile("bam/motifpeeker_CTCF_ChIP_hg38_chr10_peaks.narrowPeak.gz"));
        Map<String, List<Long>> expected = ReferenceTools.multicov(tmp, peaks, words(multicovFlags), bam);
        Map<String, List<Long>> got = count(concat(concat(MULTICOV_EQUIVALENT, "--regions", peaks.toString()),
                words(countFlags).toArray(String[]::new)), bam);
        assertEquals(209, expected.size());
        assertTrue(expected.values().stream().mapToLong(l -> l.get(0)).sum() > 10_000, "the peaks hold reads");
        assertEquals(expected, got);
    }

    /** Real paired-end ATAC-seq (GL1, hg19 chr1) in 2 kb windows, as featureCounts counts fragments. */
    @ParameterizedTest(name = "featureCounts {0}")
    @CsvSource({"'', ''", "-O, --multi-overlap each", "-Q 30 --ignoreDup, --min-mapq 30"})
    void realPairedAtacBinsEqualFeatureCounts(String fcFlags, String countFlags) throws Exception {
        Path bam = TestEnvironment.sharedFile("bam/atacseqqc_GL1_hg19_chr1.bam");
        Path saf = tmp.resolve("windows.saf");
        int chr1 = 249_250_621;
        StringBuilder sb = new StringBuilder("GeneID\tChr\tStart\tEnd\tStrand\n");
        for (int s = 0; s < chr1; s += 2000) {
            int e = Math.min(s + 2000, chr1);
            sb.append("chr1:").append(s).append('-').append(e).append("\tchr1\t").append(s + 1).append('\t').append(e).append("\t+\n");
        }
        Files.writeString(saf, sb);
        Map<String, List<Long>> expected = ReferenceTools.featureCounts(tmp,
                concat(List.of("-p", "--countReadPairs", "--primary", "-F", "SAF", "-a", saf.toString()), words(fcFlags).toArray(String[]::new)), bam);
        List<String> ours = concat(List.of("--paired", "--bin-size", "2000", "--keep-qc-fail"), words(countFlags).toArray(String[]::new));
        if (!fcFlags.contains("--ignoreDup")) {
            ours.add("--keep-duplicates");
        }
        Map<String, List<Long>> got = count(ours, bam);
        got.keySet().retainAll(expected.keySet()); // our bins cover every contig of the header; the SAF only chr1
        assertEquals(expected.size(), got.size());
        assertTrue(expected.values().stream().mapToLong(l -> l.get(0)).sum() > 30_000, "the windows hold fragments");
        assertEquals(expected, got);
    }

    /**
     * Real paired ATAC-seq, genes of a made-up GTF over chr1: 3 exons of 400 bp per gene every 3 kb,
     * one exon repeated inside another (its union is what counts), genes overlapping their
     * neighbours (ambiguous fragments).
     */
    @Test
    void realPairedAtacGenesEqualFeatureCountsWithAGtf() throws Exception {
        Path bam = TestEnvironment.sharedFile("bam/atacseqqc_GL1_hg19_chr1.bam");
        StringBuilder gtf = new StringBuilder();
        int gene = 0;
        for (int s = 500_001; s < 249_000_000; s += 9000, gene++) {
            int[][] exons = {{s, s + 399}, {s + 3000, s + 3399}, {s + 3100, s + 3200}, {s + 6000, s + 9399}};
            for (int[] e : exons) {
                gtf.append("chr1\tmadeup\texon\t").append(e[0]).append('\t').append(e[1]).append("\t.\t+\t.\tgene_id \"G")
                        .append(gene).append("\"; transcript_id \"T").append(gene).append("\";\n");
            }
        }
        Path gtfFile = Files.writeString(tmp.resolve("genes.gtf"), gtf);
        Map<String, List<Long>> expected = ReferenceTools.featureCounts(tmp,
                List.of("-p", "--countReadPairs", "--primary", "-t", "exon", "-g", "gene_id", "-a", gtfFile.toString()), bam);
        Map<String, List<Long>> got = count(List.of("--paired", "--gtf", gtfFile.toString(), "--keep-qc-fail", "--keep-duplicates"), bam);
        assertTrue(expected.values().stream().mapToLong(l -> l.get(0)).sum() > 1_000, "the genes hold fragments");
        assertEquals(expected, got);
    }

    /** Simulated single-end BAMs (duplicates, QC failures, secondary and supplementary copies, MAPQ 0-60). */
    @ParameterizedTest(name = "multicov {0}")
    @CsvSource({"'', ''", "-q 20, --min-mapq 20", "-D, --keep-duplicates", "-F, --keep-qc-fail", "-D -F -q 5, --keep-duplicates --keep-qc-fail --min-mapq 5"})
    void simulatedSingleEndEqualsMulticov(String multicovFlags, String countFlags) throws Exception {
        Path d = simulate(false);
        Path[] bams = {d.resolve("sample1.bam"), d.resolve("sample2.bam")};
        Map<String, List<Long>> expected = ReferenceTools.multicov(tmp, d.resolve("regions.bed"), words(multicovFlags), bams);
        Map<String, List<Long>> got = count(concat(concat(MULTICOV_EQUIVALENT, "--regions", d.resolve("regions.bed").toString()),
                words(countFlags).toArray(String[]::new)), bams);
        assertEquals(expected, got);
    }

    /** Simulated paired BAMs, in the regions and in 1 kb bins (fragments crossing bin edges: the vote and -O). */
    @ParameterizedTest(name = "featureCounts {0}")
    @CsvSource({
        "regions, --ignoreDup, ''",
        "regions, '', --keep-duplicates",
        "regions, -Q 20, --keep-duplicates --min-mapq 20",
        "bins, --ignoreDup, ''",
        "bins, -O, --keep-duplicates --multi-overlap each",
        "bins, -Q 40 --ignoreDup, --min-mapq 40",
    })
    void simulatedPairedEqualsFeatureCounts(String features, String fcFlags, String countFlags) throws Exception {
        Path d = simulate(true);
        Path[] bams = {ReferenceTools.withoutSupplementary(d.resolve("sample1.bam"), tmp.resolve("s1.bam")),
            ReferenceTools.withoutSupplementary(d.resolve("sample2.bam"), tmp.resolve("s2.bam"))};
        Path saf = d.resolve("regions.saf");
        List<String> ours = new ArrayList<>(List.of("--paired", "--keep-qc-fail", "--names", "sample1", "sample2"));
        if (features.equals("bins")) {
            saf = tmp.resolve("bins.saf");
            StringBuilder sb = new StringBuilder("GeneID\tChr\tStart\tEnd\tStrand\n");
            for (String chrom : List.of("chr1", "chr2")) {
                for (int s = 0; s < 1_000_000; s += 1000) {
                    sb.append(chrom).append(':').append(s).append('-').append(s + 1000).append('\t').append(chrom).append('\t')
                            .append(s + 1).append('\t').append(s + 1000).append("\t+\n");
                }
            }
            Files.writeString(saf, sb);
            ours.addAll(List.of("--bin-size", "1000"));
        } else {
            ours.addAll(List.of("--regions", d.resolve("regions.bed").toString()));
        }
        ours.addAll(words(countFlags));
        Map<String, List<Long>> expected = ReferenceTools.featureCounts(tmp,
                concat(List.of("-p", "--countReadPairs", "--primary", "-F", "SAF", "-a", saf.toString()), words(fcFlags).toArray(String[]::new)), bams);
        assertEquals(expected, count(ours, bams));
    }

    private static final String SAMTOOLS_TEST = "/usr/share/samtools/test/";

    /**
     * Debian's samtools-test: mpileup.1.bam (1000 Genomes WGS, paired, 22 duplicates, soft clips) in
     * 1 kb windows. bedtools multicov counts a mate flagged unmapped (0x4) that carries a position
     * and CIGAR (one in this file); exprflow never counts an unmapped read, so multicov gets the
     * file without it (samtools view -F 0x4). featureCounts skips it too and reads the file as it is.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "multicov, '', ''",
        "multicov, -D, --keep-duplicates",
        "multicov, -q 30, --min-mapq 30",
        "featureCounts, '', --keep-duplicates",
        "featureCounts, -O, --keep-duplicates --multi-overlap each",
        "featureCounts, --ignoreDup, ''",
    })
    void debianSamtoolsTestBamEqualsTheReferences(String tool, String toolFlags, String countFlags) throws Exception {
        Path bam = TestEnvironment.systemFile(SAMTOOLS_TEST + "mpileup/mpileup.1.bam", "samtools-test");
        StringBuilder bed = new StringBuilder();
        StringBuilder saf = new StringBuilder("GeneID\tChr\tStart\tEnd\tStrand\n");
        for (int s = 0; s < 5000; s += 1000) {
            bed.append("17\t").append(s).append('\t').append(s + 1000).append('\n');
            saf.append("17:").append(s).append('-').append(s + 1000).append("\t17\t").append(s + 1).append('\t').append(s + 1000).append("\t+\n");
        }
        Path bedFile = Files.writeString(tmp.resolve("windows.bed"), bed);
        Map<String, List<Long>> expected;
        List<String> ours = new ArrayList<>(List.of("--regions", bedFile.toString(), "--names", "mpileup.1"));
        ours.addAll(words(countFlags));
        if (tool.equals("multicov")) {
            Path mapped = tmp.resolve("mpileup.1.bam");
            ReferenceTools.run(null, "samtools", "view", "-b", "-F", "0x4", "-o", mapped.toString(), bam.toString());
            ReferenceTools.run(null, "samtools", "index", mapped.toString());
            expected = ReferenceTools.multicov(tmp, bedFile, words(toolFlags), mapped);
            ours.addAll(MULTICOV_EQUIVALENT);
        } else {
            Path safFile = Files.writeString(tmp.resolve("windows.saf"), saf);
            expected = ReferenceTools.featureCounts(tmp, concat(List.of("-p", "--countReadPairs", "--primary", "-F", "SAF", "-a",
                    safFile.toString()), words(toolFlags).toArray(String[]::new)), bam);
            ours.addAll(List.of("--paired", "--keep-qc-fail"));
        }
        assertTrue(expected.values().stream().mapToLong(l -> l.get(0)).sum() > 150, "the windows hold reads");
        assertEquals(expected, count(ours, bam));
    }

    /**
     * samtools-test bedcov.bam (RNA-seq reads, QC failures, a supplementary alignment, one spliced
     * read) in its BED files, read mode against multicov. Its reads all share one name, so it has no
     * fragments to compare.
     */
    @ParameterizedTest(name = "multicov {0} {1}")
    @CsvSource({"bedcov.bed, '', ''", "bedcov_gG.bed, '', ''", "bedcov_gG.bed, -F, --keep-qc-fail"})
    void debianBedcovBamEqualsMulticov(String bed, String multicovFlags, String countFlags) throws Exception {
        Path bam = TestEnvironment.systemFile(SAMTOOLS_TEST + "bedcov/bedcov.bam", "samtools-test");
        Path bedFile = TestEnvironment.systemFile(SAMTOOLS_TEST + "bedcov/" + bed, "samtools-test");
        Map<String, List<Long>> expected = ReferenceTools.multicov(tmp, bedFile, words(multicovFlags), bam);
        assertEquals(expected, count(concat(concat(MULTICOV_EQUIVALENT, "--regions", bedFile.toString()),
                words(countFlags).toArray(String[]::new)), bam));
    }

    /** samtools-test's CRAM 2.0 file: htsjdk reads CRAM 3 only, and says so in one line. */
    @Test
    void debianCram2IsRefusedInOneLine() {
        Path cram = TestEnvironment.systemFile(SAMTOOLS_TEST + "mpileup/ce#5b.cram", "samtools-test");
        Path ref = TestEnvironment.systemFile(SAMTOOLS_TEST + "mpileup/ce.fa", "samtools-test");
        Cli.run("--quiet", "count", "--bam", cram.toString(), "--reference", ref.toString(), "--bin-size", "100000", "--output",
                tmp.resolve("out.tsv").toString()).assertOneLineError(3, cram + ": not a readable BAM or CRAM file: CRAM version 2.0 is not supported");
    }

    private Path simulate(boolean paired) {
        Path dir = tmp.resolve(paired ? "pe" : "se");
        List<String> args = new ArrayList<>(List.of("--quiet", "simulate-reads", "--output-dir", dir.toString(), "--reads", "20000"));
        if (paired) {
            args.add("--paired");
        }
        assertEquals(0, Cli.run(args.toArray(String[]::new)).exitCode());
        return dir;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    private Path gunzip(Path gz) throws IOException {
        Path out = tmp.resolve(gz.getFileName().toString().replaceFirst("\\.gz$", ""));
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            Files.write(out, in.readAllBytes());
        }
        return out;
    }
}
