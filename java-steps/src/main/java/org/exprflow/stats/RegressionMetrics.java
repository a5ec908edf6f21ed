package org.exprflow.stats;

import java.util.Arrays;

/**
 * Agreement between measured and predicted values of one target (or of pooled predictions): Pearson
 * r, Spearman ρ (Pearson on average ranks, as R's cor(method = "spearman")), RMSE, MAE, and
 * R² = 1 − SS_res / SS_tot with SS_tot around the mean of the measured values, so a model no better
 * than predicting that mean scores 0 and a worse one scores below 0. Pairs with a missing value on
 * either side are left out. Undefined values (fewer than two pairs, zero variance) are NaN.
 */
public record RegressionMetrics(int n, double pearson, double spearman, double rmse, double mae, double r2) {

    public static RegressionMetrics of(double[] measured, double[] predicted) {
        if (measured.length != predicted.length) {
            throw new IllegalArgumentException(measured.length + " measured values vs " + predicted.length + " predicted");
        }
        int n = 0;
        for (int i = 0; i < measured.length; i++) {
            if (!Double.isNaN(measured[i]) && !Double.isNaN(predicted[i])) {
                n++;
            }
        }
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0, k = 0; i < measured.length; i++) {
            if (!Double.isNaN(measured[i]) && !Double.isNaN(predicted[i])) {
                y[k] = measured[i];
                p[k++] = predicted[i];
            }
        }
        if (n == 0) {
            return new RegressionMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double ssRes = 0;
        double absSum = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - p[i];
            ssRes += e * e;
            absSum += Math.abs(e);
            mean += y[i];
        }
        mean /= n;
        double ssTot = 0;
        for (double v : y) {
            ssTot += (v - mean) * (v - mean);
        }
        return new RegressionMetrics(n, pearson(y, p), pearson(ranks(y), ranks(p)), Math.sqrt(ssRes / n), absSum / n,
                ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot);
    }

    /** Pearson correlation; NaN when either side has no variance or fewer than two values. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        // Tested exactly: a constant vector's centred values are not exactly zero after rounding, which
        // would give a meaningless tiny r (e.g. for the constant mean baseline) instead of NaN.
        if (n < 2 || constant(x) || constant(y)) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** 1-based ranks with ties given their average rank (R's rank(ties.method = "average")). */
    public static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
