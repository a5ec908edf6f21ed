package org.exprflow.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal component analysis of samples (rows) by features (columns), as R's
 * {@code prcomp(x, center = TRUE, scale. = FALSE)} computes it: each feature centred on its mean, then
 * the singular value decomposition X = U S V' of the centred matrix (Apache Commons Math, pure Java, so
 * the same bytes on every CPU and BLAS); the scores are U S, the share of variance of component j is
 * s_j^2 / sum of all s^2.
 *
 * <p>Features used: those observed in every sample and not constant (a constant feature has no variance
 * to explain; a feature with NA has no place in an SVD, and imputing it would invent structure).
 *
 * <p>Sign: an SVD fixes each component only up to sign, and R, LAPACK builds and Commons Math differ.
 * Here the loading with the largest absolute value (the first such feature on a tie) is made positive,
 * so a plot of the scores is byte-stable.
 *
 * @param scores           per sample, the scores on the first {@code components} components
 * @param varianceFraction per component, its share of the total variance (0 to 1)
 * @param features         how many features entered the analysis
 */
public record PrincipalComponents(double[][] scores, double[] varianceFraction, int features) {

    /** The first {@code wanted} components (fewer when the data have fewer: at most samples - 1 and features). */
    public static PrincipalComponents of(double[][] rows, int wanted) {
        int n = rows.length;
        int p = n == 0 ? 0 : rows[0].length;
        boolean[] use = new boolean[p];
        int kept = 0;
        for (int f = 0; f < p; f++) {
            boolean complete = true;
            boolean varies = false;
            for (int s = 0; s < n && complete; s++) {
                double v = rows[s][f];
                complete = Double.isFinite(v);
                varies |= complete && v != rows[0][f];
            }
            use[f] = complete && varies;
            kept += use[f] ? 1 : 0;
        }
        int k = Math.min(wanted, Math.min(n - 1, kept));
        if (k < 1) {
            return new PrincipalComponents(new double[n][0], new double[0], kept);
        }
        double[][] centred = new double[n][kept];
        double total = 0;
        for (int f = 0, c = 0; f < p; f++) {
            if (!use[f]) {
                continue;
            }
            double mean = 0;
            for (double[] row : rows) {
                mean += row[f];
            }
            mean /= n;
            for (int s = 0; s < n; s++) {
                double d = rows[s][f] - mean;
                centred[s][c] = d;
                total += d * d;
            }
            c++;
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false));
        RealMatrix u = svd.getU();
        RealMatrix v = svd.getV();
        double[] singular = svd.getSingularValues();
        double[][] scores = new double[n][k];
        double[] fraction = new double[k];
        for (int j = 0; j < k; j++) {
            int largest = 0;
            for (int f = 1; f < kept; f++) {
                if (Math.abs(v.getEntry(f, j)) > Math.abs(v.getEntry(largest, j))) {
                    largest = f;
                }
            }
            double sign = v.getEntry(largest, j) < 0 ? -1 : 1;
            for (int s = 0; s < n; s++) {
                scores[s][j] = sign * u.getEntry(s, j) * singular[j];
            }
            fraction[j] = total == 0 ? 0 : singular[j] * singular[j] / total;
        }
        return new PrincipalComponents(scores, fraction, kept);
    }
}
