package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.testing.GolubTraining;
import org.exprflow.testing.ReferenceR;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCA against R's {@code prcomp(x, center = TRUE, scale. = FALSE)} on Golub's 38 normalised training
 * patients (the features observed everywhere and not constant, as PrincipalComponents keeps them):
 * the scores on PC1 and PC2 equal R's up to each component's sign, within 1e-9 times the largest
 * absolute score, and the shares of variance within 1e-12 (R runs under the reference BLAS/LAPACK,
 * Commons Math in pure Java, so the last bits may differ).
 */
@Tag("realdata")
class PrincipalComponentsRTest {
    private static final double SCORE_TOLERANCE = 1e-9;
    private static final double SHARE_TOLERANCE = 1e-12;

    @Test
    void golubScoresAndSharesEqualPrcomp(@TempDir Path dir) throws Exception {
        Dataset d = DatasetFile.read(GolubTraining.normalised(dir));
        double[][] x = d.copyValues();
        PrincipalComponents pca = PrincipalComponents.of(x, 2);
        assertEquals(2, pca.varianceFraction().length);

        // The whole matrix, full precision; R drops the same columns (any NA, or constant).
        Path matrix = dir.resolve("x.tsv");
        StringBuilder text = new StringBuilder();
        for (double[] row : x) {
            for (int f = 0; f < row.length; f++) {
                text.append(f == 0 ? "" : "\t").append(Double.isNaN(row[f]) ? "NA" : Double.toString(row[f]));
            }
            text.append('\n');
        }
        Files.writeString(matrix, text);
        Path script = dir.resolve("pca.R");
        Files.writeString(script, String.join("\n",
                "x <- as.matrix(read.table('" + matrix + "', sep = '\\t'))",
                "keep <- apply(x, 2, function(v) all(!is.na(v)) && length(unique(v)) > 1)",
                "p <- prcomp(x[, keep], center = TRUE, scale. = FALSE)",
                "share <- p$sdev^2 / sum(p$sdev^2)",
                "cat(sum(keep), sprintf('%.17g', share[1:2]), '\\n')",
                "write.table(format(p$x[, 1:2], digits = 17), sep = '\\t', quote = FALSE, row.names = FALSE, col.names = FALSE)",
                ""));
        Process proc = new ProcessBuilder(ReferenceR.command("--vanilla", script.toString())).redirectErrorStream(true).start();
        List<String> out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, proc.waitFor(), String.join("\n", out));

        String[] head = out.get(0).trim().split("\\s+");
        assertEquals(Integer.parseInt(head[0]), pca.features(), "features kept");
        assertEquals(Double.parseDouble(head[1]), pca.varianceFraction()[0], SHARE_TOLERANCE);
        assertEquals(Double.parseDouble(head[2]), pca.varianceFraction()[1], SHARE_TOLERANCE);
        List<double[]> r = new ArrayList<>();
        for (String line : out.subList(1, out.size())) {
            String[] f = line.trim().split("\\s+");
            r.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
        assertEquals(d.sampleCount(), r.size());
        double largest = 0;
        for (double[] s : pca.scores()) {
            largest = Math.max(largest, Math.max(Math.abs(s[0]), Math.abs(s[1])));
        }
        double worst = 0;
        for (int j = 0; j < 2; j++) {
            // the sign R chose: that of the product of the two score vectors
            double dot = 0;
            for (int s = 0; s < r.size(); s++) {
                dot += r.get(s)[j] * pca.scores()[s][j];
            }
            double sign = dot < 0 ? -1 : 1;
            for (int s = 0; s < r.size(); s++) {
                worst = Math.max(worst, Math.abs(sign * r.get(s)[j] - pca.scores()[s][j]));
            }
        }
        System.out.println("PCA vs prcomp on Golub: " + pca.features() + " features, largest |score| " + largest
                + ", largest score difference " + worst + ", shares " + pca.varianceFraction()[0] + ", " + pca.varianceFraction()[1]);
        assertTrue(worst <= SCORE_TOLERANCE * largest, "largest difference " + worst + " vs largest score " + largest);
    }
}
