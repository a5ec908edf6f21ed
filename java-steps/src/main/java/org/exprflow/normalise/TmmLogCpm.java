package org.exprflow.normalise;

import java.util.Arrays;

import org.exprflow.core.UserException;

/**
 * edgeR's TMM normalisation followed by log-CPM: {@code y <- calcNormFactors(DGEList(counts),
 * method = "TMM"); cpm(y, log = TRUE, prior.count = 2)} (edgeR 3.40), fitted on training samples.
 * Rows are samples, columns genes, values raw counts (fractional counts are kept, as edgeR keeps them).
 *
 * <p><b>Fit</b> ({@code calcNormFactors.default}): genes with no count in any training sample are set
 * aside; each sample's upper quartile ({@code quantile(type = 7)}) over library size is taken, and
 * the reference is the training sample whose upper quartile is closest to their mean (the first such
 * sample), or, when the median upper quartile is below 1e-20, the one with the largest sum of square
 * roots. Each training sample's factor is {@code .calcFactorTMM} against that reference (trim 30 % of
 * log-ratios and 5 % of A-values, precision weights, Acutoff -1e10), and the factors are divided by
 * their geometric mean G so that their product is 1.
 *
 * <p><b>Held-out rows</b> get {@code .calcFactorTMM(obs = row, ref = training reference)} divided by
 * the TRAINING geometric mean G. This is the factor the row would get had it been one more sample of
 * the training run with the reference fixed, with the training factors kept as they are: the row
 * cannot shift the training normalisation (a geometric mean that included it would). Their log-CPM
 * uses edgeR's prior scaling (prior.count × effective library size / mean effective library size,
 * added twice to the library size) with the TRAINING mean effective library size, so a row's values
 * depend on the training fit and its own counts only. On training rows this is exactly edgeR's result.
 *
 * <p>Arithmetic follows edgeR's R and C++ code operation by operation (CountRows explains the sums);
 * the live comparison with R is in CountNormalisationRTest.
 */
public final class TmmLogCpm implements CrossSampleTransform {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "tmm_logcpm";
    static final double PRIOR_COUNT = 2;
    private static final double LOGRATIO_TRIM = 0.3;
    private static final double SUM_TRIM = 0.05;
    private static final double A_CUTOFF = -1e10;
    private static final double LN_MILLION = Math.log(1e6);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fitted fit(double[][] trainingRows) {
        if (trainingRows.length == 0) {
            throw UserException.unsuitable(NAME + " needs at least one training sample");
        }
        int genes = CountRows.requireCounts(trainingRows, NAME, "training");
        int samples = trainingRows.length;
        double[] lib = new double[samples];
        for (int s = 0; s < samples; s++) {
            lib[s] = CountRows.librarySize(trainingRows[s], NAME, "training", s);
        }
        boolean[] anyCount = new boolean[genes];
        int nonZero = 0;
        for (int g = 0; g < genes; g++) {
            for (double[] row : trainingRows) {
                if (row[g] > 0) {
                    anyCount[g] = true;
                    nonZero++;
                    break;
                }
            }
        }
        // calcNormFactors: no genes left or a single sample means method "none" (all factors 1).
        double[] raw = new double[samples];
        int reference = 0;
        if (nonZero == 0 || samples == 1) {
            Arrays.fill(raw, 1.0);
        } else {
            reference = chooseReference(trainingRows, lib, anyCount, nonZero);
            for (int s = 0; s < samples; s++) {
                raw[s] = tmmFactor(trainingRows[s], lib[s], trainingRows[reference], lib[reference]);
            }
        }
        double[] logs = new double[samples];
        for (int s = 0; s < samples; s++) {
            logs[s] = Math.log(raw[s]);
        }
        double geometricMean = Math.exp(CountRows.mean(logs));
        double[] effective = new double[samples];
        for (int s = 0; s < samples; s++) {
            effective[s] = lib[s] * (raw[s] / geometricMean);
        }
        // add_prior.cpp: std::accumulate in sample order, then / ncol.
        double sumEffective = 0;
        for (double e : effective) {
            sumEffective += e;
        }
        return new FittedTmm(trainingRows[reference].clone(), lib[reference], geometricMean, sumEffective / samples,
                nonZero == 0 || samples == 1);
    }

