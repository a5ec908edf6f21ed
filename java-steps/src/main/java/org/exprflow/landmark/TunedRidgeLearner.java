package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;

import weka.core.matrix.EigenvalueDecomposition;
import weka.core.matrix.Matrix;

/**
 * {@code ridge:auto}, the default landmark learner: ridge regression on standardized landmarks with
 * λ chosen per target on the validation samples, as D-GEX tunes on its validation set. With few
 * samples for ~1,000 landmarks, least squares overfits and loses to the training mean (LandmarkBenchmarkIT:
 * test MAE 1.03 against 0.75); a λ large enough predicts close to the mean, and the mean itself
 * (λ = ∞) is a candidate, so on the validation samples the chosen model is never worse than the mean.
 *
 * <p>One eigendecomposition ZᵀZ = V S Vᵀ of the standardized training landmarks serves every λ:
 * the coefficients are V diag(1/(s + λ)) Vᵀ Zᵀ y, so trying the whole grid costs one q × q product
 * per λ for all targets together. The grid is {@link #GRID}; ties keep the larger λ (the simpler
 * model). A target with missing training values is fitted on its complete rows with its own
 * decomposition (exact, slower, rare). The validation metrics of this learner are those it was tuned
 * on and so are optimistic; its test metrics are not.
 */
final class TunedRidgeLearner implements LandmarkLearner {
    static final String LABEL = "ridge:auto";
    /** λ from 10⁻² to 10⁵ in half decades, largest first, then ∞ (the training mean) is tried before all. */
    static final double[] GRID = grid();

    private final double[][] validationX;
    private final double[][] validationY;

    TunedRidgeLearner() {
        this(null, null);
    }

    private TunedRidgeLearner(double[][] validationX, double[][] validationY) {
        this.validationX = validationX;
        this.validationY = validationY;
    }

