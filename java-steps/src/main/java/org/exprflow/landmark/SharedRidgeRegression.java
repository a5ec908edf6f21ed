package org.exprflow.landmark;

import org.exprflow.core.UserException;

/**
 * Ridge (and, with a tiny ridge, ordinary) least squares for many targets on the same landmark
 * matrix: the Cholesky factor of ZᵀZ + λI and from it the solution operator (ZᵀZ + λI)⁻¹Zᵀ are
 * computed once, so each target costs one q × n product instead of a full Weka fit (at 1,000
 * samples × 978 landmarks and 9,520 targets, seconds instead of hours).
 *
 * <p>It reproduces {@code weka.classifiers.functions.LinearRegression -S 1 -C -R λ} (Weka 3.8.6,
 * read from its bytecode and checked coefficient by coefficient in SharedRidgeRegressionTest):
 * <ul>
 * <li>every attribute is centred on its training mean and divided by its training SD
 * (Instances.variance: n − 1 denominator); an attribute with SD 0 is left out (coefficient 0);</li>
 * <li>the class is <em>not</em> centred or scaled: Zᵀy equals Zᵀ(y − ȳ) because Z's columns are
 * centred, so the intercept is not penalised;</li>
 * <li>λ is added to the diagonal of ZᵀZ itself, not of ZᵀZ / n: the ridge is on standardized
 * attributes and its strength depends on the number of training samples;</li>
 * <li>the system is solved by Cholesky (MTJ's UpperSPDDenseMatrix); there is no retry with a larger
 * ridge in 3.8.6, so a singular system is an error there and here;</li>
 * <li>coefficients are returned to the original scale (b / SD) and the intercept is
 * ȳ − Σ b·mean.</li>
 * </ul>
 */
public final class SharedRidgeRegression {
    private final int p;
    private final double[] means;
    private final double[] sds;
    /** Columns with SD > 0, the ones in the system. */
    private final int[] used;
    /** The solution operator (ZᵀZ + λI)⁻¹Zᵀ, q × n, from the Cholesky factor. */
    private final double[][] w;
    private final double ridge;

    private SharedRidgeRegression(int p, double[] means, double[] sds, int[] used, double[][] w, double ridge) {
        this.p = p;
        this.means = means;
        this.sds = sds;
        this.used = used;
        this.w = w;
        this.ridge = ridge;
    }

    /** Standardizes the training rows (samples × landmarks, no NaN) and factors ZᵀZ + λI. */
    public static SharedRidgeRegression decompose(double[][] x, double ridge) {
        int n = x.length;
        if (n < 2) {
            throw UserException.unsuitable("linear regression needs at least 2 training samples, got " + n);
        }
        int p = x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                sd[j] += d * d;
            }
        }
        int q = 0;
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j] / (n - 1));
            if (sd[j] > 0) {
                q++;
            }
        }
        int[] used = new int[q];
        for (int j = 0, k = 0; j < p; j++) {
            if (sd[j] > 0) {
                used[k++] = j;
            }
        }
        double[][] zt = new double[q][n];
        for (int k = 0; k < q; k++) {
            int j = used[k];
            for (int i = 0; i < n; i++) {
                zt[k][i] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        double[][] a = new double[q][q];
        for (int r = 0; r < q; r++) {
            double[] zr = zt[r];
            for (int c = 0; c <= r; c++) {
                double[] zc = zt[c];
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += zr[i] * zc[i];
                }
                a[r][c] = s;
            }
            a[r][r] += ridge;
        }
        return new SharedRidgeRegression(p, mean, sd, used, solutionOperator(cholesky(a, ridge), zt), ridge);
    }

    public double ridge() {
        return ridge;
    }

    /**
     * Coefficients for one target measured on the training rows (no NaN): p slopes in the original
     * landmark scale (0 for constant landmarks), then the intercept.
     */
    public double[] coefficients(double[] y) {
        int q = used.length;
        int n = y.length;
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        // b = W y with W = (ZᵀZ + λI)⁻¹ Zᵀ, formed once: one q × n product per target.
        double[] u = new double[q];
        for (int k = 0; k < q; k++) {
            double[] wk = w[k];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += wk[i] * y[i];
            }
            u[k] = sum;
        }
        double[] coef = new double[p + 1];
        double intercept = yMean;
        for (int k = 0; k < q; k++) {
            int j = used[k];
            coef[j] = u[k] / sds[j];
            intercept -= coef[j] * means[j];
        }
        coef[p] = intercept;
        return coef;
    }

    /** Intercept + Σ b·x for one row. */
    public static double predict(double[] coef, double[] row) {
        int p = coef.length - 1;
        double s = coef[p];
        for (int j = 0; j < p; j++) {
            s += coef[j] * row[j];
        }
        return s;
    }

    /**
     * W = (LLᵀ)⁻¹Zᵀ, column by column: L v = Zᵀ e_i, then Lᵀ w = v. Costs n triangular solve pairs
     * once, which the targets repay as soon as there are more targets than training samples, and
     * is mathematically the same as solving (ZᵀZ + λI) b = Zᵀy per target, as Weka does.
     */
    private static double[][] solutionOperator(double[][] chol, double[][] zt) {
        int q = zt.length;
        int n = q == 0 ? 0 : zt[0].length;
        double[][] w = new double[q][n];
        double[] u = new double[q];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < q; r++) {
                double[] lr = chol[r];
                double s = zt[r][i];
                for (int c = 0; c < r; c++) {
                    s -= lr[c] * u[c];
                }
                u[r] = s / lr[r];
            }
            for (int r = q - 1; r >= 0; r--) {
                double s = u[r];
                for (int c = r + 1; c < q; c++) {
                    s -= chol[c][r] * u[c];
                }
                u[r] = s / chol[r][r];
            }
            for (int r = 0; r < q; r++) {
                w[r][i] = u[r];
            }
        }
        return w;
    }

    private static double[][] cholesky(double[][] a, double ridge) {
        int q = a.length;
        double[][] l = new double[q][];
        for (int r = 0; r < q; r++) {
            l[r] = new double[r + 1];
            double[] lr = l[r];
            for (int c = 0; c <= r; c++) {
                double[] lc = l[c];
                double s = a[r][c];
                for (int k = 0; k < c; k++) {
                    s -= lr[k] * lc[k];
                }
                if (r == c) {
                    if (!(s > 0)) {
                        throw UserException.unsuitable("the landmark matrix with ridge " + ridge
                                + " is singular (more landmarks than training samples, or collinear landmarks); "
                                + "use a larger ridge (learner ridge:LAMBDA)");
                    }
                    lr[r] = Math.sqrt(s);
                } else {
                    lr[c] = s / lc[c];
                }
            }
        }
        return l;
    }
}
