package org.exprflow.score;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.stats.RegressionMetrics;
import org.exprflow.io.Canonical;
import org.exprflow.stepfile.ScoreTables;
import org.exprflow.io.JsonWriter;

/**
 * Renders a {@link ScoreSummary} as the metrics TSV ("metric value", one row per number, always the
 * same rows in the same order), the JSON summary, and the pairs table behind the scatter plot (both
 * tables through the step-file codecs of {@link ScoreTables}). Numbers
 * go through {@link Canonical#number}; no paths are written, so two runs compare with cmp.
 */
final class ScoreReportWriter {

    private ScoreReportWriter() {
    }

    static String metricsTsv(ScoreSummary s) {
        return ScoreTables.METRICS.render(metricRows(s));
    }

    private static List<ScoreTables.Metric> metricRows(ScoreSummary s) {
        List<ScoreTables.Metric> rows = new ArrayList<>();
        RegressionMetrics m = s.model();
        add(rows, "predictions_rows", s.predictions().rows());
        add(rows, "predictions_unmapped_ids", s.unmappedPredictions());
        add(rows, "predictions_ids", s.predictions().ids());
        add(rows, "predictions_duplicated_ids", s.predictions().duplicatedIds());
        add(rows, "measurements_rows", s.measurements().rows());
        add(rows, "measurements_ids", s.measurements().ids());
        add(rows, "measurements_duplicated_ids", s.measurements().duplicatedIds());
        add(rows, "matched", s.pairs().matched());
        add(rows, "unmatched_predictions", s.pairs().unmatchedPredictions());
        add(rows, "unmatched_measurements", s.pairs().unmatchedMeasurements());
        add(rows, "scored", m.n());
        add(rows, "pearson", m.pearson());
        add(rows, "spearman", m.spearman());
        add(rows, "r2", m.r2());
        add(rows, "rmse", m.rmse());
        add(rows, "mae", m.mae());
        add(rows, "baseline_mean", s.baselineMean());
        add(rows, "baseline_rmse", s.baselineRmse());
        add(rows, "baseline_mae", s.baselineMae());
        return rows;
    }

    private static void add(List<ScoreTables.Metric> rows, String name, double value) {
        rows.add(new ScoreTables.Metric(name, value));
    }

    static String json(ScoreSummary s) {
        RegressionMetrics m = s.model();
        JsonWriter w = new JsonWriter().beginObject();
        w.field("step", "score");
        w.name("options").beginObject()
                .field("transform", s.transform().label)
                .field("duplicates", s.duplicates().label)
                .field("strip_versions", s.versions().label())
                .endObject();
        input(w, "predictions", s.predictions()).field("unmapped_ids", s.unmappedPredictions()).endObject();
        input(w, "measurements", s.measurements()).endObject();
        w.name("id_map");
        if (s.idMap() == null) {
            w.value((String) null);
        } else {
            w.beginObject()
                    .field("delimiter", s.idMap().delimiter())
                    .field("header", s.idMap().header())
                    .field("entries", s.idMap().entries())
                    .endObject();
        }
        w.name("join").beginObject()
                .field("matched", s.pairs().matched())
                .field("unmatched_predictions", s.pairs().unmatchedPredictions())
                .field("unmatched_measurements", s.pairs().unmatchedMeasurements())
                .field("scored", m.n())
                .endObject();
        w.name("model").beginObject()
                .field("pearson", m.pearson())
                .field("spearman", m.spearman())
                .field("r2", m.r2())
                .field("rmse", m.rmse())
                .field("mae", m.mae())
                .endObject();
        w.name("mean_baseline").beginObject()
                .field("prediction", s.baselineMean())
                .field("rmse", s.baselineRmse())
                .field("mae", s.baselineMae())
                .endObject();
        return w.endObject().toString();
    }

    /** Opens the object of one input table; the caller may add fields before closing it. */
    private static JsonWriter input(JsonWriter w, String name, ScoreSummary.Input in) {
        return w.name(name).beginObject()
                .field("delimiter", in.delimiter())
                .field("header", in.header())
                .field("id_column", in.idColumn())
                .field("value_column", in.valueColumn())
                .field("rows", in.rows())
                .field("ids", in.ids())
                .field("duplicated_ids", in.duplicatedIds());
    }

    static String pairsTsv(JoinedPairs pairs) {
        List<ScoreTables.Pair> rows = new ArrayList<>();
        for (int i = 0; i < pairs.matched(); i++) {
            rows.add(new ScoreTables.Pair(pairs.ids().get(i), pairs.measured()[i], pairs.predicted()[i]));
        }
        return ScoreTables.PAIRS.render(rows);
    }
}
