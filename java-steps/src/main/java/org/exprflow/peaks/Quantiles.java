package org.exprflow.peaks;

import java.util.Arrays;

import org.exprflow.stats.Quantile;

/** Quantiles for QC summaries: R's default (type 7, linear interpolation), NaN values ignored. */
final class Quantiles {
    static final double[] PROBABILITIES = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};
    static final String[] NAMES = {"min", "q05", "q25", "median", "q75", "q95", "max"};

    private Quantiles() {
    }

    static double[] of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double[] out = new double[PROBABILITIES.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = Quantile.type7(v, PROBABILITIES[k]);
        }
        return out;
    }
}
