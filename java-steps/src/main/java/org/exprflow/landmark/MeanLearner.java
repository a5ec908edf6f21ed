package org.exprflow.landmark;

import java.util.Arrays;

/**
 * Predicts each target's training mean. Targets are z-scored with the training mean, so that is 0
 * up to rounding; it is computed rather than assumed, so the baseline stays right if the
 * normalisation changes.
 */
final class MeanLearner implements LandmarkLearner {

    @Override
    public String label() {
        return MEAN;
    }

    @Override
    public FittedTargets fit(double[][] trainX, double[][] trainY) {
        int targets = trainY.length == 0 ? 0 : trainY[0].length;
        double[] means = new double[targets];
        for (int t = 0; t < targets; t++) {
            double sum = 0;
            int n = 0;
            for (double[] row : trainY) {
                if (!Double.isNaN(row[t])) {
                    sum += row[t];
                    n++;
                }
            }
            means[t] = n == 0 ? Double.NaN : sum / n;
        }
        return new Means(means);
    }

    /** The training mean of each target. */
    private record Means(double[] means) implements FittedTargets {
        @Override
        public int targets() {
            return means.length;
        }

        @Override
        public String describe() {
            return "the training mean of each target";
        }

        @Override
        public double[][] predict(double[][] landmarkRows) {
            double[][] out = new double[means.length][landmarkRows.length];
            for (int t = 0; t < means.length; t++) {
                Arrays.fill(out[t], means[t]);
            }
            return out;
        }
    }
}
