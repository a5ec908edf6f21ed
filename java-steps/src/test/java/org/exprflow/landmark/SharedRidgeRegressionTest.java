package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Random;

import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import weka.classifiers.functions.LinearRegression;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The shared multi-target solver must be Weka's LinearRegression -S 1 -C -R λ, coefficient for
 * coefficient: with n > p (ordinary least squares with Weka's tiny default ridge, and a real
 * ridge, whose scale — added to ZᵀZ of standardized attributes — is only right if it matches) and
 * with n < p (only solvable with the ridge). A constant attribute is in every case: Weka drops it.
 */
@Tag("unit")
class SharedRidgeRegressionTest {

    @ParameterizedTest
    @CsvSource({"120, 30, 1.0E-8", "120, 30, 5.0", "40, 60, 10.0"})
    void matchesWekaLinearRegression(int n, int p, double ridge) throws Exception {
        Random rng = new Random(7 + n + p);
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                // different means and scales per column, so standardization matters
                row[j] = 3 * j + (1 + j % 4) * rng.nextGaussian();
            }
            row[5] = 2.5; // constant
        }
        SharedRidgeRegression shared = SharedRidgeRegression.decompose(x, ridge);
        for (int target = 0; target < 3; target++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 10 + 0.7 * x[i][0] - 0.3 * x[i][p - 1] + (target + 1) * rng.nextGaussian();
            }
            double[] ours = shared.coefficients(y);
            LinearRegression weka = new LinearRegression();
            weka.setOptions(Utils.splitOptions("-S 1 -C -R " + ridge));
            Instances data = instances(x, y);
            weka.buildClassifier(data);
            double[] theirs = weka.coefficients(); // p slopes, 0 at the class index, intercept last
            double scale = 0;
            for (double c : theirs) {
                scale = Math.max(scale, Math.abs(c));
            }
            for (int j = 0; j < p; j++) {
                assertEquals(theirs[j], ours[j], 1e-6 * scale, "coefficient " + j + " (ridge " + ridge + ")");
            }
            assertEquals(0.0, ours[5], 0.0, "a constant attribute has no coefficient");
            assertEquals(theirs[p + 1], ours[p], 1e-6 * scale, "intercept");
            for (int i = 0; i < n; i += 7) {
                double w = weka.classifyInstance(data.instance(i));
                double o = SharedRidgeRegression.predict(ours, x[i]);
                assertEquals(w, o, 1e-6 * Math.max(1, Math.abs(w)), "prediction of row " + i);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"20, 40"})
    void aSingularSystemIsAUserError(int n, int p) {
        double[][] x = new double[n][p];
        Random rng = new Random(1);
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        UserException e = assertThrows(UserException.class, () -> SharedRidgeRegression.decompose(x, 0.0));
        assertEquals(true, e.getMessage().contains("singular"), e.getMessage());
    }

    private static Instances instances(double[][] x, double[] y) {
        int p = x[0].length;
        ArrayList<Attribute> attrs = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            attrs.add(new Attribute("a" + j));
        }
        attrs.add(new Attribute("y"));
        Instances data = new Instances("t", attrs, x.length);
        data.setClassIndex(p);
        for (int i = 0; i < x.length; i++) {
            double[] v = java.util.Arrays.copyOf(x[i], p + 1);
            v[p] = y[i];
            data.add(new DenseInstance(1.0, v));
        }
        return data;
    }
}
