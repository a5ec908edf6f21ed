package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.io.JsonWriter;

/**
 * Renders evaluations as the structured metrics JSON described in {@link EvaluateCommand}; the report
 * step reads this file. Undefined values (NaN) are written as null.
 */
public final class MetricsJsonWriter {
    private MetricsJsonWriter() {
    }

    public static String render(List<String> levels, long unscored, List<LearnerEvaluation> evaluations) {
        return render(levels, unscored, evaluations, null);
    }

    public static String render(List<String> levels, long unscored, List<LearnerEvaluation> evaluations,
                                SelectionStability stability) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("levels").beginArray();
        levels.forEach(json::value);
        json.endArray();
        json.field("unscored_predictions", unscored);
        Map<String, List<LearnerEvaluation>> bySet = new LinkedHashMap<>();
        for (LearnerEvaluation e : evaluations) {
            bySet.computeIfAbsent(e.set(), k -> new ArrayList<>()).add(e);
        }
        json.name("sets").beginObject();
        for (Map.Entry<String, List<LearnerEvaluation>> set : bySet.entrySet()) {
            json.name(set.getKey()).beginObject();
            for (LearnerEvaluation e : set.getValue()) {
                json.name(e.learner());
                learner(json, e);
            }
            json.endObject();
        }
        json.endObject();
        if (stability != null) {
            json.name("model_selection").beginObject();
            json.field("mean_pairwise_jaccard", stability.meanPairwiseJaccard());
            json.name("folds").beginArray();
            for (SelectionStability.FoldChoice c : stability.folds()) {
                json.beginObject().field("repeat", c.repeat()).field("fold", c.fold()).field("learner", c.learner())
                        .field("top_k", c.topK()).field("features", c.features()).endObject();
            }
            json.endArray();
            json.endObject();
        }
        return json.endObject().toString();
    }

    private static void learner(JsonWriter json, LearnerEvaluation e) {
        ClassificationMetrics m = e.metrics();
        List<String> levels = m.levels();
        json.beginObject();
        json.field("predictions", m.predictions());
        json.field("samples", m.samples());
        json.name("overall").beginObject()
                .field("accuracy", m.accuracy())
                .field("balanced_accuracy", m.balancedAccuracy())
                .field("mcc", m.mcc())
                .field("kappa", m.kappa())
                .field("auc_weighted", m.weightedAuc())
                .endObject();
        BootstrapInterval ci = e.interval();
        if (ci != null) {
            json.name("interval").beginObject()
                    .field("method", BootstrapInterval.METHOD)
                    .field("replicates", ci.replicates())
                    .field("level", ci.level())
                    .name("accuracy").beginArray().value(ci.accuracyLow()).value(ci.accuracyHigh()).endArray()
                    .name("balanced_accuracy").beginArray().value(ci.balancedAccuracyLow()).value(ci.balancedAccuracyHigh()).endArray()
                    .endObject();
        }
        if (e.permutations() != null) {
            json.name("permutation").beginObject()
                    .field("statistic", "balanced_accuracy")
                    .field("count", e.permutations().count())
                    .field("mean", e.permutations().mean())
                    .field("p", e.permutationP())
                    .endObject();
        }
        json.name("classes").beginObject();
        for (int c = 0; c < levels.size(); c++) {
            json.name(levels.get(c)).beginObject()
                    .field("support", m.support(c))
                    .field("precision", m.precision(c))
                    .field("recall", m.recall(c))
                    .field("f1", m.f1(c))
                    .field("auc", m.auc(c))
                    .endObject();
        }
        json.endObject();
        json.name("confusion").beginArray();
        for (int t = 0; t < levels.size(); t++) {
            json.beginArray();
            for (int p = 0; p < levels.size(); p++) {
                json.value(m.confusion().count(t, p));
            }
            json.endArray();
        }
        json.endArray();
        CrossValidationSummary cv = e.folds();
        if (cv != null) {
            json.name("folds").beginObject();
            json.field("count", cv.folds());
            spread(json, "accuracy", cv.accuracy());
            spread(json, "balanced_accuracy", cv.balancedAccuracy());
            spread(json, "mcc", cv.mcc());
            json.name("repeats").beginArray();
            for (CrossValidationSummary.RepeatMetrics r : cv.repeats()) {
                json.beginObject().field("repeat", r.repeat()).field("accuracy", r.accuracy())
                        .field("balanced_accuracy", r.balancedAccuracy()).endObject();
            }
            json.endArray();
            json.endObject();
        }
        json.endObject();
    }

    private static void spread(JsonWriter json, String name, CrossValidationSummary.Spread s) {
        json.name(name).beginObject().field("mean", s.mean()).field("sd", s.sd()).endObject();
    }
}
