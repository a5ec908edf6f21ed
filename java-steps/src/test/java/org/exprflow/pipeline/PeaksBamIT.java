package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis peaks, design (a), with the mark given as BAM files: the samplesheet's peaks column
 * names six simulated, indexed BAMs (exprflow simulate-reads, one 200 kb chr1), so COUNT runs once
 * for the region and REGION_DATASET bins read counts instead of peaks. The published count table is
 * byte for byte what `exprflow count` writes for the same windows, and the regression runs through
 * to its metrics. RNA, genes and sizes are test-data/peaks's.
 */
@Tag("pipeline")
class PeaksBamIT {
    @Test
    void aMarkGivenAsBamFilesIsCountedAndBinnedAsReadCounts() throws Exception {
        ResumeIT.Launch launch = new ResumeIT.Launch("peaks-bam");
        Path bams = launch.dir.resolve("bams");
        assertEquals(0, Cli.run("--quiet", "simulate-reads", "--output-dir", bams.toString(), "--samples", "6", "--reads", "3000",
                "--contigs", "1", "--contig-length", "200000").exitCode());
        Path data = TestEnvironment.projectDir().resolve("test-data/peaks");
        StringBuilder sheet = new StringBuilder("sample,peaks,rna\n");
        List<String> names = new ArrayList<>();
        for (int s = 1; s <= 6; s++) {
            names.add("s" + s);
            sheet.append("s").append(s).append(",bams/sample").append(s).append(".bam,")
                    .append(data.resolve(String.format("sample%02d.rna.tsv", s))).append('\n');
        }
        Path sheetFile = Files.writeString(launch.dir.resolve("bamstudy.csv"), sheet);
        ResumeIT.Result run = launch.run("a", Map.of(), "--analysis", "peaks", "--peaks_design", "a",
                "--peaks_samplesheet", sheetFile.toString(), "--annotation", data.resolve("genes.bed").toString(),
                "--chrom_sizes", data.resolve("chrom.sizes").toString(), "--region", "chr1", "--bin_size", "20000",
                "--target_chunks", "1", "--folds", "3", "--regressor", "weka.classifiers.functions.LinearRegression -S 1 -R 1.0E-8",
                "--regress_top_k", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(1, run.of("PEAKS:COUNT").size() + run.of("COUNT").size(), run.describe());

        Path published = run.outdir().resolve("metrics/bamstudy.chr1_0-200000.counts.tsv.gz");
        assertTrue(Files.isRegularFile(published), run.describe());
        Path direct = launch.dir.resolve("direct.counts.tsv.gz");
        List<String> args = new ArrayList<>(List.of("--quiet", "count", "--bam"));
        for (int s = 1; s <= 6; s++) {
            args.add(bams.resolve("sample" + s + ".bam").toString());
        }
        args.add("--names");
        args.addAll(names);
        args.addAll(List.of("--bin-size", "20000", "--chrom-sizes", data.resolve("chrom.sizes").toString(), "--region", "chr1:0-200000",
                "--min-mapq", "0", "--output", direct.toString()));
        assertEquals(0, Cli.run(args.toArray(String[]::new)).exitCode());
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(published));

        assertTrue(Files.isRegularFile(run.outdir().resolve("metrics/bamstudy.metrics.tsv")), run.describe());
        assertTrue(Files.isRegularFile(run.outdir().resolve("qc/bamstudy.peaks_qc.json")), run.describe());
    }
}
