package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FeatureZScoreTest {
    private static final double NA = Double.NaN;

    @Test
    void newRowsAreScaledWithTrainingMeanAndSd() {
        // Feature 0: 1, 2, 3 (mean 2, sd 1). Feature 1: 10, NA, 30 (mean 20, sd sqrt(200)).
        // Feature 2: constant. Feature 3: a single observed value (no SD).
        double[][] training = {{1, 10, 5, NA}, {2, NA, 5, 4}, {3, 30, 5, NA}};
        CrossSampleTransform.Fitted fitted = new FeatureZScore().fit(training);

        double[][] fresh = {{4, 20 + Math.sqrt(200), 9, 4}, {NA, 0, 5, 100}};
        double[][] out = fitted.apply(fresh);
        assertArrayEquals(new double[] {2, 1, 0, 0}, out[0], 1e-12);
        assertArrayEquals(new double[] {NA, -20 / Math.sqrt(200), 0, 0}, out[1], 1e-12);

        // A new sample does not move the training figures: scaling it alone gives the same values.
        assertArrayEquals(out[0], fitted.apply(new double[][] {fresh[0]})[0], 0.0);
    }

    @Test
    void trainingRowsGetMeanZeroAndSdOne() {
        double[][] training = {{1, 4}, {2, 8}, {6, 9}};
        double[][] out = new FeatureZScore().fit(training).applyToTraining(training);
        for (int f = 0; f < 2; f++) {
            double[] column = {out[0][f], out[1][f], out[2][f]};
            MeanSd m = MeanSd.of(column);
            assertEquals(0, m.mean(), 1e-12);
            assertEquals(1, m.sd(), 1e-12);
        }
    }

    @Test
    void sampleStandardisationUsesEachSampleAlone() {
        double[][] rows = {{1, 2, NA, 3}, {7, 7, 7, 7}, {100, 300, 200, NA}};
        double[][] out = new SampleStandardisation().fit(rows).apply(rows);
        assertArrayEquals(new double[] {-1, 0, NA, 1}, out[0], 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 0}, out[1], 0.0, "no spread: 0");
        assertArrayEquals(new double[] {-1, 1, 0, NA}, out[2], 1e-12);
        // Row 0 alone gives the same result: nothing is borrowed from other samples.
        assertArrayEquals(out[0], new SampleStandardisation().fit(rows).apply(new double[][] {rows[0]})[0], 0.0);
    }
}
