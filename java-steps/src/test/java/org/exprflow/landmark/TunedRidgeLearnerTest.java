package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.exprflow.core.UserException;
import org.exprflow.stats.RegressionMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TunedRidgeLearnerTest {

    /** Rows of p landmarks; y = x·w + noise for each target, w dense and weak (few samples per landmark). */
    private static double[][][] study(int n, int p, int targets, double signal, long seed) {
        Random r = new Random(seed);
        double[][] w = new double[targets][p];
        for (double[] wt : w) {
            for (int j = 0; j < p; j++) {
                wt[j] = r.nextGaussian() * signal / Math.sqrt(p);
            }
        }
        double[][] x = new double[n][p];
        double[][] y = new double[n][targets];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian();
            }
            for (int t = 0; t < targets; t++) {
                double s = r.nextGaussian();
                for (int j = 0; j < p; j++) {
                    s += w[t][j] * x[i][j];
                }
                y[i][t] = s;
            }
        }
        return new double[][][] {x, y};
    }

    private static double mae(double[][] truth, double[][] predictedByTarget) {
        double sum = 0;
        for (int t = 0; t < predictedByTarget.length; t++) {
            double[] col = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                col[i] = truth[i][t];
            }
            sum += RegressionMetrics.of(col, predictedByTarget[t]).mae();
        }
        return sum / predictedByTarget.length;
    }

    @Test
    void withFewSamplesPerLandmarkItBeatsLeastSquaresAndNeverLosesToTheMean() {
        // 80 training samples for 60 landmarks: least squares overfits, as in LandmarkBenchmarkIT.
        // One study (one set of weights) cut into training, validation and test rows.
        double[][][] all = study(340, 60, 12, 0.5, 7);
        double[][] x = all[0];
        double[][] y = all[1];
        double[][] trainX = java.util.Arrays.copyOfRange(x, 0, 80);
        double[][] trainY = java.util.Arrays.copyOfRange(y, 0, 80);
        double[][] valX = java.util.Arrays.copyOfRange(x, 80, 140);
        double[][] valY = java.util.Arrays.copyOfRange(y, 80, 140);
        double[][] testX = java.util.Arrays.copyOfRange(x, 140, 340);
        double[][] testY = java.util.Arrays.copyOfRange(y, 140, 340);

        FittedTargets tuned = new TunedRidgeLearner().withValidation(valX, valY).fit(trainX, trainY);
        FittedTargets linear = new LinearLearner("linear", 1e-8).fit(trainX, trainY);
        FittedTargets mean = new MeanLearner().fit(trainX, trainY);
        double tunedMae = mae(testY, tuned.predict(testX));
        double linearMae = mae(testY, linear.predict(testX));
        double meanMae = mae(testY, mean.predict(testX));
        assertTrue(tunedMae < linearMae, "tuned " + tunedMae + " vs least squares " + linearMae);
        assertTrue(tunedMae < meanMae, "tuned " + tunedMae + " vs mean " + meanMae);
        assertTrue(mae(valY, tuned.predict(valX)) <= mae(valY, mean.predict(valX)) + 1e-12, "never worse than the mean where tuned");
    }

    @Test
    void atTheChosenLambdaTheCoefficientsAreThoseOfTheFixedRidge() {
        double[][][] all = study(150, 20, 5, 3.0, 3);
        double[][] trainX = java.util.Arrays.copyOfRange(all[0], 0, 100);
        double[][] trainY = java.util.Arrays.copyOfRange(all[1], 0, 100);
        double[][] valX = java.util.Arrays.copyOfRange(all[0], 100, 150);
        double[][] valY = java.util.Arrays.copyOfRange(all[1], 100, 150);
        TunedRidgeLearner.Fitted tuned = (TunedRidgeLearner.Fitted) new TunedRidgeLearner().withValidation(valX, valY).fit(trainX, trainY);
        for (int t = 0; t < 5; t++) {
            double lambda = tuned.lambdas()[t];
            assertTrue(Double.isFinite(lambda), "a strong signal picks a finite λ for target " + t);
            double[] expected = SharedRidgeRegression.decompose(trainX, lambda).coefficients(column(trainY, t));
            double[] actual = tuned.coefficients()[t];
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], actual[j], 1e-8 * Math.max(1, Math.abs(expected[j])), "target " + t + " coefficient " + j);
            }
        }
    }

    @Test
    void targetsWithMissingTrainingValuesAreFittedOnTheirCompleteRows() {
        double[][][] all = study(120, 10, 3, 3.0, 5);
        double[][] trainX = java.util.Arrays.copyOfRange(all[0], 0, 80);
        double[][] trainY = java.util.Arrays.copyOfRange(all[1], 0, 80);
        trainY[3][1] = Double.NaN;
        double[][] valX = java.util.Arrays.copyOfRange(all[0], 80, 120);
        double[][] valY = java.util.Arrays.copyOfRange(all[1], 80, 120);
        TunedRidgeLearner.Fitted tuned = (TunedRidgeLearner.Fitted) new TunedRidgeLearner().withValidation(valX, valY).fit(trainX, trainY);
        for (double[] coef : tuned.coefficients()) {
            for (double c : coef) {
                assertTrue(Double.isFinite(c));
            }
        }
    }

    @Test
    void withoutValidationSamplesItAsksForThem() {
        UserException e = assertThrows(UserException.class, () -> new TunedRidgeLearner().withValidation(new double[0][], new double[0][]));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
        assertEquals(TunedRidgeLearner.LABEL, LandmarkLearner.parse("ridge:auto", 1).label());
    }

    private static double[] column(double[][] m, int c) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][c];
        }
        return out;
    }
}
