package org.exprflow.normalise;

import java.util.Arrays;

import org.apache.commons.math3.special.Gamma;
import org.exprflow.core.UserException;

/**
 * DESeq2's median-of-ratios size factors followed by its variance-stabilising transformation,
 * {@code varianceStabilizingTransformation(dds, blind = FALSE, fitType = "parametric")} (DESeq2
 * 1.38), fitted on training samples. Rows are samples, columns genes, values raw counts.
 *
 * <p><b>Rounding.</b> DESeq2 models integer counts; fractional counts (salmon, RSEM expected_count,
 * featureCounts --fraction) are rounded to the nearest integer, halves to even, as
 * {@code DESeqDataSetFromTximport} does with R's round().
 *
 * <p><b>Fit</b> on the training samples, following DESeq2's code step by step:
 * <ol>
 * <li>size factors {@code estimateSizeFactors}: each sample's median of log(count) - log geometric
 * mean over genes with no zero in training and a positive count in the sample (training factors are
 * not rescaled, as DESeq2 does not rescale without given geoMeans);</li>
 * <li>design: ~class when the training classes are known ({@link SampleContext#classOf()}; this is
 * what blind = FALSE uses), else ~1. Every such design is one indicator per group, so DESeq2's
 * fitted means are the group means of the normalised counts times the size factor (its linearMu
 * path) and the Cox-Reid determinant factors into group sums of the weights;</li>
 * <li>gene-wise dispersions {@code estimateDispersionsGeneEst}: start at min(rough, moments)
 * estimate, clamped to [1e-8, max(10, n)]; DESeq2's Armijo line search on log alpha (fitDisp:
 * kappa_0 = 1, tolerance 1e-6 on the log posterior, at most 100 steps, Cox-Reid adjusted, no
 * prior); no improvement keeps the start; a search that did not converge is redone on DESeq2's
 * 20 + 20 point grid;</li>
 * <li>trend {@code parametricDispersionFit}: alpha = asymptDisp + extraPois / mean, fitted by R's
 * glm(Gamma(link = "identity")) IRLS from (0.1, 1), refitted on the genes whose residual ratio lies
 * in (1e-4, 15) until the coefficients move less than 1e-6 (squared log change), at most 10 times.
 * When DESeq2 would give up on the parametric trend (a coefficient not positive, no convergence) it
 * falls back to a local fit (locfit); this transform does not reproduce that fallback and stops with
 * a one-line error instead, suggesting tmm_logcpm.</li>
 * </ol>
 *
 * <p><b>Held-out rows</b> get their size factor from the TRAINING geometric means (the median
 * ratio of {@code estimateSizeFactors(dds, geoMeans = training geometric means)}) and the VST with
 * the training trend ({@code dispersionFunction(newDds) <- dispersionFunction(trainDds)}). DESeq2,
 * given geoMeans, rescales the new factors by their own geometric mean, which would make a row's
 * values depend on the other rows predicted with it (and be 1 for a row predicted alone); that
 * rescaling is left out, so a held-out row is transformed exactly as the training rows were.
 *
 * <p>The live comparison with DESeq2 is in CountNormalisationRTest; the line search and IRLS are
 * reproduced iterate by iterate, so the results agree to rounding unless a floating-point tie
 * decides a step differently.
 */
