package org.exprflow.peaks;

/**
 * Minimum thresholds a peak must reach to be kept (NaN = no threshold). The seed project kept only
 * peaks with score 1000; ENCODE IDR-thresholded files are usually filtered on qValue instead.
 * A threshold on a column the file does not have is an error, not a silent no-op.
 */
public record PeakFilter(double minScore, double minSignal, double minPValue, double minQValue) {
    public static final PeakFilter NONE = new PeakFilter(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public boolean isActive() {
        return !(Double.isNaN(minScore) && Double.isNaN(minSignal) && Double.isNaN(minPValue) && Double.isNaN(minQValue));
    }

    /** True when the values pass every threshold that is set. */
    public boolean accepts(double score, double signal, double pValue, double qValue) {
        return passes(score, minScore) && passes(signal, minSignal) && passes(pValue, minPValue) && passes(qValue, minQValue);
    }

    private static boolean passes(double value, double threshold) {
        return Double.isNaN(threshold) || value >= threshold;
    }
}
