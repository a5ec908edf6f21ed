package org.exprflow.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.stats.CalibrationMap;
import org.exprflow.stats.IsotonicCalibration;
import org.exprflow.stats.PlattScaling;

/**
 * A fitted probability calibration, applied after the classifier, the way scikit-learn's
 * CalibratedClassifierCV applies its calibrators: with two classes one map of the second class's
 * probability (the first class gets 1 minus it); with more, one map per class (one against the rest),
 * the results divided by their sum (uniform when the sum is 0), and values above 1 by at most 1e-5
 * set to 1. It travels inside the saved model ({@link ModelPipeline}).
 */
public final class ProbabilityCalibrator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The calibration methods of {@code --calibration} ({@code none}: no calibrator). */
    public enum Method { none, platt, isotonic }

    private final Method method;
    private final int classes;
    /** One map per class, or for two classes one map of the second class. */
    private final List<CalibrationMap> maps;

    private ProbabilityCalibrator(Method method, int classes, List<CalibrationMap> maps) {
        this.method = method;
        this.classes = classes;
        this.maps = List.copyOf(maps);
    }

    /**
     * Fits the calibrator on probabilities that the classifier gave samples it was not trained on
     * ({@code probabilities[sample][class]}) and those samples' classes ({@code truth}, level indices).
     */
    public static ProbabilityCalibrator fit(Method method, double[][] probabilities, int[] truth, int classes) {
        if (method == Method.none) {
            throw new IllegalArgumentException("no calibrator for method none");
        }
        List<CalibrationMap> maps = new ArrayList<>();
        for (int c = classes == 2 ? 1 : 0; c < classes; c++) {
            double[] f = new double[truth.length];
            boolean[] y = new boolean[truth.length];
            for (int i = 0; i < truth.length; i++) {
                f[i] = probabilities[i][c];
                y[i] = truth[i] == c;
            }
            maps.add(method == Method.platt ? PlattScaling.fit(f, y) : IsotonicCalibration.fit(f, y));
        }
        return new ProbabilityCalibrator(method, classes, maps);
    }

    /** The calibrated probabilities of one sample, in level order. */
    public double[] apply(double[] probabilities) {
        double[] out = new double[classes];
        if (classes == 2) {
            out[1] = maps.get(0).apply(probabilities[1]);
            out[0] = 1.0 - out[1];
        } else {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                out[c] = maps.get(c).apply(probabilities[c]);
                sum += out[c];
            }
            for (int c = 0; c < classes; c++) {
                out[c] = sum != 0 ? out[c] / sum : 1.0 / classes;
            }
        }
        for (int c = 0; c < classes; c++) {
            if (out[c] > 1.0 && out[c] <= 1.0 + 1e-5) {
                out[c] = 1.0;
            }
        }
        return out;
    }

    public Method method() {
        return method;
    }

    /** The fitted maps in one line per class, for the model's metadata. */
    List<String> describe() {
        return maps.stream().map(CalibrationMap::describe).toList();
    }
}
