package org.exprflow.normalise;

/**
 * Feature z-scores: each feature is centred on its training mean and divided by its training
 * standard deviation (n - 1 denominator, as R's sd()), both computed over the training samples'
 * observed values only. New samples are scaled with the training figures, never their own, so a
 * held-out sample cannot influence its own transform.
 *
 * <p>A feature that is constant in training, or has fewer than two observed training values, has no
 * SD: it becomes 0 for every sample (it carries no information the model could have learned).
 * NA stays NA.
 */
public final class FeatureZScore implements CrossSampleTransform {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "zscore";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fitted fit(double[][] trainingRows) {
        int n = Matrices.requireRectangular(trainingRows, "feature z-score");
        double[] sum = new double[n];
        int[] count = new int[n];
        // Row by row so that memory is read in order; per-feature accumulators.
        for (double[] row : trainingRows) {
            for (int f = 0; f < n; f++) {
                double x = row[f];
                if (!Double.isNaN(x)) {
                    sum[f] += x;
                    count[f]++;
                }
            }
        }
        double[] mean = new double[n];
        for (int f = 0; f < n; f++) {
            mean[f] = count[f] == 0 ? Double.NaN : sum[f] / count[f];
        }
        double[] squares = new double[n];
        for (double[] row : trainingRows) {
            for (int f = 0; f < n; f++) {
                double x = row[f];
                if (!Double.isNaN(x)) {
                    double d = x - mean[f];
                    squares[f] += d * d;
                }
            }
        }
        double[] sd = new double[n];
        for (int f = 0; f < n; f++) {
            sd[f] = count[f] < 2 ? Double.NaN : Math.sqrt(squares[f] / (count[f] - 1));
        }
        return new FittedZScore(mean, sd);
    }

    /** Per-feature training means and SDs. */
    public static final class FittedZScore implements Fitted {
        private static final long serialVersionUID = 1L;
        private final double[] mean;
        private final double[] sd;

        FittedZScore(double[] mean, double[] sd) {
            this.mean = mean;
            this.sd = sd;
        }

        double[] means() {
            return mean.clone();
        }

        double[] sds() {
            return sd.clone();
        }

        @Override
        public String describe() {
            return "training mean and SD of " + mean.length + " features";
        }

        @Override
        public double[][] apply(double[][] rows) {
            int n = Matrices.requireRectangular(rows, "feature z-score");
            if (rows.length > 0 && n != mean.length) {
                throw new IllegalArgumentException("rows have " + n + " features, the fitted z-score has " + mean.length);
            }
            double[][] out = new double[rows.length][];
            for (int s = 0; s < rows.length; s++) {
                double[] row = rows[s];
                double[] result = new double[n];
                for (int f = 0; f < n; f++) {
                    double x = row[f];
                    double sdf = sd[f];
                    if (Double.isNaN(x)) {
                        result[f] = Double.NaN;
                    } else if (sdf > 0 && Double.isFinite(sdf)) {
                        result[f] = (x - mean[f]) / sdf;
                    } else {
                        result[f] = 0.0;
                    }
                }
                out[s] = result;
            }
            return out;
        }
    
        /**
         * Back from z-scores to the training scale: z · SD + mean. A feature without an SD (constant
         * in training) was mapped to 0 and comes back as its training mean; NA stays NA.
         */
        public double[][] invert(double[][] rows) {
            int n = Matrices.requireRectangular(rows, "feature z-score");
            if (rows.length > 0 && n != mean.length) {
                throw new IllegalArgumentException("rows have " + n + " features, the fitted z-score has " + mean.length);
            }
            double[][] out = new double[rows.length][n];
            for (int s = 0; s < rows.length; s++) {
                for (int f = 0; f < n; f++) {
                    double z = rows[s][f];
                    out[s][f] = Double.isNaN(z) ? Double.NaN : sd[f] > 0 && Double.isFinite(sd[f]) ? z * sd[f] + mean[f] : mean[f];
                }
            }
            return out;
        }
    }
}
