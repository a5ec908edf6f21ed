package org.exprflow.peaks;

/**
 * The non-zero bins of one sample: ascending global bin indices and their values. A genome-wide
 * 1 kb layout has 3.1 million bins, of which a peak file touches a few percent, so 100 samples
 * take tens of MB here instead of the 2.4 GB of a dense matrix.
 */
public record SampleBins(String sample, int[] bins, double[] values) {
    public int nonZeroCount() {
        return bins.length;
    }

    /** The value of a global bin (0 when the sample has nothing there). */
    public double value(int bin) {
        int i = java.util.Arrays.binarySearch(bins, bin);
        return i >= 0 ? values[i] : 0.0;
    }
}
