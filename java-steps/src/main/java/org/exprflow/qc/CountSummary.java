package org.exprflow.qc;

/**
 * Per-sample figures of a count dataset: library size (the sum of its counts), the fraction of
 * genes with a zero count, and the number of genes detected (count above 0). A small library or a
 * low detected-gene count is the usual sign of a failed RNA-seq sample.
 */
record CountSummary(double librarySize, double zeroFraction, int detected) {

    static CountSummary of(double[] row) {
        double sum = 0;
        int zeros = 0;
        int observed = 0;
        for (double v : row) {
            if (Double.isNaN(v)) {
                continue;
            }
            observed++;
            sum += v;
            if (v == 0) {
                zeros++;
            }
        }
        return new CountSummary(sum, observed == 0 ? Double.NaN : zeros / (double) observed, observed - zeros);
    }
}
