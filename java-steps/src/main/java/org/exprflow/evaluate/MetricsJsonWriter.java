package org.exprflow.evaluate;

import static org.exprflow.stepfile.MetricsJson.*;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exprflow.io.JsonOutput;
import org.exprflow.stepfile.MetricsJson;
import org.exprflow.stepfile.StepJson;

/**
 * Renders evaluations as the metrics JSON ({@link MetricsJson}, kind {@link StepJson#METRICS});
 * the report step reads this file. Undefined values (NaN) are written as null.
 */
public final class MetricsJsonWriter {
    private MetricsJsonWriter() {
    }

    public static String render(List<String> levels, long unscored, List<LearnerEvaluation> evaluations) {
        return render(levels, unscored, evaluations, null);
    }

    public static String render(List<String> levels, long unscored, List<LearnerEvaluation> evaluations,
                                SelectionStability stability) {
        return render(levels, unscored, evaluations, stability, null, null);
    }

    /**
     * With how the CV folds were made ({@code cvScheme}, may be null) and the by-batch breakdown
     * ({@code batches}, may be null).
     */
    static String render(List<String> levels, long unscored, List<LearnerEvaluation> evaluations,
                         SelectionStability stability, CvScheme cvScheme, BatchBreakdown batches) {
        return render(levels, unscored, evaluations, stability, cvScheme, batches, Additions.NONE);
    }

    /**
     * What evaluate adds to the metrics when it is told it; each null or empty one is left out:
     * the class-imbalance handling of the training fits ("imbalance"), the calibration summaries
     * ({@link CalibrationSummary}, "calibration"), the learning curve ("learning_curve") and the
     * model comparison ("model_comparison").
     */
    record Additions(String imbalance, List<CalibrationSummary> calibration, LearningCurve curve,
                     ModelComparison comparison, TopGenes genes) {
        static final Additions NONE = new Additions(null, List.of(), null, null);

        Additions(String imbalance, List<CalibrationSummary> calibration, LearningCurve curve, ModelComparison comparison) {
            this(imbalance, calibration, curve, comparison, null);
        }
    }

    /** The genes table ({@code rows}, over {@code folds} outer folds); its first 50 rows go in as "top_genes". */
    record TopGenes(List<String> classes, List<org.exprflow.stepfile.GeneTable.Row> rows, int folds) {
        /** The rows the report shows: the first 50 of the table, in the genes.tsv order. */
        static final int SHOWN = 50;

        List<org.exprflow.stepfile.GeneTable.Row> shown() {
            return rows.subList(0, Math.min(SHOWN, rows.size()));
        }
    }

    private static void topGenes(ObjectNode json, TopGenes genes) {
        json.put(GENES_TOTAL, genes.rows().size()).put(FOLDS, genes.folds());
        ArrayNode rows = json.putArray(GENES);
        for (org.exprflow.stepfile.GeneTable.Row r : genes.shown()) {
            ObjectNode o = rows.addObject().put(FEATURE, r.feature());
            if (r.symbol() == null) {
                o.putNull(SYMBOL);
            } else {
                o.put(SYMBOL, r.symbol());
            }
            o.put(FOLDS, r.folds()).put(MEAN_RANK, r.meanRank()).put(CONTRAST, r.contrast()).put(DIFFERENCE, r.difference())
                    .put(IMPORTANCE, r.importance());
            ObjectNode means = o.putObject(CLASS_MEANS);
            for (int c = 0; c < genes.classes().size(); c++) {
                means.put(genes.classes().get(c), r.classMeans()[c]);
            }
        }
    }

