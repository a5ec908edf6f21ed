package org.exprflow.normalise;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;

/**
 * The empirical-Bayes step of ComBat for one batch, on data already standardised with the pooled
 * grand mean and variance: the batch's location and scale per gene (gamma-hat, delta-hat), their
 * priors across genes, and the shrunken estimates gamma-star and delta-star. It follows sva 3.46
 * line by line ({@code ComBat}, {@code it.sol}, {@code int.eprior}, {@code aprior}, {@code bprior},
 * {@code postmean}, {@code postvar}), including its quirks (the relative change of it.sol divides
 * by the signed old value; mean-only's parametric form calls postmean with n = 1 and d = 1), so
 * that the training output equals {@code sva::ComBat}.
 *
 * <p>Every batch's estimates depend only on its own standardised values: that is what lets a batch
 * that training never saw be estimated the same way later (see {@link ComBat}).
 */
final class ComBatEmpiricalBayes {
    /** sva's it.sol convergence threshold. */
    static final double CONVERGENCE = 1e-4;
    /** A guard sva does not have: it.sol loops until convergence, we stop with an error instead. */
    private static final int MAX_ITERATIONS = 100_000;

    /** gamma-star and delta-star per gene of one batch. */
    record Estimates(double[] gammaStar, double[] deltaStar) {
    }

    private ComBatEmpiricalBayes() {
    }

    /**
     * Estimates one batch.
     *
     * @param s        the batch's standardised values, [sample][gene], NaN = NA
     * @param form     parametric, non-parametric or mean-only
     * @param meanOnly true when scale is not adjusted (mean-only form, or sva's rule: a batch of one
     *                 sample anywhere in the fit)
     * @param batch    the batch's name, for error messages
     */
    static Estimates estimate(double[][] s, ComBat.Form form, boolean meanOnly, String batch) {
        int genes = s.length == 0 ? 0 : s[0].length;
        double[] gammaHat = new double[genes];
        double[] deltaHat = new double[genes];
        List<Integer> complete = new ArrayList<>();
        for (int g = 0; g < genes; g++) {
            gammaHat[g] = observedMean(s, g);
            deltaHat[g] = meanOnly ? 1.0 : observedVariance(s, g);
            if (!Double.isNaN(gammaHat[g]) && !Double.isNaN(deltaHat[g])) {
                complete.add(g);
            }
        }
        if (complete.size() == genes) {
            return estimateComplete(s, gammaHat, deltaHat, form, meanOnly, batch);
        }
        // A gene with fewer than two values in the batch (NAs) has no delta-hat, and sva's priors,
        // taken over all genes, become NA and stop it. Here the priors come from the other genes, and
        // such a gene gets its location shrunk as mean-only ComBat would (n = 1, d = 1) and no scale
        // adjustment; a gene with no value in the batch is not adjusted.
        Log.warn("ComBat: " + (genes - complete.size()) + " genes have fewer than 2 values in batch '" + batch
                + "' (NAs): only their location is adjusted (sva::ComBat stops with an error here)");
        int[] keep = complete.stream().mapToInt(Integer::intValue).toArray();
        double[][] sub = new double[s.length][keep.length];
        for (int i = 0; i < s.length; i++) {
            for (int k = 0; k < keep.length; k++) {
                sub[i][k] = s[i][keep[k]];
            }
        }
        double[] subGamma = new double[keep.length];
        double[] subDelta = new double[keep.length];
        for (int k = 0; k < keep.length; k++) {
            subGamma[k] = gammaHat[keep[k]];
            subDelta[k] = deltaHat[keep[k]];
        }
        Estimates part = estimateComplete(sub, subGamma, subDelta, form, meanOnly, batch);
        double gammaBar = mean(subGamma);
        double t2 = variance(subGamma);
        double[] gammaStar = new double[genes];
        double[] deltaStar = new double[genes];
        for (int g = 0; g < genes; g++) {
            gammaStar[g] = Double.isNaN(gammaHat[g]) ? 0.0 : postMean(gammaHat[g], gammaBar, 1, 1, t2);
            deltaStar[g] = 1.0;
        }
        for (int k = 0; k < keep.length; k++) {
            gammaStar[keep[k]] = part.gammaStar()[k];
            deltaStar[keep[k]] = part.deltaStar()[k];
        }
        return new Estimates(gammaStar, deltaStar);
    }

