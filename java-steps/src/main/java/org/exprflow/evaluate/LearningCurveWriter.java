package org.exprflow.evaluate;

import static org.exprflow.stepfile.LearningCurveJson.*;
import static org.exprflow.stepfile.MetricsJson.BALANCED_ACCURACY;
import static org.exprflow.stepfile.MetricsJson.FOLDS;
import static org.exprflow.stepfile.MetricsJson.INTERVAL;
import static org.exprflow.stepfile.MetricsJson.LEVEL;
import static org.exprflow.stepfile.MetricsJson.MEAN;
import static org.exprflow.stepfile.MetricsJson.METHOD;
import static org.exprflow.stepfile.MetricsJson.PREDICTIONS;
import static org.exprflow.stepfile.MetricsJson.REPLICATES;
import static org.exprflow.stepfile.MetricsJson.SD;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exprflow.io.Canonical;

/**
 * Writes a {@link LearningCurve} into evaluate's two metrics files: the {@code learning_curve} block
 * of the JSON ({@link org.exprflow.stepfile.LearningCurveJson}) and lines appended to the long-format
 * TSV, with set {@code learning_curve}, learner {@code model}, and the training fraction in the class
 * column (1 is the main CV):
 * <pre>
 * learning_curve  model  training_samples_mean  0.5  19
 * learning_curve  model  balanced_accuracy      0.5  0.83
 * </pre>
 * Metrics per fraction: folds, training_samples_mean, training_samples_min, training_samples_max,
 * predictions, balanced_accuracy, balanced_accuracy_ci_low and _ci_high (with bootstrap replicates),
 * fold_balanced_accuracy_mean, fold_balanced_accuracy_sd; then once, class all, zero_r_balanced_accuracy.
 */
final class LearningCurveWriter {
    private static final String SET = "learning_curve";

    private LearningCurveWriter() {
    }

    static void addTo(ObjectNode json, LearningCurve curve) {
        ObjectNode block = json.putObject(LEARNING_CURVE);
        block.put(SUBSETS, SUBSETS_TEXT);
        block.put(ZERO_R_BALANCED_ACCURACY, curve.zeroRBalancedAccuracy());
        BootstrapInterval any = curve.points().get(0).interval();
        if (any != null) {
            block.putObject(INTERVAL).put(METHOD, BootstrapInterval.METHOD).put(REPLICATES, any.replicates())
                    .put(LEVEL, any.level());
        }
        ArrayNode points = block.putArray(POINTS);
        for (LearningCurve.Point p : curve.points()) {
            ObjectNode o = points.addObject().put(FRACTION, p.fraction()).put(FOLDS, p.folds());
            o.putObject(TRAINING_SAMPLES).put(MEAN, p.trainingSamplesMean()).put(MIN, p.trainingSamplesMin())
                    .put(MAX, p.trainingSamplesMax());
            o.put(PREDICTIONS, p.predictions()).put(BALANCED_ACCURACY, p.balancedAccuracy());
            if (p.interval() != null) {
                o.putArray(BALANCED_ACCURACY_INTERVAL).add(p.interval().balancedAccuracyLow())
                        .add(p.interval().balancedAccuracyHigh());
            }
            o.putObject(FOLD_BALANCED_ACCURACY).put(MEAN, p.foldBalancedAccuracy().mean())
                    .put(SD, p.foldBalancedAccuracy().sd());
        }
    }

    /** The TSV lines (no header), to append to the metrics table. */
    static String tsvLines(LearningCurve curve) {
        StringBuilder out = new StringBuilder();
        for (LearningCurve.Point p : curve.points()) {
            String fraction = Canonical.number(p.fraction());
            line(out, "folds", fraction, p.folds());
            line(out, "training_samples_mean", fraction, p.trainingSamplesMean());
            line(out, "training_samples_min", fraction, p.trainingSamplesMin());
            line(out, "training_samples_max", fraction, p.trainingSamplesMax());
            line(out, PREDICTIONS, fraction, p.predictions());
            line(out, BALANCED_ACCURACY, fraction, p.balancedAccuracy());
            if (p.interval() != null) {
                line(out, "balanced_accuracy_ci_low", fraction, p.interval().balancedAccuracyLow());
                line(out, "balanced_accuracy_ci_high", fraction, p.interval().balancedAccuracyHigh());
            }
            line(out, "fold_balanced_accuracy_mean", fraction, p.foldBalancedAccuracy().mean());
            line(out, "fold_balanced_accuracy_sd", fraction, p.foldBalancedAccuracy().sd());
        }
        line(out, ZERO_R_BALANCED_ACCURACY, "all", curve.zeroRBalancedAccuracy());
        return out.toString();
    }

    private static void line(StringBuilder out, String metric, String fraction, double value) {
        out.append(SET).append("\tmodel\t").append(metric).append('\t').append(fraction).append('\t')
                .append(Canonical.number(value)).append('\n');
    }
}
