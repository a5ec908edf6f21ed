package org.exprflow.qc;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-feature QC: features that cannot help a model, and ids that are ambiguous.
 * <ul>
 * <li>constant: every observed value is the same (a feature with fewer than two observed values
 *     counts as constant: it carries no information either);</li>
 * <li>near-constant (and not constant): SD of the observed values, on the scale used for the
 *     correlations, below {@code maxSd}; or one value taking more than {@code maxTopShare} of the
 *     observed values (e.g. intensities floored at a detection limit);</li>
 * <li>duplicated ids: features whose id already appeared earlier (R's sum(duplicated(ids))).</li>
 * </ul>
 */
record FeatureSummary(int count, int constant, int nearConstant, int duplicatedIds) {

    /** @param rows [sample][feature], NaN for NA, on the correlation scale (log2 for linear data) */
    static FeatureSummary of(List<String> featureIds, double[][] rows, double maxSd, double maxTopShare) {
        int features = featureIds.size();
        int constant = 0;
        int nearConstant = 0;
        double[] column = new double[rows.length];
        for (int f = 0; f < features; f++) {
            int n = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[f])) {
                    column[n++] = row[f];
                }
            }
            double[] observed = Arrays.copyOf(column, n);
            Arrays.sort(observed);
            if (n < 2 || observed[0] == observed[n - 1]) {
                constant++;
            } else if (sd(observed) < maxSd || longestRun(observed) > maxTopShare * n) {
                nearConstant++;
            }
        }
        Set<String> seen = new HashSet<>();
        int duplicated = 0;
        for (String id : featureIds) {
            if (!seen.add(id)) {
                duplicated++;
            }
        }
        return new FeatureSummary(features, constant, nearConstant, duplicated);
    }

    private static double sd(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Size of the largest group of equal values in a sorted array: the count of the most common value. */
    private static int longestRun(double[] sorted) {
        int best = 1;
        int run = 1;
        for (int i = 1; i < sorted.length; i++) {
            run = sorted[i] == sorted[i - 1] ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }
}
