package org.exprflow.normalise;

/**
 * Mean and sample standard deviation (n - 1 denominator, as R's sd()) of the observed values of a
 * vector, NaN being NA. Two passes (mean first, then squared deviations) keep the SD accurate for
 * data with a large mean and small spread, which a one-pass sum of squares would not.
 */
record MeanSd(double mean, double sd, int observed) {

    static MeanSd of(double[] values) {
        double sum = 0;
        int n = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        if (n == 0) {
            return new MeanSd(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanSd(mean, Double.NaN, 1);
        }
        double ss = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                double d = x - mean;
                ss += d * d;
            }
        }
        return new MeanSd(mean, Math.sqrt(ss / (n - 1)), n);
    }

    /** True when there is a positive, finite SD to divide by. */
    boolean hasSpread() {
        return sd > 0 && Double.isFinite(sd);
    }

    /** (x - mean) / sd, or 0 when there is no spread (constant or fewer than two observed values). */
    double standardise(double x) {
        return hasSpread() ? (x - mean) / sd : 0.0;
    }
}
