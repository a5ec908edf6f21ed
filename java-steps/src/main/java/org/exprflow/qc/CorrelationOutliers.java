package org.exprflow.qc;

import java.util.Arrays;

/**
 * Finds arrays that do not look like the others: each sample's mean Pearson correlation with every
 * other sample (on pairwise-complete features), and a robust cut-off below the bulk of those means.
 *
 * <p>A sample is an outlier when its mean correlation is below {@code median - k * MAD} of all the
 * means and also at least {@code minDrop} below the median. MAD is scaled by 1.4826 (R's mad()), so
 * k is in units of a standard deviation for normal data; k = 5 flags only clear failures. The
 * minimum drop keeps near-identical arrays (MAD close to 0, e.g. technical replicates) from
 * turning tiny differences into outliers. With fewer than 3 samples there is no bulk to compare
 * with, and nothing is flagged.
 *
 * <p>Correlations are computed on the values given; the caller passes log2 values for linear data,
 * because on the linear scale a few very bright probes dominate Pearson's r.
 */
final class CorrelationOutliers {
    /** Scale factor that makes the MAD a consistent estimator of the SD for normal data. */
    static final double MAD_SCALE = 1.4826;

    private final double[] meanCorrelation;
    private final boolean[] outlier;
    private final double median;
    private final double mad;

    private CorrelationOutliers(double[] meanCorrelation, boolean[] outlier, double median, double mad) {
        this.meanCorrelation = meanCorrelation;
        this.outlier = outlier;
        this.median = median;
        this.mad = mad;
    }

    /** @param rows [sample][feature], NaN for NA; not modified */
    static CorrelationOutliers detect(double[][] rows, double k, double minDrop) {
        int n = rows.length;
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double r = pearsonPairwiseComplete(rows[a], rows[b]);
                if (!Double.isNaN(r)) {
                    sum[a] += r;
                    sum[b] += r;
                    count[a]++;
                    count[b]++;
                }
            }
        }
        double[] mean = new double[n];
        for (int s = 0; s < n; s++) {
            mean[s] = count[s] == 0 ? Double.NaN : sum[s] / count[s];
        }
        double[] finite = Arrays.stream(mean).filter(x -> !Double.isNaN(x)).sorted().toArray();
        boolean[] outlier = new boolean[n];
        if (finite.length < 3) {
            return new CorrelationOutliers(mean, outlier, finite.length == 0 ? Double.NaN : median(finite), Double.NaN);
        }
        double med = median(finite);
        double[] deviation = Arrays.stream(finite).map(x -> Math.abs(x - med)).sorted().toArray();
        double mad = MAD_SCALE * median(deviation);
        double cutoff = Math.min(med - k * mad, med - minDrop);
        for (int s = 0; s < n; s++) {
            outlier[s] = !Double.isNaN(mean[s]) && mean[s] < cutoff;
        }
        return new CorrelationOutliers(mean, outlier, med, mad);
    }

    double meanCorrelation(int sample) {
        return meanCorrelation[sample];
    }

    boolean isOutlier(int sample) {
        return outlier[sample];
    }

    int outlierCount() {
        int c = 0;
        for (boolean o : outlier) {
            if (o) {
                c++;
            }
        }
        return c;
    }

    double median() {
        return median;
    }

    double mad() {
        return mad;
    }

    /** Pearson's r over the features observed in both samples; NaN if fewer than 3 or no variance. */
    static double pearsonPairwiseComplete(double[] x, double[] y) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            double a = x[i];
            double b = y[i];
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                sx += a;
                sy += b;
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double a = x[i];
            double b = y[i];
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                double da = a - mx;
                double db = b - my;
                sxy += da * db;
                sxx += da * da;
                syy += db * db;
            }
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
