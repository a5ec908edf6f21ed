package org.exprflow.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The leaky arm of the batch leakage test, test code only: parametric ComBat on ALL samples with
 * the class as covariate ({@code sva::ComBat(dat, batch, mod = model.matrix(~class))}), the use
 * Nygaard, Rødland and Hovig (2016) showed to manufacture class differences in unbalanced designs.
 * Rows are standardised around the grand mean plus the fitted class effect, batches are
 * estimated with the same empirical Bayes as {@link ComBat}, and the class effect is added back.
 */
public final class ComBatWithClassCovariate {
    private ComBatWithClassCovariate() {
    }

    /** Adjusted copy of rows [sample][gene]; classOf 0 or 1 per row. */
    public static double[][] adjust(double[][] rows, String[] batchOf, int[] classOf) {
        int n = rows.length;
        int p = rows[0].length;
        TreeMap<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(batchOf[i], k -> new ArrayList<>()).add(i);
        }
        List<String> levels = new ArrayList<>(members.keySet());
        int nb = levels.size();
        int cols = nb + 1;
        double[][] x = new double[n][cols];
        for (int i = 0; i < n; i++) {
            x[i][levels.indexOf(batchOf[i])] = 1;
            x[i][nb] = classOf[i];
        }
        double[][] stand = new double[n][p];
        double[] sd = new double[p];
        for (int g = 0; g < p; g++) {
            double[] beta = leastSquares(x, column(rows, g));
            double grand = 0;
            for (int b = 0; b < nb; b++) {
                grand += (double) members.get(levels.get(b)).size() / n * beta[b];
            }
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double fit = 0;
                for (int c = 0; c < cols; c++) {
                    fit += x[i][c] * beta[c];
                }
                double r = rows[i][g] - fit;
                ss += r * r / n;
                stand[i][g] = grand + classOf[i] * beta[nb];
            }
            sd[g] = Math.sqrt(ss);
        }
        double[][] s = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int g = 0; g < p; g++) {
                s[i][g] = (rows[i][g] - stand[i][g]) / sd[g];
            }
        }
        double[][] out = new double[n][p];
        for (String level : levels) {
            List<Integer> m = members.get(level);
            double[][] batchRows = new double[m.size()][];
            for (int k = 0; k < m.size(); k++) {
                batchRows[k] = s[m.get(k)];
            }
            ComBatEmpiricalBayes.Estimates e = ComBatEmpiricalBayes.estimate(batchRows, ComBat.Form.PARAMETRIC, false, level);
            for (int i : m) {
                for (int g = 0; g < p; g++) {
                    out[i][g] = (s[i][g] - e.gammaStar()[g]) / Math.sqrt(e.deltaStar()[g]) * sd[g] + stand[i][g];
                }
            }
        }
        return out;
    }

    private static double[] column(double[][] rows, int g) {
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = rows[i][g];
        }
        return y;
    }

    /** Normal equations solved by Gaussian elimination with partial pivoting (a few columns only). */
    private static double[] leastSquares(double[][] x, double[] y) {
        int c = x[0].length;
        double[][] a = new double[c][c + 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < c; j++) {
                for (int k = 0; k < c; k++) {
                    a[j][k] += x[i][j] * x[i][k];
                }
                a[j][c] += x[i][j] * y[i];
            }
        }
        for (int col = 0; col < c; col++) {
            int pivot = col;
            for (int r = col + 1; r < c; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < c; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k <= c; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] beta = new double[c];
        for (int j = 0; j < c; j++) {
            beta[j] = a[j][c] / a[j][j];
        }
        return beta;
    }
}
