package org.exprflow.normalise;

import org.exprflow.stats.Quantile;

import java.util.Arrays;

import org.exprflow.core.UserException;
import org.exprflow.io.Canonical;

/**
 * Decides whether expression values still need a log2 transform, with GEO2R's rule: take the
 * quantiles at 0, .25, .5, .75, .99 and 1 of all observed values (R's default type 7); the data are
 * linear, and need log2, when q99 > 100, or when q100 - q0 > 50 and q25 > 0. Log-scaled microarray
 * data rarely exceed 16-20, while linear intensities reach thousands; the second clause catches
 * linear data with a short upper tail, and q25 > 0 excludes centred or log-ratio data.
 */
public record LogScaleCheck(double q0, double q25, double q50, double q75, double q99, double q100) {

    private static final double[] PROBS = {0, 0.25, 0.5, 0.75, 0.99, 1.0};

    /** The quantiles of all non-NA values of the matrix; a user error if there are none. */
    public static LogScaleCheck of(double[][] rows) {
        long total = 0;
        for (double[] row : rows) {
            for (double x : row) {
                if (!Double.isNaN(x)) {
                    total++;
                }
            }
        }
        if (total == 0) {
            throw UserException.unsuitable("the dataset has no observed (non-NA) values, so its scale cannot be "
                    + "detected; give --log2 always or --log2 never");
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw UserException.unsuitable("too many values (" + total + ") for log-scale detection; give --log2 always or never");
        }
        double[] all = new double[(int) total];
        int k = 0;
        for (double[] row : rows) {
            for (double x : row) {
                if (!Double.isNaN(x)) {
                    all[k++] = x;
                }
            }
        }
        Arrays.sort(all);
        double[] q = new double[PROBS.length];
        for (int i = 0; i < PROBS.length; i++) {
            q[i] = Quantile.type7(all, PROBS[i]);
        }
        return new LogScaleCheck(q[0], q[1], q[2], q[3], q[4], q[5]);
    }

    /** GEO2R's decision: true when the values look linear and need log2. */
    public boolean needsLog() {
        return q99 > 100 || (q100 - q0 > 50 && q25 > 0);
    }

    /** The figures behind the decision, for the log. */
    public String figures() {
        return "q0=" + Canonical.number(q0) + ", q25=" + Canonical.number(q25) + ", q50=" + Canonical.number(q50)
                + ", q75=" + Canonical.number(q75) + ", q99=" + Canonical.number(q99) + ", q100=" + Canonical.number(q100);
    }
}
