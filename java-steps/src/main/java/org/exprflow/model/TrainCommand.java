package org.exprflow.model;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.DatasetInput;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.split.TrainingLabels;
import org.exprflow.split.TrainingSubsample;
import org.exprflow.stepfile.LearningCurveTable;
import org.exprflow.stepfile.ModelChoice;
import org.exprflow.stepfile.CandidateScores;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The train step. Two uses:
 * <ul>
 *   <li>one outer CV fold ({@code --splits --repeat --fold --predictions}): chooses and fits the model
 *       on the fold's training samples (nested CV when several candidates are given) and writes the
 *       held-out samples' predictions for the model and for ZeroR, and with {@code --candidate-scores} the
 *       fold's scores for the model comparison ({@link FoldComparison}); one Nextflow task per fold;</li>
 *   <li>the final model ({@code --output}, optionally {@code --splits}): the same selection procedure
 *       on every training sample (all labelled samples, or partition=train of the splits file);</li>
 *   <li>a point of the learning curve (a CV fold with {@code --train-fraction F}): as a CV fold, but the whole
 *       procedure (inner loop and final fit) runs on a seeded, class-stratified, nested subset of the fold's
 *       training samples ({@link TrainingSubsample}); the held-out fold is scored unchanged and written as a
 *       learning-curve table.</li>
 * </ul>
 * The model file records the chosen configuration, the inner-CV scores and the selected features,
 * which evaluate reads to report per-fold choices and gene-selection stability.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit the model pipeline (cross-sample transforms, top-k feature selection, Weka learner, and "
                + "inner-CV model selection when several candidates are given) on training samples; for one CV fold, "
                + "also predict its held-out samples.")
public final class TrainCommand extends StepCommand {

    @Mixin
    DatasetInput input;

    @Option(names = "--output", description = "Model file to write (.xfm). Required unless --predictions is given. "
            + "The model's choice (learner, k, selected features) is written beside it as MODEL.choice.tsv.")
    Path output;

    @Mixin
    ModelOptions model;

    @Option(names = "--target", description = "Target (label column) to predict; default: the first.")
    String target;

    @Option(names = "--splits", description = "Splits table from 'exprflow split'.")
    Path splits;

    @Option(names = "--repeat", description = "CV repeat whose fold is held out (with --fold).")
    Integer repeat;

    @Option(names = "--fold", description = "CV fold to hold out (with --repeat).")
    Integer fold;

    @Option(names = "--predictions", description = "Write the held-out fold's predictions here (with --fold); with "
            + "--train-fraction, as a learning-curve table.")
    Path predictions;

    @Option(names = "--train-fraction", paramLabel = "F",
            description = "A point of the learning curve (with --fold): train, inner loop included, on a seeded, "
                    + "class-stratified subset of this fraction (0 < F <= 1) of the fold's training samples, nested "
                    + "across fractions; the held-out fold is scored unchanged and --predictions is a learning-curve table.")
    Double trainFraction;

    @Option(names = "--candidate-scores", paramLabel = "SCORES.tsv",
            description = "With --fold: write the fold's held-out balanced accuracy of the nested procedure, of ZeroR and "
                    + "(single candidate, or with --compare-models) of every grid candidate, for evaluate's model comparison.")
    Path candidateScores;

    @Option(names = "--compare-models",
            description = "With --candidate-scores and a grid: also fit every candidate (learner x k) on the fold's training "
                    + "samples and score it on the held-out samples, so evaluate can compare every pair.")
    boolean compareModels;

    @Override
    protected void validateArguments() {
        if (foldMode() && (splits == null || fold == null || repeat == null || predictions == null)) {
            throw UserException.badParameter("a CV fold needs --splits, --repeat, --fold and --predictions together");
        }
        if (trainFraction != null && !foldMode()) {
            throw UserException.badParameter("--train-fraction needs a CV fold (--splits, --repeat, --fold, --predictions)");
        }
        if (trainFraction != null && !(trainFraction > 0 && trainFraction <= 1)) {
            throw UserException.badParameter("--train-fraction must be above 0 and at most 1, got " + trainFraction);
        }
        if (!foldMode() && output == null) {
            throw UserException.badParameter("--output is required to save the final model");
        }
        if (!foldMode() && candidateScores != null) {
            throw UserException.badParameter("--candidate-scores needs a CV fold (--splits, --repeat, --fold, --predictions)");
        }
        if (compareModels && candidateScores == null) {
            throw UserException.badParameter("--compare-models needs --candidate-scores");
        }
        model.candidates(); // fail on a bad learner or k before reading any data
    }

    /** A CV fold task (held-out predictions) rather than the final model. */
    private boolean foldMode() {
        return fold != null || repeat != null || predictions != null;
    }

