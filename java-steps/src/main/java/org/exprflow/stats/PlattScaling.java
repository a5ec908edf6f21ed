package org.exprflow.stats;

import org.exprflow.io.Canonical;

/**
 * Platt scaling (Platt 1999): P(y = 1 | f) = 1 / (1 + exp(A f + B)), fitted by maximum likelihood
 * with Platt's smoothed targets (N+ + 1) / (N+ + 2) for positives and 1 / (N− + 2) for negatives.
 * This is the objective of scikit-learn's {@code _sigmoid_calibration} (CalibratedClassifierCV,
 * method='sigmoid'); the minimiser is unique (the objective is convex), and it is found here by
 * Newton's method with a backtracking line search and the overflow-safe log-likelihood of Lin, Lin
 * and Weng (2007), iterated to a gradient of 1e-11 rather than stopped at scikit-learn's BFGS
 * tolerance (gtol 1e-5), so the two agree to within that tolerance, not bit for bit.
 */
public final class PlattScaling implements CalibrationMap {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ITERATIONS = 200;
    private static final double GRADIENT_TOLERANCE = 1e-11;
    private static final double MIN_STEP = 1e-10;
    /** Lin et al.'s ridge on the Hessian's diagonal: keeps Newton's step defined when every score is equal. */
    private static final double SIGMA = 1e-12;

    private final double a;
    private final double b;

    PlattScaling(double a, double b) {
        this.a = a;
        this.b = b;
    }

    /** Fits A and B on scores {@code f} and binary outcomes {@code y} (true = the class). */
    public static PlattScaling fit(double[] f, boolean[] y) {
        double prior1 = 0;
        for (boolean v : y) {
            prior1 += v ? 1 : 0;
        }
        double prior0 = y.length - prior1;
        double hi = (prior1 + 1.0) / (prior1 + 2.0);
        double lo = 1.0 / (prior0 + 2.0);
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            t[i] = y[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double value = objective(f, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] d = derivatives(f, t, a, b);
            double g1 = d[0];
            double g2 = d[1];
            if (Math.abs(g1) < GRADIENT_TOLERANCE && Math.abs(g2) < GRADIENT_TOLERANCE) {
                break;
            }
            double h11 = d[2];
            double h22 = d[3];
            double h21 = d[4];
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            boolean moved = false;
            while (step >= MIN_STEP) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newValue = objective(f, t, newA, newB);
                // Near the minimum the objective's decrease is below its rounding, and the Armijo test
                // (Lin et al.) would stop Newton's method at a gradient of about 1e-8; a full step that
                // shrinks the gradient is then taken anyway.
                boolean armijo = newValue < value + 0.0001 * step * gd;
                boolean closer = step == 1 && !armijo && gradientNorm(derivatives(f, t, newA, newB)) < gradientNorm(d);
                if (armijo || closer) {
                    moved = newA != a || newB != b;
                    a = newA;
                    b = newB;
                    value = newValue;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break; // at the minimum to rounding: no step lowers the objective
            }
        }
        return new PlattScaling(a, b);
    }

    /** Gradient (g1 for A, g2 for B) and Hessian (h11, h22, h21, with Lin et al.'s ridge) of the objective. */
    private static double[] derivatives(double[] f, double[] t, double a, double b) {
        double h11 = SIGMA;
        double h22 = SIGMA;
        double h21 = 0;
        double g1 = 0;
        double g2 = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            double p;
            double q;
            if (fApB >= 0) {
                p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                q = 1.0 / (1.0 + Math.exp(-fApB));
            } else {
                p = 1.0 / (1.0 + Math.exp(fApB));
                q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
            }
            double d2 = p * q;
            h11 += f[i] * f[i] * d2;
            h22 += d2;
            h21 += f[i] * d2;
            double d1 = t[i] - p;
            g1 += f[i] * d1;
            g2 += d1;
        }
        return new double[] {g1, g2, h11, h22, h21};
    }

    private static double gradientNorm(double[] d) {
        return Math.abs(d[0]) + Math.abs(d[1]);
    }

    /** The negative log-likelihood, computed without overflow (Lin, Lin and Weng 2007). */
    private static double objective(double[] f, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            if (fApB >= 0) {
                sum += t[i] * fApB + Math.log1p(Math.exp(-fApB));
            } else {
                sum += (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
            }
        }
        return sum;
    }

    @Override
    public double apply(double score) {
        double fApB = a * score + b;
        // 1 / (1 + exp(fApB)) without overflow, as scipy's expit(-(A f + B))
        return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1.0 + Math.exp(fApB));
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public String describe() {
        return "platt A=" + Canonical.number(a) + " B=" + Canonical.number(b);
    }
}
