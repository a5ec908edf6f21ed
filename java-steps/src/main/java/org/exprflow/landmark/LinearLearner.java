package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Linear (ridge) regression for all targets through one shared decomposition of the training
 * landmark matrix ({@link SharedRidgeRegression}). A target with missing training values is fitted
 * on its own complete rows with its own decomposition (rare: exact, only slower).
 */
final class LinearLearner implements LandmarkLearner {
    private final String label;
    private final double ridge;

    LinearLearner(String label, double ridge) {
        this.label = label;
        this.ridge = ridge;
    }

    @Override
    public String label() {
        return label;
    }

    double ridge() {
        return ridge;
    }

    @Override
    public FittedTargets fit(double[][] trainX, double[][] trainY) {
        int n = trainX.length;
        int targets = n == 0 ? 0 : trainY[0].length;
        SharedRidgeRegression shared = null;
        double[][] coefficients = new double[targets][];
        double[] y = new double[n];
        for (int t = 0; t < targets; t++) {
            List<Integer> complete = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                y[i] = trainY[i][t];
                if (!Double.isNaN(y[i])) {
                    complete.add(i);
                }
            }
            if (complete.size() == n) {
                if (shared == null) {
                    shared = SharedRidgeRegression.decompose(trainX, ridge);
                }
                coefficients[t] = shared.coefficients(y);
            } else {
                double[][] x = new double[complete.size()][];
                double[] yc = new double[complete.size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = trainX[complete.get(k)];
                    yc[k] = y[complete.get(k)];
                }
                coefficients[t] = SharedRidgeRegression.decompose(x, ridge).coefficients(yc);
            }
        }
        return new LinearCoefficients(coefficients);
    }
}