    /** sva's estimates when every gene has its gamma-hat and delta-hat. */
    private static Estimates estimateComplete(double[][] s, double[] gammaHat, double[] deltaHat, ComBat.Form form,
                                              boolean meanOnly, String batch) {
        int genes = gammaHat.length;
        if (form == ComBat.Form.NON_PARAMETRIC) {
            return integratedPrior(s, gammaHat, deltaHat);
        }
        double gammaBar = mean(gammaHat);
        double t2 = variance(gammaHat);
        if (meanOnly) {
            double[] gammaStar = new double[genes];
            double[] deltaStar = new double[genes];
            for (int g = 0; g < genes; g++) {
                gammaStar[g] = postMean(gammaHat[g], gammaBar, 1, 1, t2);
                deltaStar[g] = 1.0;
            }
            return new Estimates(gammaStar, deltaStar);
        }
        return iterativeSolution(s, gammaHat, deltaHat, gammaBar, t2, aPrior(deltaHat), bPrior(deltaHat), batch);
    }

    /** sva:::it.sol: alternate the posterior mean of gamma and of delta until both change by less than conv. */
    private static Estimates iterativeSolution(double[][] s, double[] gHat, double[] dHat, double gBar, double t2,
                                               double a, double b, String batch) {
        int genes = gHat.length;
        int[] n = new int[genes];
        for (int g = 0; g < genes; g++) {
            n[g] = observedCount(s, g);
        }
        double[] gOld = gHat.clone();
        double[] dOld = dHat.clone();
        double[] gNew = new double[genes];
        double[] dNew = new double[genes];
        double change = 1;
        int count = 0;
        while (change > CONVERGENCE) {
            if (++count > MAX_ITERATIONS) {
                throw UserException.unsuitable("ComBat's iterative solution did not converge for batch '" + batch
                        + "' in " + MAX_ITERATIONS + " iterations");
            }
            change = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < genes; g++) {
                gNew[g] = postMean(gHat[g], gBar, n[g], dOld[g], t2);
            }
            for (int g = 0; g < genes; g++) {
                double sum2 = 0;
                for (double[] row : s) {
                    double x = row[g];
                    if (!Double.isNaN(x)) {
                        double d = x - gNew[g];
                        sum2 += d * d;
                    }
                }
                dNew[g] = postVar(sum2, n[g], a, b);
            }
            // As sva: max(abs(g.new - g.old) / g.old, abs(d.new - d.old) / d.old), old values signed.
            for (int g = 0; g < genes; g++) {
                change = maxPropagatingNaN(change, Math.abs(gNew[g] - gOld[g]) / gOld[g]);
                change = maxPropagatingNaN(change, Math.abs(dNew[g] - dOld[g]) / dOld[g]);
            }
            if (Double.isNaN(change)) {
                // sva stops here with "missing value where TRUE/FALSE needed".
                throw UserException.unsuitable("ComBat's iterative solution gave NA for batch '" + batch
                        + "' (a gene with too few observed values in the batch?)");
            }
            System.arraycopy(gNew, 0, gOld, 0, genes);
            System.arraycopy(dNew, 0, dOld, 0, genes);
        }
        return new Estimates(gNew.clone(), dNew.clone());
    }

    /**
     * sva:::int.eprior, the non-parametric prior: each gene's gamma-star and delta-star are the
     * averages of the other genes' gamma-hat and delta-hat, weighted by the normal likelihood of
     * this gene's values under them. O(genes² × samples) in sva; here O(genes²) per batch because
     * the sum of squares is taken from the gene's mean and spread: Σ(x - g)² = Σ(x - x̄)² + n(x̄ - g)².
     */
    private static Estimates integratedPrior(double[][] s, double[] gHat, double[] dHat) {
        int genes = gHat.length;
        double[] gStar = new double[genes];
        double[] dStar = new double[genes];
        double[] scaleForN = null;
        int scaleN = -1;
        for (int i = 0; i < genes; i++) {
            int n = 0;
            double sum = 0;
            for (double[] row : s) {
                if (!Double.isNaN(row[i])) {
                    sum += row[i];
                    n++;
                }
            }
            double mean = sum / n;
            double within = 0;
            for (double[] row : s) {
                if (!Double.isNaN(row[i])) {
                    double d = row[i] - mean;
                    within += d * d;
                }
            }
            if (n != scaleN) {
                // 1 / (2 pi d)^(n/2) depends on the gene j and on n only: computed once per n.
                scaleForN = new double[genes];
                for (int j = 0; j < genes; j++) {
                    scaleForN[j] = 1 / Math.pow(2 * Math.PI * dHat[j], n / 2.0);
                }
                scaleN = n;
            }
            double weighted = 0;
            double weightedD = 0;
            double total = 0;
            for (int j = 0; j < genes; j++) {
                if (j == i) {
                    continue;
                }
                double off = mean - gHat[j];
                double sum2 = within + n * off * off;
                double lh = scaleForN[j] * Math.exp(-sum2 / (2 * dHat[j]));
                if (Double.isNaN(lh)) {
                    lh = 0; // as sva: LH[LH == "NaN"] = 0
                }
                weighted += gHat[j] * lh;
                weightedD += dHat[j] * lh;
                total += lh;
            }
            gStar[i] = weighted / total;
            dStar[i] = weightedD / total;
        }
        return new Estimates(gStar, dStar);
    }

    static double postMean(double gHat, double gBar, double n, double dStar, double t2) {
        return (t2 * n * gHat + dStar * gBar) / (t2 * n + dStar);
    }

    static double postVar(double sum2, double n, double a, double b) {
        return (0.5 * sum2 + b) / (n / 2 + a - 1);
    }

    /** sva:::aprior: the inverse-gamma shape from the method of moments over genes. */
    static double aPrior(double[] deltaHat) {
        double m = mean(deltaHat);
        double s2 = variance(deltaHat);
        return (2 * s2 + m * m) / s2;
    }

    /** sva:::bprior: the inverse-gamma scale from the method of moments over genes. */
    static double bPrior(double[] deltaHat) {
        double m = mean(deltaHat);
        double s2 = variance(deltaHat);
        return (m * s2 + m * m * m) / s2;
    }

    private static double maxPropagatingNaN(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    /** Mean of column g over its observed values (NaN when none). */
    static double observedMean(double[][] rows, int g) {
        double sum = 0;
        int n = 0;
        for (double[] row : rows) {
            if (!Double.isNaN(row[g])) {
                sum += row[g];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** genefilter::rowVars of column g: n - 1 denominator over observed values, NA when fewer than two. */
    static double observedVariance(double[][] rows, int g) {
        int n = observedCount(rows, g);
        if (n <= 1) {
            return Double.NaN;
        }
        double m = observedMean(rows, g);
        double ss = 0;
        for (double[] row : rows) {
            if (!Double.isNaN(row[g])) {
                double d = row[g] - m;
                ss += d * d;
            }
        }
        return ss / (n - 1);
    }

    static int observedCount(double[][] rows, int g) {
        int n = 0;
        for (double[] row : rows) {
            if (!Double.isNaN(row[g])) {
                n++;
            }
        }
        return n;
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** R's var: n - 1 denominator. */
    static double variance(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            double d = v - m;
            ss += d * d;
        }
        return ss / (x.length - 1);
    }
}
