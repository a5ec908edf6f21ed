package org.exprflow.normalise;

/**
 * Per-sample standardisation: each sample is centred on the mean of its own observed values and
 * divided by their standard deviation (n - 1 denominator, as R's sd()), so every sample ends with
 * mean 0 and SD 1. It removes overall intensity and spread differences between arrays.
 *
 * <p>Nothing is learned from other samples, so fitting stores nothing; it is a
 * {@link CrossSampleTransform} only so that it can sit in the model's transform chain beside quantile
 * normalisation and feature z-scores. A sample whose observed values are all equal, or that has fewer
 * than two observed values, has no spread to divide by: its observed values become 0. NA stays NA.
 */
public final class SampleStandardisation implements CrossSampleTransform {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "standardise";

    @Override
    public String name() {
        return NAME;
    }

    /** Each sample is standardised with its own mean and SD: nothing comes from other samples. */
    @Override
    public boolean perSample() {
        return true;
    }

    @Override
    public Fitted fit(double[][] trainingRows) {
        Matrices.requireRectangular(trainingRows, "sample standardisation");
        return new Standardiser();
    }

    /** Stateless: every row is standardised with its own mean and SD. */
    static final class Standardiser implements Fitted {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean perSample() {
            return true;
        }

        @Override
        public String describe() {
            return "no parameters (each sample is standardised with its own mean and SD)";
        }

        @Override
        public double[][] apply(double[][] rows) {
            double[][] out = new double[rows.length][];
            for (int s = 0; s < rows.length; s++) {
                out[s] = standardise(rows[s]);
            }
            return out;
        }

        private static double[] standardise(double[] row) {
            MeanSd m = MeanSd.of(row);
            double[] out = new double[row.length];
            for (int f = 0; f < row.length; f++) {
                double x = row[f];
                out[f] = Double.isNaN(x) ? Double.NaN : m.standardise(x);
            }
            return out;
        }
    }
}
