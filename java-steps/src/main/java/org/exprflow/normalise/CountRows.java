package org.exprflow.normalise;

import org.exprflow.core.UserException;

/**
 * Checks and sums shared by the count transforms (tmm_logcpm, deseq_vst, filter_expr), whose rows
 * are samples and whose values are raw read counts (non-negative, possibly fractional).
 *
 * <p>R accumulates sum(), colSums() and mean() in long double (80-bit on x86_64); the sums here are
 * compensated (Neumaier) so that they carry about as many bits and round to the same double in all
 * but pathological cases. Integer counts below 2^53 sum exactly either way.
 */
final class CountRows {
    private CountRows() {
    }

    /** Refuses NA, infinite or negative values: a count transform needs raw counts. */
    static int requireCounts(double[][] rows, String transform, String which) {
        int n = Matrices.requireRectangular(rows, transform);
        for (int s = 0; s < rows.length; s++) {
            double[] row = rows[s];
            for (int f = 0; f < n; f++) {
                double x = row[f];
                if (!(x >= 0) || Double.isInfinite(x)) {
                    throw UserException.unsuitable(transform + " needs raw counts (finite, non-negative, no NA), but "
                            + which + " sample " + (s + 1) + ", feature " + (f + 1) + " is "
                            + (Double.isNaN(x) ? "NA" : Double.toString(x))
                            + "; give counts and let the per-value stage leave them unlogged");
                }
            }
        }
        return n;
    }

    /** A library size (the row sum), refused when zero: no count transform can scale an empty library. */
    static double librarySize(double[] row, String transform, String which, int sample) {
        double lib = sum(row);
        if (!(lib > 0)) {
            throw UserException.unsuitable(transform + ": " + which + " sample " + (sample + 1)
                    + " has no counts at all (library size 0)");
        }
        return lib;
    }

    /** Neumaier-compensated sum, close to R's long double accumulation. */
    static double sum(double[] x) {
        double s = 0;
        double c = 0;
        for (double v : x) {
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }
        return s + c;
    }

    /**
     * R's mean() of a double vector: the (long double) sum divided by n, then corrected by the mean
     * of the residuals, as summary.c does.
     */
    static double mean(double[] x) {
        int n = x.length;
        double m = sum(x) / n;
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = x[i] - m;
        }
        return m + sum(residual) / n;
    }

    /** R's median(): the middle value, or the mean of the two middle values. */
    static double median(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        int half = n / 2;
        return n % 2 == 1 ? s[half] : (s[half - 1] + s[half]) / 2;
    }

    /** R's quantile(x, p, type = 7) of a vector. */
    static double quantile7(double[] x, double p) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        double index = 1 + Math.max(n - 1, 0) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = s[lo - 1];
        if (index > lo && s[hi - 1] != q) {
            double h = index - lo;
            q = (1 - h) * q + h * s[hi - 1];
        }
        return q;
    }

    /** log2 as R computes it (C's log2), rounded to nearest; see RLog2 for why it matters. */
    static double log2(double x) {
        return RLog2.log2(x);
    }

    static final double LN2 = Math.log(2);
}
