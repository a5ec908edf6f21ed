package org.exprflow.report;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.stepfile.MetricsJson;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stats.RocCurve;
import org.exprflow.plot.SvgRocPlot;

/**
 * The ROC section: one-vs-rest curves of the model for each class, from the pooled CV predictions
 * (all folds and repeats, as the metrics pool them), and from the test set when there is one.
 */
final class RocSection {
    private static final String LEARNER = "model";

    private RocSection() {
    }

    static String render(PredictionTable predictions) {
        StringBuilder plots = new StringBuilder();
        for (String set : MetricsJson.SETS) {
            List<PredictionTable.Row> rows = predictions.rows(set, LEARNER).stream().filter(r -> r.truth() != null).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<SvgRocPlot.Curve> curves = new ArrayList<>();
            for (int c = 0; c < predictions.levels().size(); c++) {
                RocCurve curve = RocCurve.of(predictions.levels(), rows, c);
                curves.add(new SvgRocPlot.Curve(predictions.levels().get(c), curve.points(), curve.area()));
            }
            String caption = switch (set) {
                case "cv" -> "Pooled cross-validation predictions (" + rows.size() + ")";
                case "predict" -> "New samples with known labels (" + rows.size() + ")";
                default -> "Test set predictions (" + rows.size() + ")";
            };
            plots.append("<figure>\n").append(SvgRocPlot.render(curves, caption)).append("</figure>\n");
        }
        if (plots.length() == 0) {
            return "";
        }
        return "<section id=\"roc\">\n<h2>ROC curves (model, one class versus the rest)</h2>\n<div class=\"figures\">\n"
                + plots + "</div>\n</section>\n";
    }
}
