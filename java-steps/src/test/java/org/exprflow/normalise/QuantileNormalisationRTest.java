package org.exprflow.normalise;

import static org.exprflow.normalise.RReference.assertMatrixEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QuantileNormalisation against the R implementations it must reproduce, run live: limma's
 * normalizeQuantiles for the training samples, preprocessCore's normalize.quantiles.use.target for
 * new samples. Inputs include ties (average ranks) and NAs (limma's approx interpolation,
 * preprocessCore's percentile interpolation), where home-made implementations usually diverge.
 */
@Tag("unit")
class QuantileNormalisationRTest {
    private static final double TOL = 1e-9;

    @TempDir
    Path tmp;

    /** limma's own example: R rows are genes, so each of our rows is one column of A. */
    @Test
    void smallExampleWithTiesEqualsLimmaAndTheKnownResult() throws Exception {
        double[][] a = {{5, 2, 3, 4}, {4, 1, 4, 2}, {3, 4, 6, 8}};
        CrossSampleTransform.Fitted fitted = new QuantileNormalisation().fit(a);
        double[][] ours = fitted.applyToTraining(a);

        // Sorted columns (2,3,4,5), (1,2,4,4), (3,4,6,8) give the target 2, 3, 14/3, 17/3; the tied
        // 4s of sample 2 (average rank 3.5) get the mean of 14/3 and 17/3.
        double[][] known = {
            {17.0 / 3, 2, 3, 14.0 / 3},
            {31.0 / 6, 2, 31.0 / 6, 3},
            {2, 3, 14.0 / 3, 17.0 / 3}};
        assertMatrixEquals(known, ours, 1e-12, "literal limma result");
        assertMatrixEquals(new RReference(tmp).limmaNormalizeQuantiles(a), ours, TOL, "limma");
        assertArrayEquals(new double[] {2, 3, 14.0 / 3, 17.0 / 3},
                ((QuantileNormalisation.FittedQuantiles) fitted).target(), 1e-12);
    }

    @Test
    void randomMatrixWithTiesAndNasEqualsLimma() throws Exception {
        double[][] rows = integerCounts(new Random(20240611L), 12, 500, 0.03);
        // One sample with many NAs stretches the interpolation well beyond a few gaps.
        Random r = new Random(7);
        for (int f = 0; f < 500; f++) {
            if (r.nextDouble() < 0.3) {
                rows[4][f] = Double.NaN;
            }
        }
        double[][] ours = new QuantileNormalisation().fit(rows).applyToTraining(rows);
        assertMatrixEquals(new RReference(tmp).limmaNormalizeQuantiles(rows), ours, TOL, "limma 500 x 12");
    }

    @Test
    void continuousMatrixWithoutNasEqualsLimma() throws Exception {
        Random r = new Random(99);
        double[][] rows = new double[9][300];
        for (double[] row : rows) {
            for (int f = 0; f < row.length; f++) {
                row[f] = 8 + 2 * r.nextGaussian();
            }
        }
        double[][] ours = new QuantileNormalisation().fit(rows).applyToTraining(rows);
        assertMatrixEquals(new RReference(tmp).limmaNormalizeQuantiles(rows), ours, TOL, "limma continuous");
    }

    @Test
    void fittedTargetOnNewSamplesEqualsPreprocessCoreWithoutNasOrTies() throws Exception {
        Random r = new Random(3);
        QuantileNormalisation.FittedQuantiles fitted = fitOnTraining(r);
        double[][] fresh = new double[5][400];
        for (double[] row : fresh) {
            for (int f = 0; f < row.length; f++) {
                row[f] = Math.exp(5 + 1.5 * r.nextGaussian());
            }
        }
        assertMatrixEquals(new RReference(tmp).useTarget(fresh, fitted.target()), fitted.apply(fresh), TOL,
                "use.target, continuous");
    }

    @Test
    void fittedTargetOnNewSamplesEqualsPreprocessCoreWithTies() throws Exception {
        Random r = new Random(4);
        QuantileNormalisation.FittedQuantiles fitted = fitOnTraining(r);
        double[][] fresh = integerCounts(r, 6, 400, 0.0);
        // A block of three ties and a block of four, where preprocessCore's half-rank rule matters.
        fresh[0][10] = fresh[0][11] = fresh[0][12] = 50;
        fresh[1][20] = fresh[1][21] = fresh[1][22] = fresh[1][23] = 70;
        assertMatrixEquals(new RReference(tmp).useTarget(fresh, fitted.target()), fitted.apply(fresh), TOL,
                "use.target, ties");
    }

    @Test
    void fittedTargetOnNewSamplesEqualsPreprocessCoreWithTiesAndNas() throws Exception {
        Random r = new Random(5);
        QuantileNormalisation.FittedQuantiles fitted = fitOnTraining(r);
        double[][] fresh = integerCounts(r, 6, 400, 0.03);
        // Edge cases of the percentile interpolation: a sample with a single observed value, one
        // with two, and one where most values are missing.
        java.util.Arrays.fill(fresh[3], Double.NaN);
        fresh[3][17] = 42;
        java.util.Arrays.fill(fresh[4], Double.NaN);
        fresh[4][0] = 3;
        fresh[4][399] = 3000;
        for (int f = 0; f < 400; f += 2) {
            fresh[5][f] = Double.NaN;
        }
        double[][] ours = fitted.apply(fresh);
        assertMatrixEquals(new RReference(tmp).useTarget(fresh, fitted.target()), ours, TOL, "use.target, NAs");
        assertTrue(Double.isNaN(ours[3][0]) && !Double.isNaN(ours[3][17]), "NA stays NA, observed gets a value");
    }

    /** Target fitted on 10 training samples of 400 genes with ties and NAs. */
    private static QuantileNormalisation.FittedQuantiles fitOnTraining(Random r) {
        double[][] training = integerCounts(r, 10, 400, 0.03);
        return (QuantileNormalisation.FittedQuantiles) new QuantileNormalisation().fit(training);
    }

    /**
     * Rounded log-normal intensities: integers, so low values tie often (as in count or floored
     * data); naRate of the values are NA.
     */
    static double[][] integerCounts(Random r, int samples, int genes, double naRate) {
        double[][] rows = new double[samples][genes];
        for (double[] row : rows) {
            for (int f = 0; f < genes; f++) {
                row[f] = r.nextDouble() < naRate ? Double.NaN : Math.rint(Math.exp(3 + 1.5 * r.nextGaussian()));
            }
        }
        return rows;
    }
}
