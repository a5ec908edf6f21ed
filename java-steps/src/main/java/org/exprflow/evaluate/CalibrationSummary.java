package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.stats.BrierScore;
import org.exprflow.stats.ReliabilityDiagram;
import org.exprflow.stepfile.MetricsJson;
import org.exprflow.stepfile.PredictionTable;

/**
 * How well the probabilities of one learner on one set are calibrated, from the pooled held-out
 * predictions (all folds and repeats, as the other pooled metrics): the multi-class Brier score, the
 * one-vs-rest Brier score of each class, and each class's reliability diagram (ten equal-width bins,
 * {@link ReliabilityDiagram}). Computed for the model, for the model's uncalibrated probabilities when
 * the model was calibrated ({@link MetricsJson#UNCALIBRATED_LEARNER} rows), and for ZeroR.
 */
public record CalibrationSummary(String set, String learner, List<String> levels, long predictions, double brier, double[] brierByClass,
                                 List<List<ReliabilityDiagram.Bin>> binsByClass) {

    /** The learners scored for calibration, in output order. */
    public static final List<String> LEARNERS = List.of(MetricsJson.LEARNERS.get(0), MetricsJson.UNCALIBRATED_LEARNER,
            MetricsJson.LEARNERS.get(1));

    /** The summaries of every scored set and learner present with at least one known truth. */
    public static List<CalibrationSummary> of(PredictionTable table) {
        List<CalibrationSummary> out = new ArrayList<>();
        List<String> levels = table.levels();
        for (String set : MetricsJson.SETS) {
            for (String learner : LEARNERS) {
                List<PredictionTable.Row> rows = table.rows(set, learner).stream().filter(r -> r.truth() != null).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                double[] byClass = new double[levels.size()];
                List<List<ReliabilityDiagram.Bin>> bins = new ArrayList<>();
                for (int c = 0; c < levels.size(); c++) {
                    byClass[c] = BrierScore.oneVsRest(levels, rows, c);
                    bins.add(ReliabilityDiagram.of(levels, rows, c));
                }
                out.add(new CalibrationSummary(set, learner, levels, rows.size(), BrierScore.multiClass(levels, rows), byClass,
                        bins));
            }
        }
        return out;
    }
}
