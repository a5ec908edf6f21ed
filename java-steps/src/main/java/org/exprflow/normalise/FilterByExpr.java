package org.exprflow.normalise;

import org.exprflow.core.UserException;

/**
 * edgeR's low-count filter {@code filterByExpr(counts, group = training classes)} (edgeR 3.40,
 * {@code filterByExpr.default}, defaults min.count = 10, min.total.count = 15, large.n = 10,
 * min.prop = 0.7), fitted on the training samples: a gene is kept when its CPM reaches
 * 10 / median(training library size) × 1e6 in at least MinSampleSize training samples and its
 * training total reaches 15 (both with edgeR's 1e-14 tolerance). MinSampleSize is the smallest
 * training class (classes from {@link SampleContext#classOf()}); without classes (a numeric target)
 * all samples form one group, as edgeR does with neither group nor design. Above large.n it becomes
 * large.n + (n - large.n) × min.prop.
 *
 * <p>The kept set is decided once, on the training rows; every row (training, held-out, new) then
 * loses the same columns ({@link Fitted#keptColumns()}), and the model's feature ids, ranking and
 * selection live in the kept space. Values pass through unchanged, still counts, so this goes before
 * tmm_logcpm or deseq_vst, as in edgeR's workflow (filter, then calcNormFactors on the kept genes).
 */
public final class FilterByExpr implements CrossSampleTransform {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "filter_expr";
    static final double MIN_COUNT = 10;
    static final double MIN_TOTAL_COUNT = 15;
    static final double LARGE_N = 10;
    static final double MIN_PROP = 0.7;
    private static final double TOL = 1e-14;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fitted fit(double[][] trainingRows) {
        return fit(trainingRows, SampleContext.NONE);
    }

    @Override
    public Fitted fit(double[][] trainingRows, SampleContext training) {
        if (trainingRows.length == 0) {
            throw UserException.unsuitable(NAME + " needs at least one training sample");
        }
        int genes = CountRows.requireCounts(trainingRows, NAME, "training");
        int samples = trainingRows.length;
        double minSampleSize = minSampleSize(samples, training);
        double[] lib = new double[samples];
        for (int s = 0; s < samples; s++) {
            lib[s] = CountRows.sum(trainingRows[s]);
        }
        double cutoff = MIN_COUNT / CountRows.median(lib) * 1e6;
        int[] kept = new int[genes];
        int k = 0;
        double[] column = new double[samples];
        for (int g = 0; g < genes; g++) {
            int above = 0;
            for (int s = 0; s < samples; s++) {
                double x = trainingRows[s][g];
                column[s] = x;
                // calculate_cpm_raw: count * (1e6 / lib)
                if (x * (1e6 / lib[s]) >= cutoff) {
                    above++;
                }
            }
            if (above >= minSampleSize - TOL && CountRows.sum(column) >= MIN_TOTAL_COUNT - TOL) {
                kept[k++] = g;
            }
        }
        if (k == 0) {
            throw UserException.unsuitable(NAME + " keeps no gene: none reaches " + (long) MIN_COUNT
                    + " counts in enough training samples; are these raw counts?");
        }
        return new FittedFilter(java.util.Arrays.copyOf(kept, k), genes);
    }

    /** filterByExpr's MinSampleSize: the smallest non-empty class, or all samples as one group. */
    static double minSampleSize(int samples, SampleContext training) {
        double n;
        if (training != null && training.classOf() != null) {
            int[] size = new int[Math.max(training.classCount(), 1)];
            for (int c : training.classOf()) {
                size[c]++;
            }
            n = Double.POSITIVE_INFINITY;
            for (int s : size) {
                if (s > 0) {
                    n = Math.min(n, s);
                }
            }
        } else {
            n = samples;
        }
        if (n > LARGE_N) {
            n = LARGE_N + (n - LARGE_N) * MIN_PROP;
        }
        return n;
    }

    /** The training-fitted kept genes. */
    public static final class FittedFilter implements Fitted {
        private static final long serialVersionUID = 1L;
        private final int[] kept;
        private final int inputWidth;

        FittedFilter(int[] kept, int inputWidth) {
            this.kept = kept;
            this.inputWidth = inputWidth;
        }

        @Override
        public int[] keptColumns() {
            return kept.clone();
        }

        @Override
        public String describe() {
            return "kept " + kept.length + " of " + inputWidth + " features";
        }

        @Override
        public double[][] apply(double[][] rows) {
            int n = Matrices.requireRectangular(rows, NAME);
            if (rows.length > 0 && n != inputWidth) {
                throw new IllegalArgumentException("rows have " + n + " genes, the filter was fitted on " + inputWidth);
            }
            double[][] out = new double[rows.length][kept.length];
            for (int s = 0; s < rows.length; s++) {
                for (int k = 0; k < kept.length; k++) {
                    out[s][k] = rows[s][kept[k]];
                }
            }
            return out;
        }
    }
}
