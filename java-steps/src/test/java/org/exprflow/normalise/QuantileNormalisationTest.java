package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Behaviour of QuantileNormalisation that does not need R (the R comparisons are in QuantileNormalisationRTest). */
@Tag("unit")
class QuantileNormalisationTest {

    @Test
    void newSampleGetsTheTrainingTargetByRankNotByItsOwnValues() {
        double[][] training = {{1, 2, 3}, {3, 4, 5}};
        CrossSampleTransform.Fitted fitted = new QuantileNormalisation().fit(training);
        // Target = means of sorted samples = 2, 3, 4; a new sample on a wholly different scale maps onto it.
        double[][] out = fitted.apply(new double[][] {{1000, -5, 20}});
        assertArrayEquals(new double[] {4, 2, 3}, out[0], 0.0);
    }

    @Test
    void inputIsNotModified() {
        double[][] training = {{5, 2, Double.NaN, 4}, {4, 1, 4, 2}, {3, 4, 6, 8}};
        double[][] copy = {training[0].clone(), training[1].clone(), training[2].clone()};
        CrossSampleTransform.Fitted fitted = new QuantileNormalisation().fit(training);
        fitted.applyToTraining(training);
        fitted.apply(training);
        for (int i = 0; i < training.length; i++) {
            assertArrayEquals(copy[i], training[i], 0.0);
        }
    }

    @Test
    void singleTrainingSampleIsReturnedUnchangedLikeLimma() {
        double[][] one = {{3, 1, 3, 2}};
        double[][] out = new QuantileNormalisation().fit(one).applyToTraining(one);
        assertArrayEquals(one[0], out[0], 0.0);
    }

    @Test
    void trainingSampleWithFewerThanTwoObservedValuesIsUnsuitable() {
        double[][] rows = {{1, 2, 3}, {Double.NaN, 7, Double.NaN}};
        UserException e = assertThrows(UserException.class, () -> new QuantileNormalisation().fit(rows));
        assertEquals(ExitCode.UNSUITABLE_DATA, e.exitCode());
        assertTrue(e.getMessage().contains("training sample 2 has 1"), e.getMessage());
    }

    @Test
    void applyingToRowsOfAnotherWidthIsABug() {
        CrossSampleTransform.Fitted fitted = new QuantileNormalisation().fit(new double[][] {{1, 2, 3}, {2, 3, 4}});
        assertThrows(IllegalArgumentException.class, () -> fitted.apply(new double[][] {{1, 2}}));
    }

    @Test
    void approxMatchesRsLinearInterpolationOnAUniformGrid() {
        double[] y = {10, 20, 40, 80};
        // grid 0, 1/3, 2/3, 1
        assertEquals(10, QuantileNormalisation.approxOnUniformGrid(y, 4, 0.0), 0.0);
        assertEquals(80, QuantileNormalisation.approxOnUniformGrid(y, 4, 1.0), 0.0);
        assertEquals(40, QuantileNormalisation.approxOnUniformGrid(y, 4, 2.0 / 3), 0.0);
        assertEquals(30, QuantileNormalisation.approxOnUniformGrid(y, 4, 0.5), 1e-12);
        assertTrue(Double.isNaN(QuantileNormalisation.approxOnUniformGrid(y, 4, 1.5)), "outside the grid is NA (rule = 1)");
    }
}
