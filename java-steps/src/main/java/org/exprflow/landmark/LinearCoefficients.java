package org.exprflow.landmark;

/**
 * Linear models of every target, each as p slopes on the original landmark scale and then the
 * intercept ({@link SharedRidgeRegression#predict}'s layout): what {@code linear}, {@code ridge:λ}
 * and {@code ridge:auto} fit.
 */
record LinearCoefficients(double[][] coefficients) implements FittedTargets {
    @Override
    public int targets() {
        return coefficients.length;
    }

    @Override
    public String describe() {
        int slopes = coefficients.length == 0 ? 0 : coefficients[0].length - 1;
        return "linear: " + slopes + " slopes and an intercept per target";
    }

    @Override
    public double[][] predict(double[][] landmarkRows) {
        double[][] out = new double[coefficients.length][landmarkRows.length];
        for (int t = 0; t < coefficients.length; t++) {
            for (int i = 0; i < landmarkRows.length; i++) {
                out[t][i] = SharedRidgeRegression.predict(coefficients[t], landmarkRows[i]);
            }
        }
        return out;
    }
}
