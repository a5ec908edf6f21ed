package org.exprflow.score;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.stats.RegressionMetrics;
import org.exprflow.io.Canonical;
import org.exprflow.io.JsonOutput;
import org.exprflow.stepfile.StepJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exprflow.stepfile.ScoreJson;
import org.exprflow.stepfile.ScoreTables;

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

    /** The score JSON ({@link StepJson#SCORE}, keys in {@link ScoreJson}); {@code exprflow score-report} reads it back. */
    static String json(ScoreSummary s) {
        RegressionMetrics m = s.model();
        ObjectNode w = StepJson.SCORE.newDocument();
        w.put("step", "score");
        w.putObject(ScoreJson.OPTIONS)
                .put(ScoreJson.TRANSFORM, s.transform().label)
                .put("duplicates", s.duplicates().label)
                .put("strip_versions", s.versions().label());
        input(w.putObject(ScoreJson.PREDICTIONS), s.predictions()).put("unmapped_ids", s.unmappedPredictions());
        input(w.putObject(ScoreJson.MEASUREMENTS), s.measurements());
        if (s.idMap() == null) {
            w.putNull("id_map");
        } else {
            w.putObject("id_map")
                    .put("delimiter", s.idMap().delimiter())
                    .put("header", s.idMap().header())
                    .put("entries", s.idMap().entries());
        }
        w.putObject(ScoreJson.JOIN)
                .put(ScoreJson.MATCHED, s.pairs().matched())
                .put(ScoreJson.UNMATCHED_PREDICTIONS, s.pairs().unmatchedPredictions())
                .put(ScoreJson.UNMATCHED_MEASUREMENTS, s.pairs().unmatchedMeasurements())
                .put(ScoreJson.SCORED, m.n());
        w.putObject(ScoreJson.MODEL)
                .put(ScoreJson.PEARSON, m.pearson())
                .put(ScoreJson.SPEARMAN, m.spearman())
                .put(ScoreJson.R2, m.r2())
                .put(ScoreJson.RMSE, m.rmse())
                .put(ScoreJson.MAE, m.mae());
        w.putObject(ScoreJson.MEAN_BASELINE)
                .put(ScoreJson.PREDICTION, s.baselineMean())
                .put(ScoreJson.RMSE, s.baselineRmse())
                .put(ScoreJson.MAE, s.baselineMae());
        return JsonOutput.render(w);
    }

    /** Fills the object of one input table and returns it, for the caller to add more. */
    private static ObjectNode input(ObjectNode json, ScoreSummary.Input in) {
        return json
                .put("delimiter", in.delimiter())
                .put("header", in.header())
                .put("id_column", in.idColumn())
                .put(ScoreJson.VALUE_COLUMN, in.valueColumn())
                .put("rows", in.rows())
                .put("ids", in.ids())
                .put("duplicated_ids", in.duplicatedIds());
    }

    static String pairsTsv(JoinedPairs pairs) {
        List<ScoreTables.Pair> rows = new ArrayList<>();
        for (int i = 0; i < pairs.matched(); i++) {
            rows.add(new ScoreTables.Pair(pairs.ids().get(i), pairs.measured()[i], pairs.predicted()[i]));
        }
        return ScoreTables.PAIRS.render(rows);
    }
}
