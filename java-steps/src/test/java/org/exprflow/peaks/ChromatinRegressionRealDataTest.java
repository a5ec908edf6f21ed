package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design (b) on EN-TEx: per-gene chromatin features (ATAC, H3K4me3, H3K27ac, POLR2A around each TSS)
 * of sigmoid colon; a random forest trained on colon with chr8, chr9 and chr10 held out; Pearson r of
 * log2(TPM+1) on the held-out genes, and on stomach (transfer) for the held-out genes and for all.
 * CI keeps the forest small (50 trees); bench/ holds the full-size run.
 */
@Tag("realdata")
class ChromatinRegressionRealDataTest {
    @TempDir
    Path dir;

    private Path features(String tissue, String atac, String h3k4me3, String h3k27ac, String polr2a, String rna) {
        Path out = dir.resolve(tissue + ".xfd");
        Cli.Result r = Cli.run("gene-features",
                "--mark", "ATAC=" + TestEnvironment.sharedFile("encode/atac/" + atac),
                "--mark", "H3K4me3=" + TestEnvironment.sharedFile("encode/chipseq/" + h3k4me3),
                "--mark", "H3K27ac=" + TestEnvironment.sharedFile("encode/chipseq/" + h3k27ac),
                "--mark", "POLR2A=" + TestEnvironment.sharedFile("encode/chipseq/" + polr2a),
                "--annotation", TestEnvironment.sharedFile("annotation/gencode.v24.protein.coding.non.redundant.TSS.bed.gz").toString(),
                "--rna", TestEnvironment.sharedFile("encode/rnaseq/" + rna).toString(), "--tissue", tissue,
                "--chrom-sizes", TestEnvironment.sharedFile("annotation/hg38.chrom.sizes").toString(),
                "--unknown-contigs", "skip", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return out;
    }

    @Test
    void colonModelPredictsHeldOutChromosomesAndTransfersToStomach() throws Exception {
        Path colon = features("sigmoid_colon", "ENCFF287UHP.sigmoid_colon.ATAC.peaks_outside_genes.bed.gz",
                "ENCFF668DFB.bed.gz", "ENCFF872UHN.bed.gz", "ENCFF477DXO.bed.gz", "ENCFF268RWA.tsv");
        Path stomach = features("stomach", "ENCFF762IFP.stomach.ATAC.peaks_outside_genes.bed.gz",
                "ENCFF502IJF.bed.gz", "ENCFF977LBD.bed.gz", "ENCFF979WAV.bed.gz", "ENCFF918KPC.tsv");
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", colon.toString(), "--output", splits.toString(),
                "--holdout-column", "chrom", "--holdout-values", "chr8,chr9,chr10").exitCode());
        Path pred = dir.resolve("pred.tsv");
        Cli.Result r = Cli.run("regress", "--input", colon.toString(), "--splits", splits.toString(),
                "--learner", "weka.classifiers.trees.RandomForest -I 50", "--transfer", "stomach=" + stomach,
                "--predictions", pred.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Path metrics = dir.resolve("m.tsv");
        assertEquals(0, Cli.run("evaluate-regression", "--predictions", pred.toString(), "--output-tsv", metrics.toString(),
                "--output-json", dir.resolve("m.json").toString()).exitCode());
        List<String> lines = Files.readAllLines(metrics);
        double heldOut = value(lines, "test\tmodel\tall\tpearson");
        double stomachHeldOut = value(lines, "transfer:stomach:test\tmodel\tall\tpearson");
        double stomachAll = value(lines, "transfer:stomach\tmodel\tall\tpearson");
        System.out.printf("EN-TEx design (b), RF-50: held-out chr8-10 r %.3f; stomach held-out r %.3f, all genes r %.3f%n",
                heldOut, stomachHeldOut, stomachAll);
        assertTrue(heldOut >= 0.5, "held-out r " + heldOut);
        assertTrue(stomachHeldOut >= 0.45, "stomach held-out r " + stomachHeldOut);
        assertTrue(lines.contains("test\tmean\tall\tpearson\tNA"), "the mean baseline is reported beside the model");
        assertTrue(value(lines, "test\tmean\tall\tr2") <= 0.0 && value(lines, "test\tmodel\tall\tr2") > 0.2);
    }

    private static double value(List<String> lines, String prefix) {
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
