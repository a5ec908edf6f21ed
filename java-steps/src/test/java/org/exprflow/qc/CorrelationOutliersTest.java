package org.exprflow.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The correlation rule on its own: pairwise-complete Pearson, the k * MAD cut-off and its guards. */
@Tag("unit")
class CorrelationOutliersTest {

    @Test
    void pearsonUsesOnlyFeaturesObservedInBothSamples() {
        double[] x = {1, 2, 3, 4, Double.NaN, 100};
        double[] y = {2, 4, 6, 8, 5, Double.NaN};
        assertEquals(1.0, CorrelationOutliers.pearsonPairwiseComplete(x, y), 1e-12);
        assertTrue(Double.isNaN(CorrelationOutliers.pearsonPairwiseComplete(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }

    @Test
    void aNoisyArrayIsFlaggedAndTheKParameterControlsTheCutOff() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20;
        int features = 500;
        double[] base = new double[features];
        for (int f = 0; f < features; f++) {
            base[f] = 8 + 2 * gaussian(r);
        }
        double[][] rows = new double[n][features];
        for (int s = 0; s < n; s++) {
            double noise = s == 7 ? 1.5 : 0.3;
            for (int f = 0; f < features; f++) {
                rows[s][f] = base[f] + noise * gaussian(r);
            }
        }
        CorrelationOutliers strict = CorrelationOutliers.detect(rows, 5, 0.01);
        assertEquals(1, strict.outlierCount());
        assertTrue(strict.isOutlier(7));
        // A huge k puts the cut-off below every sample.
        assertEquals(0, CorrelationOutliers.detect(rows, 1000, 0.01).outlierCount());
    }

    @Test
    void nearIdenticalArraysAreNotFlaggedForTinyDifferences() {
        double[][] rows = new double[5][50];
        for (int s = 0; s < 5; s++) {
            for (int f = 0; f < 50; f++) {
                rows[s][f] = f + (s == 2 && f == 3 ? 0.5 : 0);
            }
        }
        CorrelationOutliers c = CorrelationOutliers.detect(rows, 5, 0.01);
        // MAD is 0 here; without the minimum drop the slightly different array would be an outlier.
        assertEquals(0, c.outlierCount());
        assertFalse(c.isOutlier(2));
    }

    private static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
