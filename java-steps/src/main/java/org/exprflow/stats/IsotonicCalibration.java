package org.exprflow.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic calibration: the non-decreasing step function of the score that fits the binary outcomes
 * best in least squares (pool adjacent violators), interpolated linearly between its points and
 * clipped to the fitted score range. This is scikit-learn 1.2's {@code IsotonicRegression(
 * out_of_bounds='clip')} as CalibratedClassifierCV(method='isotonic') fits it, reproduced step by
 * step so that the two agree to rounding: points sorted by (score, outcome); scores closer than 1e-15
 * (numpy's float64 resolution) merged into one point at the first of them with their mean outcome and
 * summed weight ({@code _make_unique}); scikit-learn's in-place PAV
 * ({@code _inplace_contiguous_isotonic_regression}); interior points equal to both neighbours dropped;
 * prediction as {@code numpy.interp}. Weka's {@code IsotonicRegression} is a different model (a step
 * function without interpolation, on the best single attribute), which is why this is written here.
 */
public final class IsotonicCalibration implements CalibrationMap {
    private static final long serialVersionUID = 1L;
    /** numpy.finfo(float64).resolution: scikit-learn merges scores closer than this. */
    private static final double RESOLUTION = 1e-15;

    private final double[] x;
    private final double[] y;

    IsotonicCalibration(double[] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** Fits the map on scores {@code f} and binary outcomes {@code outcome} (true = the class). */
    public static IsotonicCalibration fit(double[] f, boolean[] outcome) {
        int n = f.length;
        if (n == 0) {
            throw new IllegalArgumentException("isotonic calibration needs at least one point");
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> f[i]).thenComparingInt(i -> outcome[i] ? 1 : 0));
        // _make_unique: average the outcomes of (nearly) equal scores
        List<double[]> unique = new ArrayList<>();
        double currentX = f[order[0]];
        double currentY = 0;
        double currentWeight = 0;
        for (int j = 0; j < n; j++) {
            double xj = f[order[j]];
            double yj = outcome[order[j]] ? 1 : 0;
            if (xj - currentX >= RESOLUTION) {
                unique.add(new double[] {currentX, currentY / currentWeight, currentWeight});
                currentX = xj;
                currentWeight = 1;
                currentY = yj;
            } else {
                currentWeight += 1;
                currentY += yj;
            }
        }
        unique.add(new double[] {currentX, currentY / currentWeight, currentWeight});
        int m = unique.size();
        double[] ux = new double[m];
        double[] uy = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            ux[i] = unique.get(i)[0];
            uy[i] = unique.get(i)[1];
            w[i] = unique.get(i)[2];
        }
        poolAdjacentViolators(uy, w);
        // drop interior points equal to both neighbours (they do not change the interpolation)
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (i == 0 || i == m - 1 || uy[i] != uy[i - 1] || uy[i] != uy[i + 1]) {
                keep.add(i);
            }
        }
        double[] kx = new double[keep.size()];
        double[] ky = new double[keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            kx[i] = ux[keep.get(i)];
            ky[i] = uy[keep.get(i)];
        }
        return new IsotonicCalibration(kx, ky);
    }

    /** scikit-learn's _inplace_contiguous_isotonic_regression, operation for operation. */
    static void poolAdjacentViolators(double[] y, double[] w) {
        int n = y.length;
        int[] target = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = i;
        }
        int i = 0;
        while (i < n) {
            int k = target[i] + 1;
            if (k == n) {
                break;
            }
            if (y[i] < y[k]) {
                i = k;
                continue;
            }
            double sumWy = w[i] * y[i];
            double sumW = w[i];
            while (true) {
                double prevY = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = target[k] + 1;
                if (k == n || prevY < y[k]) {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    target[i] = k - 1;
                    target[k - 1] = i;
                    if (i > 0) {
                        i = target[i - 1];
                    }
                    break;
                }
            }
        }
        i = 0;
        while (i < n) {
            int k = target[i] + 1;
            for (int j = i + 1; j < k; j++) {
                y[j] = y[i];
            }
            i = k;
        }
    }

    @Override
    public double apply(double score) {
        int last = x.length - 1;
        if (last == 0) {
            return y[0];
        }
        double s = Math.min(Math.max(score, x[0]), x[last]); // out_of_bounds='clip'
        if (s >= x[last]) {
            return y[last];
        }
        // numpy.interp: j with x[j] <= s < x[j + 1]
        int j = Arrays.binarySearch(x, s);
        if (j >= 0) {
            return y[j];
        }
        j = -j - 2;
        double slope = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        return slope * (s - x[j]) + y[j];
    }

    /** The fitted points (score, calibrated probability). */
    public double[][] points() {
        return new double[][] {x.clone(), y.clone()};
    }

    @Override
    public String describe() {
        return "isotonic " + x.length + " points";
    }
}
