package org.exprflow.qc;

import org.exprflow.stats.Quantile;

import java.util.Arrays;

/**
 * Per-sample figures of the QC report: missing fraction, the intensity quantiles (min, q25, median,
 * q75, max; R's default type 7) and the mean of the non-NA values, on the input scale.
 */
record SampleSummary(String id, double missingFraction, double[] quantiles, double mean) {

    static final double[] PROBABILITIES = {0, 0.25, 0.5, 0.75, 1};

    static SampleSummary of(String id, double[] row) {
        double[] observed = new double[row.length];
        int n = 0;
        double sum = 0;
        for (double v : row) {
            if (!Double.isNaN(v)) {
                observed[n++] = v;
                sum += v;
            }
        }
        double[] quantiles = new double[PROBABILITIES.length];
        if (n == 0) {
            Arrays.fill(quantiles, Double.NaN);
            return new SampleSummary(id, row.length == 0 ? 0 : 1, quantiles, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(observed, n);
        Arrays.sort(sorted);
        for (int i = 0; i < PROBABILITIES.length; i++) {
            quantiles[i] = Quantile.type7(sorted, PROBABILITIES[i]);
        }
        return new SampleSummary(id, (row.length - n) / (double) row.length, quantiles, sum / n);
    }
}
