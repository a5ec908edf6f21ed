package org.exprflow.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.SplitPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The predict step: applies a saved model to samples of any dataset. Features are matched by id,
 * so a reordered matrix or one with extra features predicts exactly like the original. Writes each
 * sample's predicted class and the probability of every class.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Apply a saved model (.xfm) to the samples of a dataset and write class predictions and probabilities.")
public final class PredictCommand extends StepCommand {

    @Option(names = "--model", required = true, description = "Model file from 'exprflow train'.")
    Path modelPath;

    @Option(names = "--input", required = true, description = "Dataset (.xfd) with the samples to predict.")
    Path input;

    @Option(names = "--output", required = true, description = "Predictions table to write (.tsv).")
    Path output;

    @Option(names = "--set", defaultValue = "predict",
            description = "Label for the rows: 'test' (independent test samples, scored by evaluate) or 'predict' "
                    + "(new samples) (default: ${DEFAULT-VALUE}).")
    String set;

    @Option(names = "--splits", description = "Predict only the samples of partition 'test' in this splits table.")
    Path splits;

    @Option(names = "--impute-missing-features",
            description = "Fill model features that the input lacks with their training means (before normalisation) "
                    + "instead of failing. Every imputed feature weakens the prediction; the number is logged.")
    boolean imputeMissing;

    @Option(names = "--max-imputed-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "With --impute-missing-features: refuse (exit 4) when more than this share of the model's "
                    + "features would be imputed, as the prediction would then rest on training means (default: ${DEFAULT-VALUE}).")
    double maxImputedFraction;

    @Override
    protected void execute() throws Exception {
        if (!set.equals("test") && !set.equals("predict")) {
            throw UserException.badParameter("--set must be 'test' or 'predict', got '" + set + "'");
        }
        ModelPipeline model = ModelFile.read(modelPath);
        Dataset data = DatasetFile.read(input);
        if (splits != null) {
            data = SampleSelection.select(data, SplitPlan.read(splits).testSamples(), true, "test");
        }
        if (!(maxImputedFraction >= 0 && maxImputedFraction <= 1)) {
            throw UserException.badParameter("--max-imputed-fraction must be between 0 and 1, got " + maxImputedFraction);
        }
        List<PredictionTable.Row> rows = new ArrayList<>(PredictionRows.withUncalibrated(set,
                PredictionTable.NO_FOLD, PredictionTable.NO_FOLD, data, model.targetName(),
                model, imputeMissing ? maxImputedFraction : -1));
        rows.addAll(PredictionRows.of(set, PredictionTable.NO_FOLD, PredictionTable.NO_FOLD, "ZeroR", data, model.targetName(), model.levels(),
                model.predictBaseline(data.sampleCount())));
        PredictionTable table = new PredictionTable(model.levels(), rows);
        table.write(output);
        long labelled = rows.stream().filter(r -> r.learner().equals("model") && r.truth() != null).count();
        Log.info("predicted " + data.sampleCount() + " samples (" + labelled + " with a known '" + model.targetName()
                + "' label, which evaluate can score) with a model of " + model.selectedFeatureIds().size()
                + " features; classes: " + String.join(", ", model.levels()) + "; trained with class imbalance handling: "
                // models saved before --imbalance existed were fitted without it
                + model.metadata().getOrDefault("imbalance", ClassImbalance.none.name()));
    }
}
