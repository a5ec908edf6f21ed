package org.exprflow.landmark;

import java.util.List;

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
    public double[][][] fitPredict(double[][] trainX, double[][] trainY, List<double[][]> newX) {
        int targets = trainY.length == 0 ? 0 : trainY[0].length;
        double[][][] out = new double[targets][newX.size()][];
        for (int t = 0; t < targets; t++) {
            double sum = 0;
            int n = 0;
            for (double[] row : trainY) {
                if (!Double.isNaN(row[t])) {
                    sum += row[t];
                    n++;
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            for (int s = 0; s < newX.size(); s++) {
                out[t][s] = new double[newX.get(s).length];
                java.util.Arrays.fill(out[t][s], mean);
            }
        }
        return out;
    }
}