    static String render(List<String> levels, long unscored, List<LearnerEvaluation> evaluations,
                         SelectionStability stability, CvScheme cvScheme, BatchBreakdown batches, Additions additions) {
        ObjectNode json = StepJson.METRICS.newDocument();
        if (additions.imbalance() != null) {
            json.put(IMBALANCE, additions.imbalance());
        }
        if (additions.curve() != null) {
            LearningCurveWriter.addTo(json, additions.curve());
        }
        if (additions.comparison() != null) {
            comparison(json.putObject(MODEL_COMPARISON), additions.comparison());
        }
        if (additions.genes() != null) {
            topGenes(json.putObject(TOP_GENES), additions.genes());
        }
        if (!additions.calibration().isEmpty()) {
            calibration(json.putObject(CALIBRATION), levels, additions.calibration());
        }
        if (cvScheme != null) {
            ObjectNode scheme = json.putObject(CV_SCHEME).put(CV_SCHEME_KIND, cvScheme.kind());
            if (cvScheme.groupColumn() != null) {
                scheme.put(CV_GROUP_COLUMN, cvScheme.groupColumn());
            }
        }
        if (batches != null) {
            ObjectNode b = json.putObject(BATCHES);
            ArrayNode rows = b.putArray(BY_BATCH);
            for (BatchBreakdown.Batch r : batches.byBatch()) {
                rows.addObject().put(BATCH, r.batch()).put(PREDICTIONS, r.predictions()).put(SAMPLES, r.samples())
                        .put(ACCURACY, r.accuracy()).put(BALANCED_ACCURACY, r.balancedAccuracy());
            }
            ArrayNode unseen = b.putArray(UNSEEN_IN_TRAINING);
            for (BatchBreakdown.Unseen u : batches.unseen()) {
                unseen.addObject().put(REPEAT, u.repeat()).put(FOLD, u.fold()).put(BATCH, u.batch());
            }
            if (cvScheme != null && cvScheme.transforms() != null) {
                b.put(TRANSFORMS, cvScheme.transforms());
                b.put(OWN_BATCH_FALLBACK, cvScheme.usesComBat() && !batches.unseen().isEmpty());
            }
        }
        ArrayNode levelArray = json.putArray(LEVELS);
        levels.forEach(levelArray::add);
        json.put(UNSCORED_PREDICTIONS, unscored);
        ObjectNode sets = json.putObject(SETS_KEY);
        for (LearnerEvaluation e : evaluations) {
            ObjectNode set = sets.has(e.set()) ? (ObjectNode) sets.get(e.set()) : sets.putObject(e.set());
            learner(set.putObject(e.learner()), e);
        }
        if (stability != null) {
            ObjectNode selection = json.putObject(MODEL_SELECTION);
            selection.put(MEAN_PAIRWISE_JACCARD, stability.meanPairwiseJaccard());
            ArrayNode folds = selection.putArray(FOLDS);
            for (SelectionStability.FoldChoice c : stability.folds()) {
                folds.addObject().put(REPEAT, c.repeat()).put(FOLD, c.fold()).put(LEARNER, c.learner())
                        .put(TOP_K, c.topK()).put(FEATURES, c.features());
            }
        }
        return JsonOutput.render(json);
    }

    private static void calibration(ObjectNode json, List<String> levels, List<CalibrationSummary> summaries) {
        json.put(BINS, org.exprflow.stats.ReliabilityDiagram.BINS);
        ObjectNode sets = json.putObject(SETS_KEY);
        for (CalibrationSummary s : summaries) {
            ObjectNode set = sets.has(s.set()) ? (ObjectNode) sets.get(s.set()) : sets.putObject(s.set());
            ObjectNode learner = set.putObject(s.learner()).put(PREDICTIONS, s.predictions()).put(BRIER, s.brier());
            ObjectNode classes = learner.putObject(CLASSES);
            for (int c = 0; c < levels.size(); c++) {
                ObjectNode cls = classes.putObject(levels.get(c)).put(BRIER, s.brierByClass()[c]);
                ArrayNode bins = cls.putArray(RELIABILITY);
                for (org.exprflow.stats.ReliabilityDiagram.Bin b : s.binsByClass().get(c)) {
                    bins.addObject().put(BIN, b.index()).put(LOWER, b.lower()).put(UPPER, b.upper()).put(COUNT, b.count())
                            .put(MEAN_PREDICTED, b.meanPredicted()).put(OBSERVED_FREQUENCY, b.observedFrequency());
                }
            }
        }
    }

