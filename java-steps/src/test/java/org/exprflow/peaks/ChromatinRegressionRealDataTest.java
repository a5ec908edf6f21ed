package org.exprflow.peaks;

import static org.exprflow.peaks.EnTexDesignB.value;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design (b) on EN-TEx through the CLI ({@link EnTexDesignB}): per-gene chromatin features (ATAC,
 * H3K4me3, H3K27ac, POLR2A around each TSS) of sigmoid colon; a random forest trained on colon with
 * chr8, chr9 and chr10 held out; Pearson r of log2(TPM+1) on the held-out genes, and on stomach
 * (transfer) for the held-out genes and for all. PeaksRealDataIT runs the same through the pipeline.
 */
@Tag("realdata")
class ChromatinRegressionRealDataTest {
    @TempDir
    Path dir;

    @Test
    void colonModelPredictsHeldOutChromosomesAndTransfersToStomach() throws Exception {
        List<String> lines = Files.readAllLines(EnTexDesignB.runCli(dir).tsv());
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
}
