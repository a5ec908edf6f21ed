package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.ReferenceR;
import org.exprflow.stats.RegressionMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression metrics against R's cor() and hand-computed values, with ties and missing values. */
@Tag("unit")
class RegressionMetricsRTest {
    @TempDir
    Path dir;

    private static final double[] MEASURED = {1.5, 2.0, 2.0, 3.7, 4.1, Double.NaN, 5.0, 0.2, 2.0, 3.3};
    private static final double[] PREDICTED = {1.0, 2.5, 1.5, 3.0, 3.0, 2.2, 4.4, 0.9, 2.5, 4.0};

    @Test
    void handComputedSmallCase() {
        // y = 1, 2, 3; p = 2, 2, 4: errors -1, 0, -1; SS_res 2; SS_tot 2 -> R2 0; RMSE sqrt(2/3); MAE 2/3
        RegressionMetrics m = RegressionMetrics.of(new double[] {1, 2, 3}, new double[] {2, 2, 4});
        assertEquals(3, m.n());
        assertEquals(0.0, m.r2(), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3), m.rmse(), 1e-15);
        assertEquals(2.0 / 3, m.mae(), 1e-15);
        // Pearson of (1,2,3) and (2,2,4): cov 1, sd 1 and sqrt(4/3) -> 0.8660254...
        assertEquals(Math.sqrt(3) / 2, m.pearson(), 1e-15);
        // ranks of p: 1.5, 1.5, 3 -> the same correlation
        assertEquals(Math.sqrt(3) / 2, m.spearman(), 1e-15);
    }

    @Test
    void aConstantPredictionHasNoCorrelation() {
        // the training-mean baseline: 0.1 * 3 is not exactly representable, so centring leaves rounding noise
        double c = 0.1 + 0.2;
        RegressionMetrics m = RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {c, c, c, c});
        assertEquals(Double.NaN, m.pearson());
        assertEquals(Double.NaN, m.spearman());
    }

    @Test
    void pearsonAndSpearmanEqualR() throws Exception {
        Path script = dir.resolve("cor.R");
        Files.writeString(script, String.join("\n",
                "y <- c(" + join(MEASURED) + ")",
                "p <- c(" + join(PREDICTED) + ")",
                "ok <- !is.na(y) & !is.na(p)",
                "cat(sprintf('%.17g', cor(y[ok], p[ok])), sprintf('%.17g', cor(y[ok], p[ok], method = 'spearman')), "
                        + "sprintf('%.17g', 1 - sum((y[ok] - p[ok])^2) / sum((y[ok] - mean(y[ok]))^2)), sep = '\\n')", ""));
        Process proc = new ProcessBuilder(ReferenceR.command(script.toString()))
                .redirectErrorStream(true).start();
        List<String> out = new String(proc.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, proc.waitFor(), String.join("\n", out));
        RegressionMetrics m = RegressionMetrics.of(MEASURED, PREDICTED);
        assertEquals(9, m.n());
        assertEquals(Double.parseDouble(out.get(0)), m.pearson(), 1e-12);
        assertEquals(Double.parseDouble(out.get(1)), m.spearman(), 1e-12);
        assertEquals(Double.parseDouble(out.get(2)), m.r2(), 1e-12);
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(Double.isNaN(x) ? "NA" : Double.toString(x));
        }
        return b.toString();
    }
}
