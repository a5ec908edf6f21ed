package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stepfile.MetricsJson;
import org.exprflow.stepfile.PredictionTable;

/** Turns class probabilities for the samples of a dataset into prediction-table rows. */
final class PredictionRows {
    private PredictionRows() {
    }

    /**
     * The model's rows (learner "model"), and for a calibrated model also the classifier's probabilities
     * before calibration (learner {@link MetricsJson#UNCALIBRATED_LEARNER}), which evaluate scores for
     * calibration only, so the calibrated and uncalibrated Brier scores stand side by side.
     */
    static List<PredictionTable.Row> withUncalibrated(String set, int repeat, int fold, Dataset data, String targetName,
                                                      ModelPipeline model, double maxImputedFraction) {
        double[][] uncalibrated = model.predictUncalibrated(data, maxImputedFraction);
        List<PredictionTable.Row> rows = new ArrayList<>(
                of(set, repeat, fold, "model", data, targetName, model.levels(), model.calibrate(uncalibrated)));
        if (model.calibrated()) {
            rows.addAll(of(set, repeat, fold, MetricsJson.UNCALIBRATED_LEARNER, data, targetName, model.levels(),
                    uncalibrated));
        }
        return rows;
    }

    /**
     * @param targetName the model's target; the sample's truth comes from the dataset's target of that
     *                   name when the dataset has one (NA otherwise)
     */
    static List<PredictionTable.Row> of(String set, int repeat, int fold, String learner, Dataset data, String targetName,
                                        List<String> levels, double[][] probabilities) {
        Target truth = data.targets().stream().filter(t -> t.name().equals(targetName)).findFirst().orElse(null);
        List<PredictionTable.Row> rows = new ArrayList<>(data.sampleCount());
        for (int i = 0; i < data.sampleCount(); i++) {
            String label = truth == null ? null : truth.label(i);
            if (label != null && !levels.contains(label)) {
                throw UserException.unsuitable("sample " + data.sampleId(i) + " has class '" + label
                        + "', which the model never saw in training (classes: " + String.join(", ", levels) + ")");
            }
            String predicted = levels.get(ModelPipeline.predictedClass(probabilities[i]));
            rows.add(new PredictionTable.Row(set, repeat, fold, data.sampleId(i), learner, label, predicted,
                    probabilities[i]));
        }
        return rows;
    }
}
