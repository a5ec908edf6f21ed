package org.exprflow.normalise;

import java.util.Arrays;

import org.exprflow.core.UserException;

/**
 * Quantile normalisation, fitted on training samples and re-applied to new samples, reproducing the
 * two R implementations that analysts compare against (rows here are samples; in R they are columns).
 *
 * <p><b>Fit</b> learns the target distribution exactly as {@code limma::normalizeQuantiles} does:
 * each sample's values are sorted; a sample with NAs is first stretched onto the full length n by
 * linear interpolation ({@code approx} from positions (0..nobs-1)/(nobs-1) to (0..n-1)/(n-1)); the
 * target is the mean of these sorted vectors, position by position.
 *
 * <p><b>applyToTraining</b> equals {@code limma::normalizeQuantiles(A, ties = TRUE)}: each value's
 * average rank r among its sample's observed values (ties share the mean rank, as {@code rank()})
 * is looked up in the target by linear interpolation at (r-1)/(nobs-1); NA stays NA. R's
 * {@code approx} bracket search and formula are reproduced, so results agree with limma to rounding.
 * With a single training sample limma returns the data unchanged, and so does this.
 *
 * <p><b>apply</b> (new samples) equals {@code preprocessCore::normalize.quantiles.use.target(x,
 * target)}, whose C code ({@code using_target} in qnorm.c, preprocessCore 1.60) does this per sample:
 * <ul>
 * <li>no NA: rank with averaged ties; a whole rank r takes target[r]; a half rank (an even number of
 * ties) takes the mean of target[floor(r)] and target[floor(r)+1]. For a tie block longer than two
 * this is not the mean of the block's target values, and it differs from limma on training data
 * only in how the interpolation is rounded.</li>
 * <li>with NAs: the observed values are ranked among themselves, p = (r-1)/(nobs-1) and the target
 * is read at the 1-based position 1 + (n-1)p by linear interpolation, where a fractional part within
 * 4 machine epsilons of an integer is snapped to it; NA stays NA. A sample with a single observed
 * value makes the C code divide 0 by 0 and convert NaN to int (undefined behaviour); determined
 * empirically, preprocessCore 1.60.2 (Debian, x86_64) then gives the largest target value, and so
 * does this.</li>
 * </ul>
 * The live comparisons with R are in QuantileNormalisationRTest.
 *
 * <p>Speed: per sample, one primitive radix sort to fit and one (values with their positions) to
 * rank ({@link ValueIndexSort}), in preallocated buffers, no boxing.
 */
public final class QuantileNormalisation implements CrossSampleTransform {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "quantile";

    /** preprocessCore snaps interpolation positions within 4 * DOUBLE_EPS (R's DBL_EPSILON) of an integer. */
    private static final double SNAP = 4 * Math.ulp(1.0);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fitted fit(double[][] trainingRows) {
        if (trainingRows.length == 0) {
            throw UserException.unsuitable("quantile normalisation needs at least one training sample");
        }
        int n = Matrices.requireRectangular(trainingRows, "quantile normalisation");
        if (n < 2) {
            throw UserException.unsuitable("quantile normalisation needs at least 2 features, got " + n);
        }
        double[] sum = new double[n];
        double[] sorted = new double[n];
        ValueIndexSort sorter = new ValueIndexSort(n);
        for (int s = 0; s < trainingRows.length; s++) {
            double[] row = trainingRows[s];
            int nobs = 0;
            for (double x : row) {
                if (!Double.isNaN(x)) {
                    sorted[nobs++] = x;
                }
            }
            requireTwoObserved(nobs, s);
            sorter.sort(sorted, nobs);
            if (nobs == n) {
                for (int k = 0; k < n; k++) {
                    sum[k] += sorted[k];
                }
            } else {
                // limma: S[, j] <- approx((0:(nobsj-1))/(nobsj-1), sort(A[, j]), i)$y with i = (0:(n-1))/(n-1)
                for (int k = 0; k < n; k++) {
                    sum[k] += approxOnUniformGrid(sorted, nobs, (double) k / (n - 1));
                }
            }
        }
        double[] target = new double[n];
        for (int k = 0; k < n; k++) {
            target[k] = sum[k] / trainingRows.length;
        }
        return new FittedQuantiles(target);
    }

    private static void requireTwoObserved(int nobs, int sample) {
        if (nobs < 2) {
            throw UserException.unsuitable("quantile normalisation needs at least 2 observed (non-NA) values per "
                    + "training sample; training sample " + (sample + 1) + " has " + nobs);
        }
    }

    /**
     * R's {@code approx(x, y, v)$y} (linear, rule 1) where x = (0..m-1)/(m-1), written as R's approx1:
     * the bracket is x[i] <= v < x[i+1], an exact hit returns the tabulated y, otherwise
     * y[i] + (y[i+1] - y[i]) * ((v - x[i]) / (x[i+1] - x[i])). The grid points are recomputed with
     * R's expression so that exact hits are recognised exactly as in R.
     */
    static double approxOnUniformGrid(double[] y, int m, double v) {
        double last = m - 1;
        if (!(v >= 0.0 && v <= 1.0)) {
            return Double.NaN;
        }
        int i = (int) (v * last);
        if (i > m - 2) {
            i = m - 2;
        }
        while (i > 0 && i / last > v) {
            i--;
        }
        while (i < m - 2 && (i + 1) / last <= v) {
            i++;
        }
        double xi = i / last;
        double xj = (i + 1) / last;
        if (v == xj) {
            return y[i + 1];
        }
        if (v == xi) {
            return y[i];
        }
        return y[i] + (y[i + 1] - y[i]) * ((v - xi) / (xj - xi));
    }