    private static void comparison(ObjectNode json, ModelComparison comparison) {
        json.put(STATISTIC, BALANCED_ACCURACY).put(TEST, CORRECTED_RESAMPLED_T).put(LEVEL, ModelComparison.LEVEL);
        ArrayNode schemes = json.putArray(SCHEMES);
        for (ModelComparison.Scheme s : comparison.schemes()) {
            ObjectNode o = schemes.addObject().put(SCHEME, s.name()).put(FOLDS, s.folds().size()).put(MEAN, s.mean());
            if (s.learner() != null) {
                o.put(LEARNER, s.learner()).put(TOP_K, s.topK());
            }
        }
        ArrayNode comparisons = json.putArray(COMPARISONS);
        for (ModelComparison.Comparison c : comparison.comparisons()) {
            ObjectNode o = comparisons.addObject().put(A, c.a()).put(B, c.b()).put(FOLDS, c.folds())
                    .put(TEST_TRAIN_RATIO, c.testTrainRatio()).put(MEAN_A, c.meanA()).put(MEAN_B, c.meanB())
                    .put(MEAN_DIFFERENCE, c.meanDifference()).put(VARIANCE, c.variance())
                    .put(CORRECTED_VARIANCE, c.correctedVariance()).put(SE, c.standardError()).put(T, c.t())
                    .put(DF, c.degreesOfFreedom()).put(P, c.p());
            o.putArray(CI).add(c.ciLow()).add(c.ciHigh());
        }
    }

    private static void learner(ObjectNode json, LearnerEvaluation e) {
        ClassificationMetrics m = e.metrics();
        List<String> levels = m.levels();
        json.put(PREDICTIONS, m.predictions());
        json.put(SAMPLES, m.samples());
        json.putObject(OVERALL)
                .put(ACCURACY, m.accuracy())
                .put(BALANCED_ACCURACY, m.balancedAccuracy())
                .put(MCC, m.mcc())
                .put(KAPPA, m.kappa())
                .put(AUC_WEIGHTED, m.weightedAuc());
        BootstrapInterval ci = e.interval();
        if (ci != null) {
            ObjectNode interval = json.putObject(INTERVAL)
                    .put(METHOD, BootstrapInterval.METHOD)
                    .put(REPLICATES, ci.replicates())
                    .put(LEVEL, ci.level());
            interval.putArray(ACCURACY).add(ci.accuracyLow()).add(ci.accuracyHigh());
            interval.putArray(BALANCED_ACCURACY).add(ci.balancedAccuracyLow()).add(ci.balancedAccuracyHigh());
        }
        if (e.permutations() != null) {
            ObjectNode permutation = json.putObject(PERMUTATION)
                    .put(STATISTIC, BALANCED_ACCURACY)
                    .put(COUNT, e.permutations().count())
                    .put(MEAN, e.permutations().mean())
                    .put(P, e.permutationP());
            if (e.permutations().repeats() > 0) {
                // only when the permutations ran fewer repeats, so other runs' metrics keep their bytes
                permutation.put(PERMUTATION_REPEATS, e.permutations().repeats())
                        .put(PERMUTATION_OBSERVED, e.permutations().observed());
            }
        }
        ObjectNode classes = json.putObject(CLASSES);
        for (int c = 0; c < levels.size(); c++) {
            classes.putObject(levels.get(c))
                    .put(SUPPORT, m.support(c))
                    .put(PRECISION, m.precision(c))
                    .put(RECALL, m.recall(c))
                    .put(F1, m.f1(c))
                    .put(AUC, m.auc(c));
        }
        ArrayNode confusion = json.putArray(CONFUSION);
        for (int t = 0; t < levels.size(); t++) {
            ArrayNode row = confusion.addArray();
            for (int p = 0; p < levels.size(); p++) {
                row.add(m.confusion().count(t, p));
            }
        }
        CrossValidationSummary cv = e.folds();
        if (cv != null) {
            ObjectNode folds = json.putObject(FOLDS);
            folds.put(COUNT, cv.folds());
            spread(folds, ACCURACY, cv.accuracy());
            spread(folds, BALANCED_ACCURACY, cv.balancedAccuracy());
            spread(folds, MCC, cv.mcc());
            ArrayNode repeats = folds.putArray(REPEATS);
            for (CrossValidationSummary.RepeatMetrics r : cv.repeats()) {
                repeats.addObject().put(REPEAT, r.repeat()).put(ACCURACY, r.accuracy())
                        .put(BALANCED_ACCURACY, r.balancedAccuracy());
            }
        }
    }

    private static void spread(ObjectNode json, String name, CrossValidationSummary.Spread s) {
        json.putObject(name).put(MEAN, s.mean()).put(SD, s.sd());
    }
}
