package org.exprflow.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Principal component analysis of samples (rows) by features (columns), as R's
 * {@code prcomp(x, center = TRUE, scale. = FALSE)} computes it: each feature centred on its mean; the
 * scores are U S of the centred matrix's singular value decomposition X = U S V', the share of variance
 * of component j is s_j^2 / sum of all s^2.
 *
 * <p>How: through the samples' Gram matrix G = X X' (n x n), whose eigenvectors are U and eigenvalues
 * s^2 (Apache Commons Math's symmetric eigendecomposition, pure Java, so the same bytes on every CPU
 * and BLAS). Expression data have far more features than samples, and this needs memory for n x n
 * numbers instead of the SVD's two copies of the n x p matrix (54,675 probes x 500 samples: 2 MB
 * against 440 MB), for the same scores (checked against prcomp, PrincipalComponentsRTest). The
 * loadings V = X' U / s are computed only for the components returned, to fix their signs.
 *
 * <p>Features used: those observed in every sample and not constant (a constant feature has no variance
 * to explain; a feature with NA has no place in the decomposition, and imputing it would invent structure).
 *
 * <p>Sign: each component is fixed only up to sign, and R, LAPACK builds and Commons Math differ. Here
 * the loading with the largest absolute value (the first such feature on a tie) is made positive, so a
 * plot of the scores is byte-stable.
 *
 * @param scores           per sample, the scores on the first {@code components} components
 * @param varianceFraction per component, its share of the total variance (0 to 1)
 * @param features         how many features entered the analysis
 */
public record PrincipalComponents(double[][] scores, double[] varianceFraction, int features) {

    /**
     * The first {@code wanted} components (fewer when the data have fewer: at most samples - 1 and
     * features, and only components with variance). The rows are read, never modified.
     */
    public static PrincipalComponents of(double[][] rows, int wanted) {
        int n = rows.length;
        int p = n == 0 ? 0 : rows[0].length;
        boolean[] use = new boolean[p];
        double[] mean = new double[p];
        int kept = 0;
        for (int f = 0; f < p; f++) {
            boolean complete = true;
            boolean varies = false;
            double sum = 0;
            for (int s = 0; s < n && complete; s++) {
                double v = rows[s][f];
                complete = Double.isFinite(v);
                varies |= complete && v != rows[0][f];
                sum += v;
            }
            use[f] = complete && varies;
            mean[f] = sum / n;
            kept += use[f] ? 1 : 0;
        }
        int k = Math.min(wanted, Math.min(n - 1, kept));
        if (k < 1) {
            return new PrincipalComponents(new double[n][0], new double[0], kept);
        }
        // G = Xc Xc', one centred row at a time (a reused buffer), summed in feature order.
        double[][] gram = new double[n][n];
        double[][] centred = new double[2][p];
        for (int i = 0; i < n; i++) {
            centre(rows[i], use, mean, centred[0]);
            for (int j = i; j < n; j++) {
                centre(rows[j], use, mean, centred[1]);
                double dot = 0;
                for (int f = 0; f < p; f++) {
                    dot += centred[0][f] * centred[1][f];
                }
                gram[i][j] = dot;
                gram[j][i] = dot;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += gram[i][i];
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(gram, false));
        double[] lambda = eigen.getRealEigenvalues();
        RealMatrix u = eigen.getV();
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) {
            byValue[i] = i;
        }
        java.util.Arrays.sort(byValue, (a, b) -> Double.compare(lambda[b], lambda[a]));
        double[][] scores = new double[n][k];
        double[] fraction = new double[k];
        int found = 0;
        double[] buffer = centred[0];
        for (int c = 0; c < k; c++) {
            int e = byValue[c];
            if (!(lambda[e] > 1e-12 * total)) {
                break; // no variance left: fewer components than asked
            }
            double singular = Math.sqrt(lambda[e]);
            // the loadings X' u / s, only to find the largest in absolute value
            double[] loading = new double[p];
            for (int s = 0; s < n; s++) {
                centre(rows[s], use, mean, buffer);
                double weight = u.getEntry(s, e) / singular;
                for (int f = 0; f < p; f++) {
                    loading[f] += buffer[f] * weight;
                }
            }
            int largest = -1;
            for (int f = 0; f < p; f++) {
                if (use[f] && (largest < 0 || Math.abs(loading[f]) > Math.abs(loading[largest]))) {
                    largest = f;
                }
            }
            double sign = loading[largest] < 0 ? -1 : 1;
            for (int s = 0; s < n; s++) {
                scores[s][c] = sign * u.getEntry(s, e) * singular;
            }
            fraction[c] = lambda[e] / total;
            found++;
        }
        if (found < k) {
            double[][] fewer = new double[n][];
            for (int s = 0; s < n; s++) {
                fewer[s] = java.util.Arrays.copyOf(scores[s], found);
            }
            return new PrincipalComponents(fewer, java.util.Arrays.copyOf(fraction, found), kept);
        }
        return new PrincipalComponents(scores, fraction, kept);
    }

    /** The row centred on the feature means, 0 for features left out. */
    private static void centre(double[] row, boolean[] use, double[] mean, double[] out) {
        for (int f = 0; f < row.length; f++) {
            out[f] = use[f] ? row[f] - mean[f] : 0;
        }
    }
}