    /** The learned target distribution (ascending, one value per feature rank). */
    static final class FittedQuantiles implements Fitted {
        private static final long serialVersionUID = 1L;
        private final double[] target;

        FittedQuantiles(double[] target) {
            // preprocessCore sorts the target it is given; limma's row means are already ascending,
            // so this only guards against a target built elsewhere.
            this.target = target.clone();
            Arrays.sort(this.target);
        }

        /** A copy of the target distribution, ascending. */
        double[] target() {
            return target.clone();
        }

        @Override
        public String describe() {
            return "reference distribution of " + target.length + " values (the training samples' mean quantiles)";
        }

        @Override
        public double[][] applyToTraining(double[][] trainingRows) {
            int n = requireWidth(trainingRows);
            double[][] out = new double[trainingRows.length][];
            if (trainingRows.length == 1) {
                // limma::normalizeQuantiles returns a one-column matrix unchanged.
                out[0] = trainingRows[0].clone();
                return out;
            }
            RankBuffer buf = new RankBuffer(n);
            for (int s = 0; s < trainingRows.length; s++) {
                double[] row = trainingRows[s];
                double[] result = nanRow(n);
                int nobs = buf.sortObserved(row);
                requireTwoObserved(nobs, s);
                double scale = nobs - 1;
                int a = 0;
                while (a < nobs) {
                    int b = buf.tieEnd(a, nobs);
                    double rank = (a + b + 2) / 2.0;
                    // limma: approx(i, m, (r - 1)/(nobs - 1))$y
                    double value = approxOnUniformGrid(target, n, (rank - 1) / scale);
                    for (int k = a; k <= b; k++) {
                        result[buf.index[k]] = value;
                    }
                    a = b + 1;
                }
                out[s] = result;
            }
            return out;
        }

        @Override
        public double[][] apply(double[][] rows) {
            int n = requireWidth(rows);
            double[][] out = new double[rows.length][];
            RankBuffer buf = new RankBuffer(n);
            for (int s = 0; s < rows.length; s++) {
                double[] result = nanRow(n);
                int nobs = buf.sortObserved(rows[s]);
                int a = 0;
                while (a < nobs) {
                    int b = buf.tieEnd(a, nobs);
                    double rank = (a + b + 2) / 2.0;
                    double value = nobs == n ? fullColumnValue(rank) : partialColumnValue(rank, nobs);
                    for (int k = a; k <= b; k++) {
                        result[buf.index[k]] = value;
                    }
                    a = b + 1;
                }
                out[s] = result;
            }
            return out;
        }

        /** preprocessCore, sample without NA: whole ranks index the target, half ranks average two neighbours. */
        private double fullColumnValue(double rank) {
            int fl = (int) Math.floor(rank);
            if (rank - fl > 0.4) {
                return 0.5 * (target[fl - 1] + target[fl]);
            }
            return target[fl - 1];
        }

        /** preprocessCore, sample with NAs: interpolate the target at 1 + (n-1)(r-1)/(nobs-1). */
        private double partialColumnValue(double rank, int nobs) {
            int n = target.length;
            if (nobs == 1) {
                // The C code computes 0/0 here and its integer conversion is undefined; the Debian
                // x86_64 build of preprocessCore 1.60.2 returns the largest target value (checked in
                // QuantileNormalisationRTest), so that is what we reproduce.
                return target[n - 1];
            }
            double percentile = (rank - 1.0) / (nobs - 1);
            double position = 1.0 + (n - 1.0) * percentile;
            double floor = Math.floor(position + SNAP);
            double frac = position - floor;
            if (Math.abs(frac) <= SNAP) {
                frac = 0.0;
            }
            int ind;
            if (frac == 0.0) {
                ind = (int) Math.floor(floor + 0.5);
                return target[clamp(ind, n) - 1];
            }
            if (frac == 1.0) {
                ind = (int) Math.floor(floor + 1.5);
                return target[clamp(ind, n) - 1];
            }
            ind = (int) Math.floor(floor + 0.5);
            if (ind < n && ind > 0) {
                return (1.0 - frac) * target[ind - 1] + frac * target[ind];
            }
            return ind >= n ? target[n - 1] : target[0];
        }

        private static int clamp(int oneBased, int n) {
            return Math.max(1, Math.min(n, oneBased));
        }

        private int requireWidth(double[][] rows) {
            int n = Matrices.requireRectangular(rows, "quantile normalisation");
            if (rows.length > 0 && n != target.length) {
                throw new IllegalArgumentException("rows have " + n + " features, the fitted target has " + target.length);
            }
            return target.length;
        }

        private static double[] nanRow(int n) {
            double[] r = new double[n];
            Arrays.fill(r, Double.NaN);
            return r;
        }
    }

    /** Reusable per-sample buffers: observed values sorted with their original positions. */
    private static final class RankBuffer {
        final double[] values;
        final int[] index;
        private final ValueIndexSort sorter;

        RankBuffer(int n) {
            values = new double[n];
            index = new int[n];
            sorter = new ValueIndexSort(n);
        }

        /** Copies the non-NA values of row with their positions, sorts them, returns their count. */
        int sortObserved(double[] row) {
            int nobs = 0;
            for (int f = 0; f < row.length; f++) {
                double x = row[f];
                if (!Double.isNaN(x)) {
                    values[nobs] = x;
                    index[nobs] = f;
                    nobs++;
                }
            }
            sorter.sort(values, index, nobs);
            return nobs;
        }

        /** Last position of the run of values equal to values[start]. */
        int tieEnd(int start, int nobs) {
            int b = start;
            while (b + 1 < nobs && values[b + 1] == values[start]) {
                b++;
            }
            return b;
        }
    }
}