    @Override
    protected void execute() throws Exception {
        Dataset data = DatasetFile.read(input.path());
        // standardise (a leading per-sample transform) once for every fold and candidate; the importance
        // shuffles make new rows and take the ordinary path
        try (PerSampleRows.Scope cached = PerSampleRows.open(data, model.transformNames())) {
            execute(data);
        }
    }

    private void execute(Dataset data) throws Exception {
        boolean foldMode = foldMode();
        Target labels = target == null ? data.primaryTarget() : data.target(target);
        SplitPlan plan = splits == null ? null : SplitPlan.read(splits);
        ModelSelection.Result selection;
        Dataset fitted; // the samples the model was fitted on, for the choice table's class means
        double[] importance = null; // a CV fold's permutation importance on its held-out samples
        if (foldMode) {
            Set<String> held = plan.heldOut(repeat, fold);
            if (held.isEmpty()) {
                throw UserException.badParameter("repeat " + repeat + " fold " + fold + " holds out no samples in " + splits);
            }
            Set<String> train = new LinkedHashSet<>(plan.trainingSamples());
            train.removeAll(held);
            Dataset trainSet = SampleSelection.select(data, train, true, "training");
            TrainingLabels.require(trainSet, trainSet.target(labels.name()));
            String note = " (repeat " + repeat + ", fold " + fold + ": " + held.size() + " held out)";
            if (trainFraction != null) {
                train = new LinkedHashSet<>(TrainingSubsample.draw(trainSet, trainSet.target(labels.name()),
                        model.groupColumn(), trainFraction, TrainingSubsample.seed(model.seed(), repeat, fold)));
                note += "; learning curve: fraction " + trainFraction + " of " + trainSet.sampleCount() + " training samples";
            }
            log(train.size(), data.featureCount(), note);
            fitted = SampleSelection.select(data, train, true, "training");
            OuterFold.Result result = OuterFold.run(data, labels, train, held, repeat, fold, model);
            selection = result.selection();
            if (trainFraction != null) {
                LearningCurveTable.write(predictions, learningCurveRows(result.rows(), train.size()));
            } else {
                new PredictionTable(selection.model().levels(), result.rows()).write(predictions);
                importance = PermutationImportance.of(selection.model(), SampleSelection.select(data, held, true, "held-out"),
                        labels.name(), model.seed(), repeat, fold, model.threads());
                if (candidateScores != null) {
                    CandidateScores.write(candidateScores,
                            FoldComparison.scores(data, labels, train, held, repeat, fold, model, result, compareModels));
                }
            }
        } else {
            Dataset training = plan == null ? data : SampleSelection.select(data, plan.trainingSamples(), true, "training");
            TrainingLabels.require(training, training.target(labels.name()));
            log(training.sampleCount(), training.featureCount(), "");
            fitted = training;
            selection = ModelSelection.fit(training, training.target(labels.name()), model, OuterFold.innerSeed(model.seed(), 0, 0));
        }
        for (ModelSelection.Score s : selection.scores()) {
            Log.info("inner CV balanced accuracy " + org.exprflow.io.Canonical.number(s.balancedAccuracy()) + " (SE "
                    + org.exprflow.io.Canonical.number(s.standardError()) + "): " + s.candidate());
        }
        Log.info("chosen (" + model.selectionRule() + "): " + selection.chosen());
        if (output != null) {
            ModelFile.write(selection.model(), output);
            // evaluate and report read the choice from this small table, never from the Weka model
            // with each selected feature's rank and class means on the training samples (evaluate's genes table)
            SelectedFeatureStats.choice(selection.model(), fitted, fitted.target(labels.name()), model.transformNames(),
                    foldMode ? repeat : null, foldMode ? fold : null, importance).write(ModelChoice.besideModel(output));
        }
    }

    /** The model's held-out predictions as learning-curve rows (the curve's ZeroR line is the main CV's). */
    private List<LearningCurveTable.Row> learningCurveRows(List<PredictionTable.Row> rows, int trainingSamples) {
        return rows.stream().filter(r -> r.learner().equals("model"))
                .map(r -> new LearningCurveTable.Row(trainFraction, r.repeat(), r.fold(), trainingSamples, r.sample(),
                        r.truth(), r.predicted()))
                .toList();
    }

    private void log(int samples, int features, String foldNote) {
        Log.info("training on " + samples + " samples x " + features + " features" + foldNote + "; "
                + model.candidates().size() + " candidate(s)"
                + (model.searchNote() == null ? "" : " (" + model.searchNote() + ")")
                + "; transforms: " + String.join(",", model.transformNames())
                + "; class imbalance: " + model.imbalance());
    }
}
