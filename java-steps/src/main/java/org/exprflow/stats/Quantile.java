package org.exprflow.stats;

/**
 * R's default quantile (type 7), the one every exprflow summary uses so that its figures can be
 * checked against R: linear interpolation between the order statistics around (n - 1) p, with R's
 * own arithmetic ((1 - h) x[lo] + h x[hi], and x[lo] itself when the neighbours are equal) so the
 * results agree with R to the last bit.
 */
public final class Quantile {
    private Quantile() {
    }

    /** The type-7 quantile of already sorted, NaN-free values; NaN when there are none. */
    public static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double index = (sorted.length - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = sorted[lo];
        double h = index - lo;
        if (index > lo && sorted[hi] != qs) {
            qs = (1 - h) * qs + h * sorted[hi];
        }
        return qs;
    }
}
