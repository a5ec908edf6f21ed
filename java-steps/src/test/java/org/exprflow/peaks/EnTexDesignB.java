package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;

/**
 * Design (b) on EN-TEx, the one definition shared by the CLI test ({@link ChromatinRegressionRealDataTest})
 * and the pipeline test (PeaksRealDataIT), so both run on the same files with the same options and
 * must give the same numbers: per tissue four marks (ATAC, H3K4me3, H3K27ac, POLR2A) and an RNA file
 * of donor ENCDO451RUA, the GENCODE v24 TSSs, a random forest of 50 trees trained on sigmoid colon
 * with chr8, chr9 and chr10 held out, stomach as the transfer tissue. 50 trees keep CI quick;
 * bench/ holds the full-size run.
 */
public final class EnTexDesignB {
    public static final String TRAIN = "sigmoid_colon";
    public static final String TRANSFER = "stomach";
    public static final String LEARNER = "weka.classifiers.trees.RandomForest -I 50";
    public static final long SEED = 42;
    public static final String HOLDOUT = "chr8,chr9,chr10";
    public static final String ANNOTATION = "annotation/gencode.v24.protein.coding.non.redundant.TSS.bed.gz";
    public static final String CHROM_SIZES = "annotation/hg38.chrom.sizes";

    /** A tissue's mark files (mark name to path under the shared data) and RNA file. */
    public record Tissue(String name, Map<String, String> marks, String rna) {
    }

    public static final List<Tissue> TISSUES = List.of(
            new Tissue(TRAIN, marks("atac/ENCFF287UHP.sigmoid_colon.ATAC.peaks_outside_genes.bed.gz",
                    "chipseq/ENCFF668DFB.bed.gz", "chipseq/ENCFF872UHN.bed.gz", "chipseq/ENCFF477DXO.bed.gz"),
                    "encode/rnaseq/ENCFF268RWA.tsv"),
            new Tissue(TRANSFER, marks("atac/ENCFF762IFP.stomach.ATAC.peaks_outside_genes.bed.gz",
                    "chipseq/ENCFF502IJF.bed.gz", "chipseq/ENCFF977LBD.bed.gz", "chipseq/ENCFF979WAV.bed.gz"),
                    "encode/rnaseq/ENCFF918KPC.tsv"));

    private EnTexDesignB() {
    }

    private static Map<String, String> marks(String atac, String h3k4me3, String h3k27ac, String polr2a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ATAC", "encode/" + atac);
        m.put("H3K4me3", "encode/" + h3k4me3);
        m.put("H3K27ac", "encode/" + h3k27ac);
        m.put("POLR2A", "encode/" + polr2a);
        return m;
    }

    /** The metrics of the CLI chain: TSV and JSON of evaluate-regression. */
    public record Metrics(Path tsv, Path json) {
    }

    /**
     * gene-features per tissue, split (held-out chromosomes), regress (colon, stomach as transfer) and
     * evaluate-regression, in-process, in {@code dir}; the unknown-contig genes and peaks are skipped
     * (29 annotation genes lie on scaffolds the sizes file lacks).
     */
    public static Metrics runCli(Path dir) {
        Map<String, Path> datasets = new LinkedHashMap<>();
        for (Tissue t : TISSUES) {
            Path out = dir.resolve(t.name() + ".xfd");
            List<String> args = new ArrayList<>(List.of("gene-features"));
            t.marks().forEach((mark, file) -> args.addAll(List.of("--mark", mark + "=" + TestEnvironment.sharedFile(file))));
            args.addAll(List.of("--annotation", TestEnvironment.sharedFile(ANNOTATION).toString(),
                    "--rna", TestEnvironment.sharedFile(t.rna()).toString(), "--tissue", t.name(),
                    "--chrom-sizes", TestEnvironment.sharedFile(CHROM_SIZES).toString(),
                    "--unknown-contigs", "skip", "--output", out.toString()));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.stderr());
            datasets.put(t.name(), out);
        }
        Path splits = dir.resolve("splits.tsv");
        Cli.Result split = Cli.run("split", "--input", datasets.get(TRAIN).toString(), "--output", splits.toString(),
                "--holdout-column", "chrom", "--holdout-values", HOLDOUT, "--seed", Long.toString(SEED));
        assertEquals(0, split.exitCode(), split.stderr());
        Path pred = dir.resolve("pred.tsv");
        Cli.Result r = Cli.run("regress", "--input", datasets.get(TRAIN).toString(), "--splits", splits.toString(),
                "--learner", LEARNER, "--seed", Long.toString(SEED), "--transfer", TRANSFER + "=" + datasets.get(TRANSFER),
                "--predictions", pred.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Metrics m = new Metrics(dir.resolve("m.tsv"), dir.resolve("m.json"));
        Cli.Result e = Cli.run("evaluate-regression", "--predictions", pred.toString(), "--output-tsv", m.tsv().toString(),
                "--output-json", m.json().toString());
        assertEquals(0, e.exitCode(), e.stderr());
        return m;
    }

    /** The value of the one metrics-TSV row starting with {@code prefix} (set, learner, target, metric). */
    public static double value(List<String> lines, String prefix) {
        List<String> hits = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith(prefix + "\t")) {
                hits.add(l.substring(prefix.length() + 1));
            }
        }
        assertEquals(1, hits.size(), prefix);
        return Double.parseDouble(hits.get(0));
    }
}