    private static double[] grid() {
        double[] g = new double[15];
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.pow(10, 5 - 0.5 * i);
        }
        return g;
    }

    @Override
    public String label() {
        return LABEL;
    }

    /** The learner that tunes on these validation rows (normalised landmarks, target z-scores). */
    TunedRidgeLearner withValidation(double[][] landmarks, double[][] targets) {
        if (landmarks.length == 0) {
            throw UserException.badParameter("--learner " + LABEL + " chooses λ on the validation samples and the split has none; "
                    + "give a validation share, or a fixed ridge:LAMBDA");
        }
        return new TunedRidgeLearner(landmarks, targets);
    }

    @Override
    public Fitted fit(double[][] trainX, double[][] trainY) {
        if (validationX == null) {
            throw new IllegalStateException(LABEL + " needs withValidation() before fit()");
        }
        int n = trainX.length;
        int targets = n == 0 ? 0 : trainY[0].length;
        double[][] coefficients = new double[targets][];
        double[] lambdas = new double[targets];
        List<Integer> complete = new ArrayList<>();
        List<Integer> incomplete = new ArrayList<>();
        for (int t = 0; t < targets; t++) {
            boolean any = false;
            for (double[] row : trainY) {
                any |= Double.isNaN(row[t]);
            }
            (any ? incomplete : complete).add(t);
        }
        if (!complete.isEmpty()) {
            new RidgePath(trainX, columns(trainY, complete, null)).choose(this, complete, coefficients, lambdas);
        }
        for (int t : incomplete) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(trainY[i][t])) {
                    rows.add(i);
                }
            }
            double[][] x = new double[rows.size()][];
            for (int k = 0; k < x.length; k++) {
                x[k] = trainX[rows.get(k)];
            }
            new RidgePath(x, columns(trainY, List.of(t), rows)).choose(this, List.of(t), coefficients, lambdas);
        }
        Log.info(describe(lambdas));
        return new Fitted(new LinearCoefficients(coefficients), lambdas);
    }

    /** "ridge:auto: λ chosen per target on 60 validation samples: median 1000 (10 to 1e+05); the mean for 3 of 12 targets". */
    private String describe(double[] lambdas) {
        double[] finite = Arrays.stream(lambdas).filter(Double::isFinite).sorted().toArray();
        int mean = lambdas.length - finite.length;
        String spread = finite.length == 0 ? "none finite"
                : "median " + format(finite[finite.length / 2]) + " (" + format(finite[0]) + " to " + format(finite[finite.length - 1]) + ")";
        return LABEL + ": λ chosen per target on " + validationX.length + " validation samples: " + spread
                + "; the training mean for " + mean + " of " + lambdas.length + " targets";
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    /** The given target columns of the given rows (all rows when null), [row][target]. */
    private static double[][] columns(double[][] y, List<Integer> targets, List<Integer> rows) {
        int n = rows == null ? y.length : rows.size();
        double[][] out = new double[n][targets.size()];
        for (int i = 0; i < n; i++) {
            double[] src = y[rows == null ? i : rows.get(i)];
            for (int k = 0; k < targets.size(); k++) {
                out[i][k] = src[targets.get(k)];
            }
        }
        return out;
    }

    /** The ridge path of some targets over one set of training rows, via one eigendecomposition. */
    private static final class RidgePath {
        final int p;
        final double[] means;
        final double[] sds;
        final int[] used;
        final double[][] v;      // q × q eigenvectors (columns)
        final double[] s;        // q eigenvalues
        final double[][] u;      // q × T: Vᵀ Zᵀ (y - ȳ)
        final double[] yMean;    // T

        RidgePath(double[][] x, double[][] y) {
            int n = x.length;
            if (n < 2) {
                throw UserException.unsuitable("ridge regression needs at least 2 training samples, got " + n);
            }
            p = x[0].length;
            means = new double[p];
            sds = new double[p];
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    means[j] += row[j];
                }
            }
            for (int j = 0; j < p; j++) {
                means[j] /= n;
            }
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    double d = row[j] - means[j];
                    sds[j] += d * d;
                }
            }
            used = java.util.stream.IntStream.range(0, p).filter(j -> {
                sds[j] = Math.sqrt(sds[j] / (n - 1));
                return sds[j] > 0;
            }).toArray();
            int q = used.length;
            double[][] z = new double[n][q];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < q; k++) {
                    z[i][k] = (x[i][used[k]] - means[used[k]]) / sds[used[k]];
                }
            }
            // ZᵀZ row by row (the rows of z are contiguous; walking a column of z misses the cache
            // at every sample, which made this loop the cost of a chunk at 20,000 samples). Each entry
            // still adds its products in sample order from 0, so the sums are bit for bit the same.
            double[][] gram = new double[q][q];
            for (int i = 0; i < n; i++) {
                double[] zi = z[i];
                for (int r = 0; r < q; r++) {
                    double zir = zi[r];
                    double[] g = gram[r];
                    for (int c = 0; c <= r; c++) {
                        g[c] += zir * zi[c];
                    }
                }
            }
            for (int r = 0; r < q; r++) {
                for (int c = 0; c < r; c++) {
                    gram[c][r] = gram[r][c];
                }
            }
            EigenvalueDecomposition eig = new EigenvalueDecomposition(new Matrix(gram));
            v = eig.getV().getArray();
            s = eig.getRealEigenvalues();
            int targets = y[0].length;
            yMean = new double[targets];
            for (double[] row : y) {
                for (int t = 0; t < targets; t++) {
                    yMean[t] += row[t];
                }
            }
            for (int t = 0; t < targets; t++) {
                yMean[t] /= n;
            }
            // zty = Zᵀ (y - ȳ), q × T; then u = Vᵀ zty.
            double[][] zty = new double[q][targets];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < q; k++) {
                    double zik = z[i][k];
                    for (int t = 0; t < targets; t++) {
                        zty[k][t] += zik * (y[i][t] - yMean[t]);
                    }
                }
            }
            u = multiplyTransposed(v, zty);
        }

        /** Picks each target's λ on the validation rows and stores its coefficients at its index. */
        void choose(TunedRidgeLearner learner, List<Integer> targetIndex, double[][] coefficients, double[] lambdas) {
            int q = used.length;
            int targets = targetIndex.size();
            double[][] valX = learner.validationX;
            // Validation rows in the eigenbasis: P = Zval V, nval × q.
            double[][] zval = new double[valX.length][q];
            for (int i = 0; i < valX.length; i++) {
                for (int k = 0; k < q; k++) {
                    zval[i][k] = (valX[i][used[k]] - means[used[k]]) / sds[used[k]];
                }
            }
            double[][] pv = multiply(zval, v);
            double[] best = new double[targets];
            double[] bestLambda = new double[targets];
            for (int t = 0; t < targets; t++) {
                double mean = yMean[t];
                best[t] = validationMae(learner, targetIndex.get(t), i -> mean);
                bestLambda[t] = Double.POSITIVE_INFINITY;
            }
            for (double lambda : GRID) {
                double[][] c = new double[q][targets];
                for (int k = 0; k < q; k++) {
                    double f = s[k] + lambda > 0 ? 1.0 / (s[k] + lambda) : 0;
                    for (int t = 0; t < targets; t++) {
                        c[k][t] = u[k][t] * f;
                    }
                }
                double[][] predicted = multiply(pv, c); // nval × T, centred
                for (int t = 0; t < targets; t++) {
                    int col = t;
                    double mean = yMean[t];
                    double mae = validationMae(learner, targetIndex.get(t), i -> predicted[i][col] + mean);
                    if (mae < best[t]) {
                        best[t] = mae;
                        bestLambda[t] = lambda;
                    }
                }
            }
            for (int t = 0; t < targets; t++) {
                coefficients[targetIndex.get(t)] = coefficientsFor(t, bestLambda[t]);
                lambdas[targetIndex.get(t)] = bestLambda[t];
            }
        }

        /** p slopes on the original landmark scale, then the intercept ({@link SharedRidgeRegression#predict}'s layout). */
        private double[] coefficientsFor(int t, double lambda) {
            int q = used.length;
            double[] coef = new double[p + 1];
            coef[p] = yMean[t];
            if (Double.isInfinite(lambda)) {
                return coef;
            }
            double[] scaled = new double[q];
            for (int k = 0; k < q; k++) {
                scaled[k] = s[k] + lambda > 0 ? u[k][t] / (s[k] + lambda) : 0;
            }
            for (int k = 0; k < q; k++) {
                double b = 0;
                for (int m = 0; m < q; m++) {
                    b += v[k][m] * scaled[m];
                }
                int j = used[k];
                coef[j] = b / sds[j];
                coef[p] -= coef[j] * means[j];
            }
            return coef;
        }

        private static double validationMae(TunedRidgeLearner learner, int target, java.util.function.IntToDoubleFunction predicted) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < learner.validationY.length; i++) {
                double truth = learner.validationY[i][target];
                if (!Double.isNaN(truth)) {
                    sum += Math.abs(truth - predicted.applyAsDouble(i));
                    n++;
                }
            }
            return n == 0 ? Double.POSITIVE_INFINITY : sum / n;
        }

        private static double[][] multiply(double[][] a, double[][] b) {
            int n = a.length;
            int m = b.length;
            int k = m == 0 ? 0 : b[0].length;
            double[][] out = new double[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double aij = a[i][j];
                    double[] bj = b[j];
                    double[] oi = out[i];
                    for (int c = 0; c < k; c++) {
                        oi[c] += aij * bj[c];
                    }
                }
            }
            return out;
        }

        /** aᵀ b for a (m × q) and b (m × k): q × k. */
        private static double[][] multiplyTransposed(double[][] a, double[][] b) {
            int m = a.length;
            int q = m == 0 ? 0 : a[0].length;
            int k = m == 0 ? 0 : b[0].length;
            double[][] out = new double[q][k];
            for (int r = 0; r < m; r++) {
                for (int i = 0; i < q; i++) {
                    double ari = a[r][i];
                    for (int c = 0; c < k; c++) {
                        out[i][c] += ari * b[r][c];
                    }
                }
            }
            return out;
        }
    }

    /** Each target's linear model and its chosen λ (∞: the training mean). */
    record Fitted(LinearCoefficients models, double[] lambdas) implements FittedTargets {
        double[][] coefficients() {
            return models.coefficients();
        }

        @Override
        public int targets() {
            return models.targets();
        }

        @Override
        public double[][] predict(double[][] landmarkRows) {
            return models.predict(landmarkRows);
        }

        /** The linear models and the spread of the λ chosen per target on the validation samples. */
        @Override
        public String describe() {
            double[] sorted = lambdas.clone();
            java.util.Arrays.sort(sorted);
            long mean = java.util.Arrays.stream(lambdas).filter(Double::isInfinite).count();
            String range = sorted.length == 0 ? "" : ", λ chosen per target from "
                    + org.exprflow.io.Canonical.number(sorted[0]) + " to " + org.exprflow.io.Canonical.number(sorted[sorted.length - 1])
                    + (mean == 0 ? "" : " (" + mean + " target(s) kept the training mean)");
            return models.describe() + range;
        }
    }
}