public final class DeseqVst implements CrossSampleTransform {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "deseq_vst";
    private static final double MIN_DISP = 1e-8;
    private static final double MIN_MU = 0.5;
    private static final double KAPPA_0 = 1;
    private static final double DISP_TOL = 1e-6;
    private static final int MAX_IT = 100;
    private static final int GRID = 20;

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
        if (trainingRows.length < 2) {
            throw UserException.unsuitable(NAME + " needs at least 2 training samples");
        }
        CountRows.requireCounts(trainingRows, NAME, "training");
        double[][] y = rounded(trainingRows);
        int samples = y.length;
        int genes = y[0].length;
        double[] logGeoMeans = logGeometricMeans(y);
        if (Arrays.stream(logGeoMeans).allMatch(Double::isInfinite)) {
            throw UserException.unsuitable(NAME + ": every gene has a zero count in some training sample, so DESeq2's "
                    + "geometric means (and size factors) cannot be computed");
        }
        double[] sf = new double[samples];
        for (int s = 0; s < samples; s++) {
            sf[s] = sizeFactor(y[s], logGeoMeans);
        }
        int[] group = groups(samples, training);
        int groupCount = Arrays.stream(group).max().getAsInt() + 1;
        if (samples <= groupCount) {
            throw UserException.unsuitable(NAME + ": " + samples + " training samples in " + groupCount
                    + " classes leave no replicates to estimate DESeq2's dispersions");
        }
        double[] baseMean = new double[genes];
        double[] dispersion = geneDispersions(y, sf, group, groupCount, baseMean);
        double[] coefficients = parametricTrend(baseMean, dispersion);
        return new FittedVst(logGeoMeans, coefficients[0], coefficients[1]);
    }

    /** The gene-wise dispersion estimates of the training rows (NaN for genes with no count), for tests. */
    static double[] geneDispersions(double[][] trainingRows, SampleContext training) {
        double[][] y = rounded(trainingRows);
        double[] logGeoMeans = logGeometricMeans(y);
        double[] sf = new double[y.length];
        for (int s = 0; s < y.length; s++) {
            sf[s] = sizeFactor(y[s], logGeoMeans);
        }
        int[] group = groups(y.length, training);
        return geneDispersions(y, sf, group, Arrays.stream(group).max().getAsInt() + 1, new double[y[0].length]);
    }

    /** round() as R and DESeqDataSetFromTximport: nearest integer, halves to even. */
    static double[][] rounded(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            out[s] = rows[s].clone();
            for (int g = 0; g < out[s].length; g++) {
                out[s][g] = Math.rint(out[s][g]);
            }
        }
        return out;
    }

    /** rowMeans(log(counts)) over the training samples; -Inf for a gene with a zero. */
    private static double[] logGeometricMeans(double[][] y) {
        int genes = y[0].length;
        double[] out = new double[genes];
        double[] logs = new double[y.length];
        for (int g = 0; g < genes; g++) {
            boolean zero = false;
            for (int s = 0; s < y.length; s++) {
                logs[s] = Math.log(y[s][g]);
                zero |= y[s][g] == 0;
            }
            out[g] = zero ? Double.NEGATIVE_INFINITY : CountRows.sum(logs) / y.length;
        }
        return out;
    }

    /** exp(median((log(cnts) - loggeomeans)[is.finite(loggeomeans) & cnts > 0])). */
    static double sizeFactor(double[] counts, double[] logGeoMeans) {
        double[] ratios = new double[counts.length];
        int n = 0;
        for (int g = 0; g < counts.length; g++) {
            if (Double.isFinite(logGeoMeans[g]) && counts[g] > 0) {
                ratios[n++] = Math.log(counts[g]) - logGeoMeans[g];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return Math.exp(CountRows.median(Arrays.copyOf(ratios, n)));
    }

    private static int[] groups(int samples, SampleContext training) {
        int[] group = new int[samples];
        if (training == null || training.classOf() == null) {
            return group;
        }
        // Only the classes present in these training rows form the design (a full-rank model matrix).
        int[] code = new int[Arrays.stream(training.classOf()).max().orElse(0) + 1];
        Arrays.fill(code, -1);
        int next = 0;
        for (int s = 0; s < samples; s++) {
            int c = training.classOf()[s];
            if (code[c] < 0) {
                code[c] = next++;
            }
            group[s] = code[c];
        }
        return group;
    }

    /** estimateDispersionsGeneEst: gene-wise dispersions (NaN for genes with no count), and base means. */
    private static double[] geneDispersions(double[][] y, double[] sf, int[] group, int groupCount, double[] baseMean) {
        int samples = y.length;
        int genes = y[0].length;
        double maxDisp = Math.max(10, samples);
        double xim = 0;
        double[] inverse = new double[samples];
        for (int s = 0; s < samples; s++) {
            inverse[s] = 1 / sf[s];
        }
        xim = CountRows.mean(inverse);
        double[] out = new double[genes];
        double[] q = new double[samples];
        double[] yg = new double[samples];
        double[] mu = new double[samples];
        double[] groupMean = new double[groupCount];
        int[] groupSize = new int[groupCount];
        for (int s = 0; s < samples; s++) {
            groupSize[group[s]]++;
        }
        LinePosterior posterior = new LinePosterior(group, groupCount);
        for (int g = 0; g < genes; g++) {
            double total = 0;
            for (int s = 0; s < samples; s++) {
                yg[s] = y[s][g];
                q[s] = yg[s] / sf[s];
                total += yg[s];
            }
            double mean = CountRows.sum(q) / samples;
            baseMean[g] = mean;
            if (total == 0) {
                out[g] = Double.NaN;
                continue;
            }
            double ss = 0;
            for (int s = 0; s < samples; s++) {
                double d = q[s] - mean;
                ss += d * d;
            }
            double baseVar = ss / (samples - 1);
            // roughDispEstimate: group means (pmax 1) of the normalised counts
            Arrays.fill(groupMean, 0);
            for (int s = 0; s < samples; s++) {
                groupMean[group[s]] += q[s];
            }
            for (int k = 0; k < groupCount; k++) {
                groupMean[k] /= groupSize[k];
            }
            double rough = 0;
            for (int s = 0; s < samples; s++) {
                double m = Math.max(1, groupMean[group[s]]);
                double d = q[s] - m;
                rough += (d * d - m) / (m * m);
            }
            rough = Math.max(rough / (samples - groupCount), 0);
            double moments = (baseVar - xim * mean) / (mean * mean);
            double start = Math.min(Math.max(MIN_DISP, Math.min(rough, moments)), maxDisp);
            for (int s = 0; s < samples; s++) {
                mu[s] = Math.max(groupMean[group[s]] * sf[s], MIN_MU);
            }
            posterior.set(yg, mu);
            out[g] = posterior.estimate(start, maxDisp);
        }
        return out;
    }

    /**
     * The negative-binomial log likelihood of one gene in log alpha, Cox-Reid adjusted for an
     * indicator design (det X'WX = product of the group sums of w), and DESeq2's line search on it.
     */
    private static final class LinePosterior {
        private final int[] group;
        private final double[] w;
        private final double[] dw;
        private double[] y;
        private double[] mu;

        LinePosterior(int[] group, int groupCount) {
            this.group = group;
            this.w = new double[groupCount];
            this.dw = new double[groupCount];
        }

        void set(double[] y, double[] mu) {
            this.y = y;
            this.mu = mu;
        }

        double logPosterior(double logAlpha) {
            double alpha = Math.exp(logAlpha);
            Arrays.fill(w, 0);
            for (int s = 0; s < y.length; s++) {
                w[group[s]] += 1 / (1 / mu[s] + alpha);
            }
            double logDet = 0;
            for (double v : w) {
                logDet += Math.log(v);
            }
            double cr = -0.5 * logDet;
            double inv = 1 / alpha;
            double lgInv = Gamma.logGamma(inv);
            double ll = 0;
            for (int s = 0; s < y.length; s++) {
                ll += Gamma.logGamma(y[s] + inv) - lgInv - y[s] * Math.log(mu[s] + inv) - inv * Math.log(1.0 + mu[s] * alpha);
            }
            return ll + cr;
        }

        double dLogPosterior(double logAlpha) {
            double alpha = Math.exp(logAlpha);
            Arrays.fill(w, 0);
            Arrays.fill(dw, 0);
            for (int s = 0; s < y.length; s++) {
                double base = 1 / mu[s] + alpha;
                w[group[s]] += 1 / base;
                dw[group[s]] += -1 / (base * base);
            }
            double trace = 0;
            for (int k = 0; k < w.length; k++) {
                trace += dw[k] / w[k];
            }
            double cr = -0.5 * trace;
            double inv = 1 / alpha;
            double inv2 = 1 / (alpha * alpha);
            double dgInv = Digamma.digamma(inv);
            double sum = 0;
            for (int s = 0; s < y.length; s++) {
                double ma = mu[s] * alpha;
                sum += dgInv + Math.log(1 + ma) - ma / (1.0 + ma) - Digamma.digamma(y[s] + inv) + y[s] / (mu[s] + inv);
            }
            return (inv2 * sum + cr) * alpha;
        }

        /** One gene of estimateDispersionsGeneEst (niter = 1): line search, then the grid if it did not converge. */
        double estimate(double start, double maxDisp) {
            double minLogAlpha = Math.log(MIN_DISP / 10);
            double a = Math.log(start);
            double lp = logPosterior(a);
            double dlp = dLogPosterior(a);
            double kappa = KAPPA_0;
            double initialLp = lp;
            int iter = 0;
            int accepted = 0;
            for (int t = 0; t < MAX_IT; t++) {
                iter++;
                double propose = a + kappa * dlp;
                if (propose < -30.0) {
                    kappa = (-30.0 - a) / dlp;
                }
                if (propose > 10.0) {
                    kappa = (10.0 - a) / dlp;
                }
                double theta = -1.0 * logPosterior(a + kappa * dlp);
                double thetaHat = -1.0 * lp - kappa * 1.0e-4 * (dlp * dlp);
                if (theta <= thetaHat) {
                    accepted++;
                    a = a + kappa * dlp;
                    double lpNew = logPosterior(a);
                    double change = lpNew - lp;
                    if (change < DISP_TOL) {
                        lp = lpNew;
                        break;
                    }
                    if (a < minLogAlpha) {
                        break;
                    }
                    lp = lpNew;
                    dlp = dLogPosterior(a);
                    kappa = Math.min(kappa * 1.1, KAPPA_0);
                    if (accepted % 5 == 0) {
                        kappa = kappa / 2.0;
                    }
                } else {
                    kappa = kappa / 2.0;
                }
            }
            double estimate = Math.min(Math.exp(a), maxDisp);
            if (lp < initialLp + Math.abs(initialLp) / 1e6) {
                estimate = start;
            }
            boolean converged = iter < MAX_IT && iter != 1;
            if (!converged && estimate > MIN_DISP * 10) {
                estimate = Math.exp(grid(maxDisp));
            }
            return Math.min(Math.max(estimate, MIN_DISP), maxDisp);
        }

        /** fitDispGrid: the best of 20 log-alpha points from log(1e-8) to log(maxDisp), refined on 20 more. */
        private double grid(double maxDisp) {
            double from = Math.log(1e-8);
            double to = Math.log(maxDisp);
            double[] coarse = new double[GRID];
            double by = (to - from) / (GRID - 1);
            coarse[0] = from;
            for (int k = 1; k < GRID - 1; k++) {
                coarse[k] = from + k * by;
            }
            coarse[GRID - 1] = to;
            double delta = coarse[1] - coarse[0];
            double best = coarse[argMax(coarse)];
            double[] fine = new double[GRID];
            double step = ((best + delta) - (best - delta)) / (GRID - 1);
            for (int k = 0; k < GRID - 1; k++) {
                fine[k] = (best - delta) + k * step;
            }
            fine[GRID - 1] = best + delta;
            return fine[argMax(fine)];
        }

        private int argMax(double[] logAlphas) {
            int best = 0;
            double bestLp = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < logAlphas.length; k++) {
                double lp = logPosterior(logAlphas[k]);
                if (lp > bestLp) {
                    bestLp = lp;
                    best = k;
                }
            }
            return best;
        }
    }

    /** parametricDispersionFit: the coefficients (asymptDisp, extraPois) of alpha = a0 + a1 / mean. */
    static double[] parametricTrend(double[] baseMean, double[] dispersion) {
        int n = 0;
        double[] means = new double[baseMean.length];
        double[] disps = new double[baseMean.length];
        for (int g = 0; g < baseMean.length; g++) {
            if (!Double.isNaN(dispersion[g]) && dispersion[g] > 100 * MIN_DISP) {
                means[n] = baseMean[g];
                disps[n] = dispersion[g];
                n++;
            }
        }
        if (n == 0) {
            throw UserException.unsuitable(NAME + ": every gene-wise dispersion is within 2 orders of magnitude of the "
                    + "minimum, so DESeq2's trend cannot be fitted");
        }
        double[] coefs = {0.1, 1};
        int iter = 0;
        while (true) {
            int k = 0;
            double[] ySub = new double[n];
            double[] xSub = new double[n];
            for (int g = 0; g < n; g++) {
                double residual = disps[g] / (coefs[0] + coefs[1] / means[g]);
                if (residual > 1e-4 && residual < 15) {
                    ySub[k] = disps[g];
                    xSub[k] = 1 / means[g];
                    k++;
                }
            }
            GammaIdentityGlm fit = GammaIdentityGlm.fit(Arrays.copyOf(ySub, k), Arrays.copyOf(xSub, k), coefs);
            double[] old = coefs;
            coefs = fit.coefficients;
            if (!(coefs[0] > 0 && coefs[1] > 0)) {
                throw parametricFailed("a coefficient of the trend is not positive");
            }
            double a = Math.log(coefs[0] / old[0]);
            double b = Math.log(coefs[1] / old[1]);
            if (a * a + b * b < 1e-6 && fit.converged) {
                return coefs;
            }
            iter++;
            if (iter > 10) {
                throw parametricFailed("it did not converge");
            }
        }
    }

    static UserException parametricFailed(String why) {
        return UserException.unsuitable(NAME + ": DESeq2's parametric dispersion trend cannot be fitted on these "
                + "training samples (" + why + "); DESeq2 would substitute a local fit, which exprflow does not "
                + "reproduce; use tmm_logcpm instead");
    }

    /** R's glm.fit for y ~ x with family Gamma(link = "identity"), from given start coefficients. */
    static final class GammaIdentityGlm {
        final double[] coefficients;
        final boolean converged;

        private GammaIdentityGlm(double[] coefficients, boolean converged) {
            this.coefficients = coefficients;
            this.converged = converged;
        }

        static GammaIdentityGlm fit(double[] y, double[] x, double[] start) {
            int n = y.length;
            if (n < 2) {
                throw parametricFailed("fewer than 2 genes to fit");
            }
            double[] coef = start.clone();
            double[] coefOld = start.clone();
            double[] mu = new double[n];
            linear(x, coef, mu);
            if (!valid(mu)) {
                throw parametricFailed("no valid starting values");
            }
            double devOld = deviance(y, mu);
            double[] wx0 = new double[n];
            double[] wx1 = new double[n];
            double[] wz = new double[n];
            for (int iter = 1; iter <= 25; iter++) {
                for (int i = 0; i < n; i++) {
                    double z = mu[i] + (y[i] - mu[i]);
                    double w = Math.sqrt(1 / (mu[i] * mu[i]));
                    wx0[i] = w;
                    wx1[i] = x[i] * w;
                    wz[i] = z * w;
                }
                double[] next = leastSquares(wx0, wx1, wz);
                linear(x, next, mu);
                double dev = deviance(y, mu);
                if (!Double.isFinite(dev) || !valid(mu)) {
                    // glm.fit's step halving towards the previous coefficients
                    int halvings = 1;
                    while (!Double.isFinite(dev) || !valid(mu)) {
                        if (halvings > 25) {
                            throw parametricFailed("no valid set of coefficients");
                        }
                        halvings++;
                        next = new double[] {(next[0] + coefOld[0]) / 2, (next[1] + coefOld[1]) / 2};
                        linear(x, next, mu);
                        dev = deviance(y, mu);
                    }
                }
                if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) {
                    return new GammaIdentityGlm(next, true);
                }
                devOld = dev;
                coef = next;
                coefOld = next;
            }
            return new GammaIdentityGlm(coef, false);
        }

        private static void linear(double[] x, double[] coef, double[] mu) {
            for (int i = 0; i < x.length; i++) {
                mu[i] = coef[0] + x[i] * coef[1];
            }
        }

        private static boolean valid(double[] mu) {
            for (double m : mu) {
                if (!(Double.isFinite(m) && m > 0)) {
                    return false;
                }
            }
            return true;
        }

        /** sum(Gamma()$dev.resids(y, mu, 1)) = sum(-2 (log(y/mu) - (y - mu)/mu)). */
        private static double deviance(double[] y, double[] mu) {
            double[] terms = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                terms[i] = -2 * (Math.log(y[i] == 0 ? 1 : y[i] / mu[i]) - (y[i] - mu[i]) / mu[i]);
            }
            return CountRows.sum(terms);
        }

        /** Least squares of z on the two columns (Householder QR, as LINPACK's dqrls in R's glm.fit). */
        private static double[] leastSquares(double[] c0, double[] c1, double[] z) {
            int n = z.length;
            double[] a = c0.clone();
            double[] b = c1.clone();
            double[] r = z.clone();
            double r00 = householder(a, 0);
            applyReflection(a, 0, b);
            applyReflection(a, 0, r);
            double r11 = householder(b, 1);
            applyReflection(b, 1, r);
            double r01 = b[0];
            double beta1 = r[1] / r11;
            double beta0 = (r[0] - r01 * beta1) / r00;
            if (n < 2 || !Double.isFinite(beta0) || !Double.isFinite(beta1)) {
                throw parametricFailed("the trend's design is singular");
            }
            return new double[] {beta0, beta1};
        }

        /**
         * Turns v[from..] into a Householder vector (stored in place, v[from] holding 1 + |x|/..),
         * returns the diagonal element of R.
         */
        private static double householder(double[] v, int from) {
            double norm = 0;
            double scale = 0;
            for (int i = from; i < v.length; i++) {
                scale = Math.max(scale, Math.abs(v[i]));
            }
            for (int i = from; i < v.length; i++) {
                double t = v[i] / scale;
                norm += t * t;
            }
            norm = scale * Math.sqrt(norm);
            if (v[from] != 0) {
                norm = Math.copySign(norm, v[from]);
            }
            for (int i = from; i < v.length; i++) {
                v[i] /= norm;
            }
            v[from] += 1;
            return -norm;
        }

        private static void applyReflection(double[] v, int from, double[] target) {
            double dot = 0;
            for (int i = from; i < v.length; i++) {
                dot += v[i] * target[i];
            }
            double t = -dot / v[from];
            for (int i = from; i < v.length; i++) {
                target[i] += t * v[i];
            }
        }
    }

    /** The training log geometric means and the two coefficients of the dispersion trend. */
    public static final class FittedVst implements Fitted {
        private static final long serialVersionUID = 1L;
        private final double[] logGeoMeans;
        private final double asymptDisp;
        private final double extraPois;

        FittedVst(double[] logGeoMeans, double asymptDisp, double extraPois) {
            this.logGeoMeans = logGeoMeans;
            this.asymptDisp = asymptDisp;
            this.extraPois = extraPois;
        }

        @Override
        public String describe() {
            return "log geometric means of " + logGeoMeans.length + " genes and the dispersion trend (asymptDisp "
                    + org.exprflow.io.Canonical.number(asymptDisp) + ", extraPois " + org.exprflow.io.Canonical.number(extraPois) + ")";
        }

        /** asymptDisp and extraPois of DESeq2's parametric trend. */
        public double[] trend() {
            return new double[] {asymptDisp, extraPois};
        }

        /** A row's size factor against the training geometric means (its counts rounded first). */
        public double sizeFactor(double[] row) {
            double[] r = row.clone();
            for (int g = 0; g < r.length; g++) {
                r[g] = Math.rint(r[g]);
            }
            return DeseqVst.sizeFactor(r, logGeoMeans);
        }

        @Override
        public double[][] apply(double[][] rows) {
            int genes = CountRows.requireCounts(rows, NAME, "the");
            if (rows.length > 0 && genes != logGeoMeans.length) {
                throw new IllegalArgumentException("rows have " + genes + " genes, the VST fit has " + logGeoMeans.length);
            }
            double[][] out = new double[rows.length][];
            for (int s = 0; s < rows.length; s++) {
                double[] y = rows[s].clone();
                for (int g = 0; g < genes; g++) {
                    y[g] = Math.rint(y[g]);
                }
                double sf = DeseqVst.sizeFactor(y, logGeoMeans);
                if (!(sf > 0) || !Double.isFinite(sf)) {
                    throw UserException.unsuitable(NAME + ": sample " + (s + 1) + " shares no counted gene with the "
                            + "training geometric means, so it has no size factor");
                }
                double[] result = new double[genes];
                for (int g = 0; g < genes; g++) {
                    result[g] = vst(y[g] / sf);
                }
                out[s] = result;
            }
            return out;
        }

        /** getVarianceStabilizedData's vst.fn for the parametric trend. */
        private double vst(double q) {
            return Math.log((1 + extraPois + 2 * asymptDisp * q
                    + 2 * Math.sqrt(asymptDisp * q * (1 + extraPois + asymptDisp * q))) / (4 * asymptDisp)) / Math.log(2);
        }
    }
}
