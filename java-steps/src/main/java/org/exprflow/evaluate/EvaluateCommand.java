package org.exprflow.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.core.StepCommand;
import org.exprflow.core.StepSeed;
import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.stepfile.GeneSelectionTable;
import org.exprflow.stepfile.ModelChoice;
import org.exprflow.stepfile.PredictionTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code evaluate} step: merges the prediction files of all CV fold tasks and of the final model,
 * and scores the model against the ZeroR baseline on each set that has known truths (cv, then
 * test, then predict: new samples whose labels were given to {@code --analysis predict}, with ZeroR
 * predicting the saved model's training class prior). Any row whose truth is NA is not scored. Input order does
 * not matter: rows are merged and sorted before anything is computed.
 *
 * <p><b>Metrics TSV</b> ({@code --output-tsv}), long format, one value per line:
 * <pre>
 * set  learner  metric             class      value
 * cv   model    accuracy           all        0.9
 * cv   model    recall             AML        0.818181818182
 * cv   model    confusion          ALL>AML    1
 * </pre>
 * Lines are ordered by set (cv, test), learner (model, ZeroR), then:
 * <ul>
 * <li>class {@code all}: predictions (scored rows; a sample counts once per repeat), samples
 * (distinct samples), accuracy, balanced_accuracy (mean recall over classes present in the truth),
 * mcc (Gorodkin's R_K, 0 when undefined), kappa, auc_weighted (Weka's class-frequency-weighted
 * AUC);</li>
 * <li>cv only, class {@code all}: folds (number of (repeat, fold) pairs), fold_accuracy_mean,
 * fold_accuracy_sd, fold_balanced_accuracy_mean, fold_balanced_accuracy_sd, fold_mcc_mean,
 * fold_mcc_sd (SD with n − 1; NA with one fold), and with several repeats
 * accuracy_repeat_R and balanced_accuracy_repeat_R for each repeat R;</li>
 * <li>per class, in level order: support, precision, recall, f1, auc (one-vs-rest);</li>
 * <li>confusion: class is {@code truth>predicted}, rows of the matrix in level order, then
 * columns;</li>
 * <li>calibration ({@link CalibrationSummary}): brier with class {@code all} (multi-class: mean over
 * predictions of the sum over classes of (p − y)²) and per class (one vs the rest, scikit-learn's
 * binary {@code brier_score_loss}), then per class and reliability bin {@code <class>:<i>} (ten
 * equal-width bins, bin 1 = [0, 0.1], bin i = ((i−1)/10, i/10]) reliability_count,
 * reliability_mean_predicted and reliability_observed_frequency (NA for an empty bin). A calibrated
 * model's uncalibrated probabilities (learner model_uncalibrated in the predictions) get these lines
 * only, right after the model's.</li>
 * </ul>
 * The pooled metrics use all folds of all repeats together, as Weka pools cross-validation. Undefined
 * values are NA: precision of a class never predicted, recall of a class absent from the truth, F1
 * when either is NA (0 when both are 0), AUC of a class absent from (or making up all of) the truth.
 *
 * <p><b>Metrics JSON</b> ({@code --output-json}, keys in {@code stepfile.MetricsJson}, sorted in the
 * file, with {@code "exprflow_kind": "metrics"} and {@code "exprflow_format": 1}), the same numbers,
 * structured; NA is null:
 * <pre>
 * {"levels": ["ALL", "AML"], "unscored_predictions": 0,
 *  "sets": {"cv": {"model": {
 *      "predictions": 38, "samples": 38,
 *      "overall": {"accuracy", "balanced_accuracy", "mcc", "kappa", "auc_weighted"},
 *      "classes": {"ALL": {"support", "precision", "recall", "f1", "auc"}, ...},
 *      "confusion": [[26, 1], [2, 9]],            (rows truth, columns predicted, level order)
 *      "folds": {"count": 5, "accuracy": {"mean", "sd"}, "balanced_accuracy": {...}, "mcc": {...},
 *                "repeats": [{"repeat": 1, "accuracy", "balanced_accuracy"}]}},   (cv only)
 *    "ZeroR": {...}}, "test": {...}}}
 * </pre>
 * With {@code --bootstrap B} (default 2000) every (set, learner) also gets accuracy_ci_low/high and
 * balanced_accuracy_ci_low/high (95% percentile bootstrap, {@link BootstrapInterval}); in JSON an
 * "interval" object with the method, replicates and level. With {@code --permutations}, the CV model
 * gets permutations, permutation_mean_balanced_accuracy and permutation_p ({@link PermutationTest});
 * in JSON a "permutation" object. With {@code --fold-models}, the JSON gets a top-level
 * "model_selection" object: the configuration chosen in each outer fold, the number of features, and
 * the mean pairwise Jaccard index of the selected genes; {@code --output-selection} lists how many
 * folds selected each gene.
 *
 * The JSON's top-level "calibration" object holds the same calibration numbers per set and learner
 * ({@link org.exprflow.stepfile.MetricsJson}).
 *
 * <p>With {@code --learning-curve}, the learning curve ({@link LearningCurve}): a "learning_curve" block in the
 * JSON and lines of set learning_curve in the TSV ({@link LearningCurveWriter}).
 *
 * <p>With {@code --candidate-scores} (the per-fold tables of {@code train --candidate-scores}), the model
 * comparison ({@link ModelComparison}): the TSV gets lines after all others (set cv, learner "A-B",
 * metrics comparison_*: see {@link MetricsTsvWriter#renderComparison}) and the JSON a top-level
 * "model_comparison" object.
 *
 * <p>{@code --output-predictions} writes the merged, sorted prediction table (input to the report's ROC
 * curves).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Merge prediction files and compute classification metrics (model vs ZeroR, CV and test).")
public final class EvaluateCommand extends StepCommand {
    /** Sets that carry truths to score, in output order. */
    static final List<String> SCORED_SETS = org.exprflow.stepfile.MetricsJson.SETS;
    /** The learner under evaluation and its baseline, in output order. */
    static final List<String> LEARNERS = org.exprflow.stepfile.MetricsJson.LEARNERS;

    @Option(names = "--predictions", required = true, arity = "1..*", paramLabel = "P.tsv",
            description = "Prediction tables (e.g. one per CV fold and one for the test set).")
    List<Path> predictions;

    @Option(names = "--output-tsv", required = true, paramLabel = "M.tsv", description = "Long-format metrics table.")
    Path outputTsv;

    @Option(names = "--output-json", required = true, paramLabel = "M.json", description = "Structured metrics.")
    Path outputJson;

    @Option(names = "--output-predictions", paramLabel = "ALL.tsv", description = "The merged prediction table.")
    Path outputPredictions;

    @Option(names = "--bootstrap", defaultValue = "2000",
            description = "Bootstrap replicates for the 95%% intervals of accuracy and balanced accuracy; 0 = none "
                    + "(default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Mixin
    StepSeed seedOption = new StepSeed();

    @Option(names = "--permutations", arity = "1..*", paramLabel = "PERM.tsv",
            description = "Permutation tables from 'exprflow permute': adds the permutation p-value of the CV balanced accuracy.")
    List<Path> permutationFiles;

    @Option(names = "--permutation-repeats", paramLabel = "N", defaultValue = "0",
            description = "The permutations reran only the first N outer repeats (exprflow permute --outer-repeats N): "
                    + "compare them with the balanced accuracy of those repeats' held-out predictions. 0: every repeat "
                    + "(default: ${DEFAULT-VALUE}).")
    int permutationRepeats;

    @Option(names = "--fold-choices", arity = "1..*", paramLabel = "FOLD.choice.tsv",
            description = "Model choice tables that 'exprflow train' writes beside each model (one per outer CV fold): adds the "
                    + "configuration chosen in each fold and gene-selection stability.")
    List<Path> foldChoices;

    @Option(names = "--fold-models", arity = "1..*", paramLabel = "FOLD.xfm",
            description = "As --fold-choices, naming the fold models instead: the choice table written beside each "
                    + "model (FOLD.choice.tsv for FOLD.xfm) is read, not the model.")
    List<Path> foldModels;

    @Option(names = "--output-selection", paramLabel = "SELECTION.tsv",
            description = "With --fold-choices or --fold-models: how many folds selected each gene (feature, folds, fraction).")
    Path outputSelection;

    @Option(names = "--output-genes", paramLabel = "GENES.tsv",
            description = "With --fold-choices: one row per feature any fold selected, with its symbol (from --dataset), "
                    + "folds, mean rank, and class means and direction of change on the folds' training samples.")
    Path outputGenes;

    @Option(names = "--dataset", paramLabel = "DATA.xfd",
            description = "The dataset the model was cross-validated on: with a batch column, adds held-out accuracy per "
                    + "batch and the folds whose held-out batches training never saw.")
    Path dataset;

    @Option(names = "--cv-scheme", paramLabel = "KIND",
            description = "How the CV folds were made, stated in the metrics and the report: stratified, grouped or "
                    + "leave_one_batch_out.")
    String cvScheme;

    @Option(names = "--cv-group-column", paramLabel = "COLUMN",
            description = "With --cv-scheme grouped or leave_one_batch_out: the column the folds were grouped by.")
    String cvGroupColumn;

    @Option(names = "--transforms", paramLabel = "LIST",
            description = "The model's --transforms, to state whether ComBat's own-batch fallback met unseen batches.")
    String transforms;

    /** train's --imbalance choices (model.ClassImbalance; evaluate does not depend on model, a test keeps them equal). */
    public static final List<String> IMBALANCE_HANDLINGS = List.of("none", "weights", "smote");

    @Option(names = "--imbalance", paramLabel = "HANDLING",
            description = "The class-imbalance handling train used (none, weights or smote), stated in the metrics and the report.")
    String imbalance;

    @Option(names = "--learning-curve", arity = "1..*", paramLabel = "LC.tsv",
            description = "Learning-curve tables from 'exprflow train --train-fraction' (one per fraction and outer fold): "
                    + "adds the balanced accuracy at each training-set size, with the main CV as the full size.")
    List<Path> learningCurveFiles;

    @Option(names = "--candidate-scores", arity = "1..*", paramLabel = "SCORES.tsv",
            description = "Per-fold candidate scores from 'exprflow train --candidate-scores' (one per outer CV fold): adds the "
                    + "model comparison, Nadeau and Bengio's corrected resampled t-test on balanced accuracy for the nested "
                    + "procedure against ZeroR and for every pair of grid candidates.")
    List<Path> candidateScores;

    @Override
    protected void execute() throws Exception {
        requireDistinctOutputs();
        CvScheme scheme = CvScheme.of(cvScheme, cvGroupColumn, transforms);
        if (imbalance != null && !IMBALANCE_HANDLINGS.contains(imbalance)) {
            throw UserException.badParameter("--imbalance must be one of " + IMBALANCE_HANDLINGS + ", got '" + imbalance + "'");
        }
        List<PredictionTable> parts = new ArrayList<>();
        for (Path p : predictions) {
            parts.add(PredictionTable.read(p));
        }
        PredictionTable merged = PredictionTable.merge(parts);
        ModelComparison comparison = candidateScores == null ? null : ModelComparison.read(candidateScores);
        PermutationTest permutations = permutationFiles == null ? null
                : PermutationTest.read(permutationFiles).onRepeats(permutationRepeats);
        List<LearnerEvaluation> evaluations = evaluate(merged, bootstrap, seedOption.seed(), permutations);
        SelectionStability stability = null;
        List<ModelChoice> foldTables = new ArrayList<>();
        List<Path> selectionFiles = new ArrayList<>(foldChoices == null ? List.of() : foldChoices);
        if (foldModels != null) {
            foldModels.forEach(m -> selectionFiles.add(ModelChoice.besideModel(m)));
        }
        if (!selectionFiles.isEmpty()) {
            List<ModelChoice> folds = new ArrayList<>();
            for (Path f : selectionFiles) {
                folds.add(ModelChoice.read(f));
            }
            stability = SelectionStability.of(folds);
            foldTables = folds;
        } else if (outputSelection != null) {
            throw UserException.badParameter("--output-selection needs --fold-choices or --fold-models");
        }
        if (outputGenes != null && foldTables.isEmpty()) {
            throw UserException.badParameter("--output-genes needs --fold-choices or --fold-models");
        }
        long unscored = merged.rows().stream().filter(r -> r.truth() == null).count();
        Log.info("scored " + (merged.rows().size() - unscored) + " predictions over " + evaluations.size()
                + " (set, learner) pairs; " + unscored + " without truth");

        List<CalibrationSummary> calibration = CalibrationSummary.of(merged);
        String tsv = MetricsTsvWriter.render(evaluations, calibration);
        if (comparison != null) {
            tsv += MetricsTsvWriter.renderComparison(comparison);
        }
        BatchBreakdown batches = null;
        Dataset data = dataset == null ? null : DatasetFile.read(dataset);
        if (data != null) {
            String[] batchOf = Batches.of(data);
            if (batchOf == null) {
                Log.info("'" + data.name() + "' has no batch column: no by-batch breakdown");
            } else {
                java.util.Map<String, String> bySample = new java.util.HashMap<>();
                for (int i = 0; i < batchOf.length; i++) {
                    if (batchOf[i] != null) {
                        bySample.put(data.sampleId(i), batchOf[i]);
                    }
                }
                batches = BatchBreakdown.of(merged, bySample);
                if (scheme != null && scheme.usesComBat() && !batches.unseen().isEmpty()) {
                    Log.warn(batches.unseen().size() + " held-out (fold, batch) pairs had no training sample of their batch: "
                            + "ComBat adjusted them with the own-batch fallback");
                }
            }
        }
        LearningCurve curve = null;
        if (learningCurveFiles != null) {
            List<org.exprflow.stepfile.LearningCurveTable.Row> curveRows = new ArrayList<>();
            for (Path p : learningCurveFiles) {
                curveRows.addAll(org.exprflow.stepfile.LearningCurveTable.read(p));
            }
            curve = LearningCurve.of(merged, curveRows, bootstrap, seedOption.seed());
            tsv += LearningCurveWriter.tsvLines(curve);
            Log.info("learning curve: " + curve.points().size() + " training-set sizes");
        }
        MetricsJsonWriter.TopGenes topGenes = outputGenes == null ? null : genes(foldTables, data);
        String json = MetricsJsonWriter.render(merged.levels(), unscored, evaluations, stability, scheme, batches,
                new MetricsJsonWriter.Additions(imbalance, calibration, curve, comparison, topGenes));
        AtomicOutput.writeString(outputTsv, tsv);
        AtomicOutput.writeString(outputJson, json);
        if (outputPredictions != null) {
            merged.write(outputPredictions);
        }
        if (outputSelection != null) {
            int folds = stability.folds().size();
            List<GeneSelectionTable.Row> sel = new ArrayList<>();
            for (java.util.Map.Entry<String, Integer> e : stability.genesBySelectionCount()) {
                sel.add(new GeneSelectionTable.Row(e.getKey(), e.getValue(), e.getValue() / (double) folds));
            }
            GeneSelectionTable.write(outputSelection, sel);
        }
        if (topGenes != null) {
            org.exprflow.stepfile.GeneTable.write(outputGenes, topGenes.classes(), topGenes.rows());
        }
    }

    /**
     * The genes table from the fold choice tables, with symbols from the dataset's feature
     * annotation (its first rows also go into the metrics JSON, "top_genes", for the report); fold
     * tables from before the per-feature statistics give a warning and no file, so the pipeline's
     * optional output stays optional.
     */
    private MetricsJsonWriter.TopGenes genes(List<ModelChoice> folds, Dataset data) {
        List<String> classes = GeneSummary.classes(folds);
        if (classes == null) {
            Log.warn("the fold choice tables have no per-feature rank and class means (written by an older train): "
                    + "no " + outputGenes);
            return null;
        }
        java.util.Map<String, String> symbols = new java.util.HashMap<>();
        if (data != null) {
            List<String> column = data.featureAnnotations().column(org.exprflow.data.FeatureAnnotations.SYMBOL);
            for (int j = 0; column != null && j < data.featureCount(); j++) {
                if (column.get(j) != null) {
                    symbols.putIfAbsent(data.featureIds().get(j), column.get(j));
                }
            }
        }
        List<org.exprflow.stepfile.GeneTable.Row> rows = GeneSummary.of(folds, symbols);
        long named = rows.stream().filter(r -> r.symbol() != null).count();
        Log.info("genes: " + rows.size() + " features selected by at least one of " + folds.size() + " folds; "
                + named + " with a gene symbol");
        return new MetricsJsonWriter.TopGenes(classes, rows, folds.size());
    }

    /** Evaluations of every (scored set, learner) present with at least one known truth. */
    static List<LearnerEvaluation> evaluate(PredictionTable table) {
        return evaluate(table, 0, 0, null);
    }

    /**
     * Evaluations with, when {@code bootstrap > 0}, percentile intervals, and for the cross-validated
     * model, when permutations are given, the permutation p-value.
     */
    static List<LearnerEvaluation> evaluate(PredictionTable table, int bootstrap, long seed, PermutationTest permutations) {
        List<LearnerEvaluation> out = new ArrayList<>();
        for (String set : SCORED_SETS) {
            for (String learner : LEARNERS) {
                List<PredictionTable.Row> rows = table.rows(set, learner);
                if (rows.stream().noneMatch(r -> r.truth() != null)) {
                    continue;
                }
                ClassificationMetrics metrics = ClassificationMetrics.of(table.levels(), rows);
                CrossValidationSummary folds = set.equals("cv") ? CrossValidationSummary.of(table.levels(), rows) : null;
                BootstrapInterval interval = bootstrap > 0 ? BootstrapInterval.of(table.levels(), rows, bootstrap, seed) : null;
                PermutationTest test = permutations != null && set.equals("cv") && learner.equals("model")
                        ? permutations.observedIn(table.levels(), rows) : null;
                out.add(new LearnerEvaluation(set, learner, metrics, folds, interval,
                        test != null ? test.pValue() : null, test));
            }
        }
        Set<String> ignored = new HashSet<>();
        table.rows().forEach(r -> {
            if (!LEARNERS.contains(r.learner()) && !r.learner().equals(org.exprflow.stepfile.MetricsJson.UNCALIBRATED_LEARNER)) {
                ignored.add(r.learner());
            }
        });
        if (!ignored.isEmpty()) {
            Log.warn("learners other than " + LEARNERS + " are not evaluated: " + ignored.stream().sorted().toList());
        }
        if (out.isEmpty()) {
            throw UserException.unsuitable("no cv, test or predict prediction of learner 'model' or 'ZeroR' has a known truth;"
                    + " nothing to evaluate");
        }
        return out;
    }

    private void requireDistinctOutputs() {
        Set<Path> outputs = new HashSet<>();
        if (bootstrap < 0) {
            throw UserException.badParameter("--bootstrap must be 0 or positive, got " + bootstrap);
        }
        for (Path p : new Path[] {outputTsv, outputJson, outputPredictions, outputSelection, outputGenes}) {
            if (p != null && !outputs.add(p.toAbsolutePath().normalize())) {
                throw UserException.badParameter("output file " + p + " is named twice");
            }
        }
    }
}
