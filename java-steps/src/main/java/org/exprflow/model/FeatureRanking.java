package org.exprflow.model;

import java.util.Arrays;

import org.exprflow.stats.RegressionMetrics;

/**
 * Ranks features by how well they separate the classes of the training samples, using the one-way
 * ANOVA F statistic (for two classes it orders features exactly as the squared t statistic does).
 * It runs inside every training fold, on that fold's samples only: ranking on all samples before
 * cross-validation is the classic source of optimistic microarray accuracies
 * (Ambroise and McLachlan 2002).
 *
 * <p>NAs are skipped per feature. Features with no within-class variance but different class
 * means rank first (perfect separators); features with no variance at all, or too few values, rank
 * last. Ties keep feature order, so the ranking is deterministic.
 */
public final class FeatureRanking {
    private FeatureRanking() {
    }

    /** F statistic per feature; NaN where it cannot be computed. rows are samples. */
    public static double[] anovaF(double[][] rows, int[] classOf, int classes) {
        int features = rows.length == 0 ? 0 : rows[0].length;
        double[] f = new double[features];
        double[] sum = new double[classes];
        double[] sumSq = new double[classes];
        int[] n = new int[classes];
        for (int j = 0; j < features; j++) {
            Arrays.fill(sum, 0);
            Arrays.fill(sumSq, 0);
            Arrays.fill(n, 0);
            for (int i = 0; i < rows.length; i++) {
                double v = rows[i][j];
                if (!Double.isNaN(v)) {
                    int c = classOf[i];
                    sum[c] += v;
                    sumSq[c] += v * v;
                    n[c]++;
                }
            }
            f[j] = fStatistic(sum, sumSq, n);
        }
        return f;
    }

    private static double fStatistic(double[] sum, double[] sumSq, int[] n) {
        int total = 0;
        int groups = 0;
        double grand = 0;
        for (int c = 0; c < n.length; c++) {
            if (n[c] > 0) {
                total += n[c];
                groups++;
                grand += sum[c];
            }
        }
        if (groups < 2 || total <= groups) {
            return Double.NaN;
        }
        double mean = grand / total;
        double between = 0;
        double within = 0;
        for (int c = 0; c < n.length; c++) {
            if (n[c] > 0) {
                double m = sum[c] / n[c];
                between += n[c] * (m - mean) * (m - mean);
                within += Math.max(0, sumSq[c] - n[c] * m * m);
            }
        }
        double msb = between / (groups - 1);
        double msw = within / (total - groups);
        if (msw <= 1e-300 * Math.max(1, msb)) {
            return msb > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return msb / msw;
    }

    /** |Pearson r| of every feature with a numeric target (NaN where r is undefined, e.g. a constant feature). */
    public static double[] absoluteCorrelation(double[][] rows, double[] y) {
        int p = rows.length == 0 ? 0 : rows[0].length;
        double[] score = new double[p];
        double[] col = new double[rows.length];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < rows.length; i++) {
                col[i] = rows[i][j];
            }
            double r = RegressionMetrics.of(y, col).pearson();
            score[j] = Double.isNaN(r) ? Double.NaN : Math.abs(r);
        }
        return score;
    }

    /** Feature indices ordered from most to least discriminative (NaN last, ties by index). */
    public static int[] order(double[] score) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            double x = score[a];
            double y = score[b];
            boolean nx = Double.isNaN(x);
            boolean ny = Double.isNaN(y);
            if (nx != ny) {
                return nx ? 1 : -1;
            }
            int c = nx ? 0 : Double.compare(y, x);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
