package org.exprflow.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.exprflow.cli.Log;
import org.exprflow.cli.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.evaluate.PredictionTable;
import org.exprflow.split.SplitPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The train step. Two uses:
 * <ul>
 *   <li>one CV fold ({@code --splits --repeat --fold --predictions}): fits the model on the fold's
 *       training samples and writes the held-out samples' predictions, for the model and for the
 *       ZeroR baseline fitted on the same samples; one Nextflow task per fold;</li>
 *   <li>the final model ({@code --output}, optionally {@code --splits}): fits on every training
 *       sample (all labelled samples, or partition=train of the splits file) and saves it.</li>
 * </ul>
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit the model pipeline (cross-sample transforms, top-k feature selection, Weka learner) on "
                + "training samples; for one CV fold, also predict its held-out samples.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "Dataset (.xfd).")
    Path input;

    @Option(names = "--output", description = "Model file to write (.xfm). Required unless --predictions is given.")
    Path output;

    @Option(names = "--learner", defaultValue = ModelSpec.DEFAULT_LEARNER,
            description = "Weka classifier and options, as on Weka's command line (default: ${DEFAULT-VALUE}).")
    String learner;

    @Option(names = "--top-k", defaultValue = "50",
            description = "Keep the k features with the highest ANOVA F on the training samples; 0 keeps all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--transforms", defaultValue = "quantile",
            description = "Cross-sample transforms fitted on training samples, in order: quantile, standardise, zscore, or none "
                    + "(default: ${DEFAULT-VALUE}).")
    String transforms;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for randomised learners (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--target", description = "Target (label column) to predict; default: the first.")
    String target;

    @Option(names = "--splits", description = "Splits table from 'exprflow split'.")
    Path splits;

    @Option(names = "--repeat", description = "CV repeat whose fold is held out (with --fold).")
    Integer repeat;

    @Option(names = "--fold", description = "CV fold to hold out (with --repeat).")
    Integer fold;

    @Option(names = "--predictions", description = "Write the held-out fold's predictions here (with --fold).")
    Path predictions;

    @Override
    public Integer call() throws Exception {
        boolean foldMode = fold != null || repeat != null || predictions != null;
        if (foldMode && (splits == null || fold == null || repeat == null || predictions == null)) {
            throw UserException.badParameter("a CV fold needs --splits, --repeat, --fold and --predictions together");
        }
        if (!foldMode && output == null) {
            throw UserException.badParameter("--output is required to save the final model");
        }
        if (topK < 0) {
            throw UserException.badParameter("--top-k must be 0 (all features) or positive, got " + topK);
        }
        ModelSpec spec = new ModelSpec(List.of(transforms.split(",")), topK, learner, seed);
        ModelPipeline.newClassifier(spec); // fail on a bad learner string before reading any data
        Dataset data = DatasetFile.read(input);
        Target labels = target == null ? data.primaryTarget() : data.target(target);
        SplitPlan plan = splits == null ? null : SplitPlan.read(splits);
        Dataset training;
        Dataset heldOut = null;
        if (foldMode) {
            Set<String> held = plan.heldOut(repeat, fold);
            if (held.isEmpty()) {
                throw UserException.badParameter("repeat " + repeat + " fold " + fold + " holds out no samples in " + splits);
            }
            Set<String> train = new java.util.LinkedHashSet<>(plan.trainingSamples());
            train.removeAll(held);
            training = SampleSelection.select(data, train, true, "training");
            heldOut = SampleSelection.select(data, held, true, "held-out");
        } else if (plan != null) {
            training = SampleSelection.select(data, plan.trainingSamples(), true, "training");
        } else {
            training = data;
        }
        Target trainLabels = training.target(labels.name());
        TrainingLabels.require(training, trainLabels);
        Log.info("training on " + training.sampleCount() + " samples x " + training.featureCount() + " features"
                + (foldMode ? " (repeat " + repeat + ", fold " + fold + " held out: " + heldOut.sampleCount() + " samples)" : "")
                + "; learner: " + learner + "; top-k: " + topK + "; transforms: " + transforms);
        ModelPipeline model = ModelPipeline.fit(training, trainLabels, spec);
        if (output != null) {
            ModelFile.write(model, output);
        }
        if (foldMode) {
            List<PredictionTable.Row> rows = new ArrayList<>();
            rows.addAll(PredictionRows.of("cv", repeat, fold, "model", heldOut, labels.name(), model.levels(),
                    model.predict(heldOut)));
            rows.addAll(PredictionRows.of("cv", repeat, fold, "ZeroR", heldOut, labels.name(), model.levels(),
                    model.predictBaseline(heldOut.sampleCount())));
            new PredictionTable(model.levels(), rows).write(predictions);
            Log.info("wrote predictions for " + heldOut.sampleCount() + " held-out samples");
        }
        return 0;
    }
}