    /** calcNormFactors.default's reference column among the genes with a count somewhere in training. */
    private static int chooseReference(double[][] rows, double[] lib, boolean[] anyCount, int nonZero) {
        int samples = rows.length;
        double[] f75 = new double[samples];
        double[] kept = new double[nonZero];
        for (int s = 0; s < samples; s++) {
            int k = 0;
            for (int g = 0; g < anyCount.length; g++) {
                if (anyCount[g]) {
                    kept[k++] = rows[s][g];
                }
            }
            f75[s] = CountRows.quantile7(kept, 0.75) / lib[s];
        }
        if (CountRows.median(f75) < 1e-20) {
            int best = 0;
            double bestSum = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < samples; s++) {
                double[] roots = new double[nonZero];
                int k = 0;
                for (int g = 0; g < anyCount.length; g++) {
                    if (anyCount[g]) {
                        roots[k++] = Math.sqrt(rows[s][g]);
                    }
                }
                double total = CountRows.sum(roots);
                if (total > bestSum) {
                    bestSum = total;
                    best = s;
                }
            }
            return best;
        }
        double mean = CountRows.mean(f75);
        int best = 0;
        for (int s = 1; s < samples; s++) {
            if (Math.abs(f75[s] - mean) < Math.abs(f75[best] - mean)) {
                best = s;
            }
        }
        return best;
    }

    /** edgeR's .calcFactorTMM(obs, ref, libsize.obs, libsize.ref) with its default trims and weighting. */
    static double tmmFactor(double[] obs, double nO, double[] ref, double nR) {
        int genes = obs.length;
        double[] logR = new double[genes];
        double[] absE = new double[genes];
        double[] v = new double[genes];
        int n = 0;
        double maxAbs = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < genes; g++) {
            double o = obs[g];
            double r = ref[g];
            double lr = CountRows.log2((o / nO) / (r / nR));
            double ae = (CountRows.log2(o / nO) + CountRows.log2(r / nR)) / 2;
            if (Double.isFinite(lr) && Double.isFinite(ae) && ae > A_CUTOFF) {
                logR[n] = lr;
                absE[n] = ae;
                v[n] = (nO - o) / nO / o + (nR - r) / nR / r;
                maxAbs = Math.max(maxAbs, Math.abs(lr));
                n++;
            }
        }
        if (maxAbs < 1e-6) {
            return 1;
        }
        int loL = (int) Math.floor(n * LOGRATIO_TRIM) + 1;
        int hiL = n + 1 - loL;
        int loS = (int) Math.floor(n * SUM_TRIM) + 1;
        int hiS = n + 1 - loS;
        double[] rankR = averageRanks(logR, n);
        double[] rankE = averageRanks(absE, n);
        double[] numerator = new double[n];
        double[] denominator = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (rankR[i] >= loL && rankR[i] <= hiL && rankE[i] >= loS && rankE[i] <= hiS) {
                numerator[k] = logR[i] / v[i];
                denominator[k] = 1 / v[i];
                k++;
            }
        }
        double f = CountRows.sum(Arrays.copyOf(numerator, k)) / CountRows.sum(Arrays.copyOf(denominator, k));
        if (Double.isNaN(f)) {
            f = 0;
        }
        return Math.pow(2, f);
    }

    /** R's rank(x[0..n)) with ties.method = "average" (x holds no NaN). */
    static double[] averageRanks(double[] x, int n) {
        double[] sorted = Arrays.copyOf(x, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        new ValueIndexSort(n).sort(sorted, order, n);
        double[] rank = new double[n];
        int a = 0;
        while (a < n) {
            int b = a;
            while (b + 1 < n && sorted[b + 1] == sorted[a]) {
                b++;
            }
            double r = (a + b + 2) / 2.0;
            for (int i = a; i <= b; i++) {
                rank[order[i]] = r;
            }
            a = b + 1;
        }
        return rank;
    }

    /** The training reference sample, the training geometric mean of raw factors, the mean effective library size. */
    public static final class FittedTmm implements Fitted {
        private static final long serialVersionUID = 1L;
        private final double[] reference;
        private final double referenceLibrarySize;
        private final double geometricMean;
        private final double meanEffectiveLibrarySize;
        /** edgeR's method "none" (one training sample, or no counts): every factor is 1. */
        private final boolean unitFactors;

        FittedTmm(double[] reference, double referenceLibrarySize, double geometricMean,
                  double meanEffectiveLibrarySize, boolean unitFactors) {
            this.reference = reference;
            this.referenceLibrarySize = referenceLibrarySize;
            this.geometricMean = geometricMean;
            this.meanEffectiveLibrarySize = meanEffectiveLibrarySize;
            this.unitFactors = unitFactors;
        }

        @Override
        public String describe() {
            return unitFactors ? "unit normalisation factors (edgeR method none)"
                    : "TMM reference sample of " + reference.length + " genes and the training factors' geometric mean";
        }

        /** The normalisation factor of a row: its TMM factor against the training reference over G. */
        public double normFactor(double[] row, double librarySize) {
            if (unitFactors) {
                return 1;
            }
            return tmmFactor(row, librarySize, reference, referenceLibrarySize) / geometricMean;
        }

        public double meanEffectiveLibrarySize() {
            return meanEffectiveLibrarySize;
        }

        @Override
        public double[][] apply(double[][] rows) {
            int genes = CountRows.requireCounts(rows, NAME, "the");
            if (rows.length > 0 && genes != reference.length) {
                throw new IllegalArgumentException("rows have " + genes + " genes, the TMM fit has " + reference.length);
            }
            // A zero count's log-CPM is log2(p / (L + 2p) * 1e6) with p = 2 L / M, i.e. log2(2 / (M + 4)
            // * 1e6) whatever the library size L: one value for every row. edgeR computes it per sample
            // and gets that value up to rounding (about 1e-15); here it is computed once, so that a gene
            // with no counts is exactly constant. Otherwise its rounding noise, with a variance near
            // 1e-30, gives a random and often huge ANOVA F, and such genes top the feature ranking
            // (seen on TCGA-BRCA: 6,510 all-zero genes, CV balanced accuracy 0.80 instead of 1).
            double zeroCount = (Math.log(PRIOR_COUNT / (meanEffectiveLibrarySize + 2 * PRIOR_COUNT)) + LN_MILLION)
                    / CountRows.LN2;
            double[][] out = new double[rows.length][];
            for (int s = 0; s < rows.length; s++) {
                double[] row = rows[s];
                double lib = CountRows.librarySize(row, NAME, "the", s);
                double effective = lib * normFactor(row, lib);
                // add_prior.cpp and calculate_cpm.cpp, with the training mean library size.
                double prior = PRIOR_COUNT * effective / meanEffectiveLibrarySize;
                double offset = Math.log(effective + 2 * prior);
                double[] result = new double[genes];
                for (int g = 0; g < genes; g++) {
                    result[g] = row[g] == 0 ? zeroCount
                            : (Math.log(row[g] + prior) - offset + LN_MILLION) / CountRows.LN2;
                }
                out[s] = result;
            }
            return out;
        }
    }
}
