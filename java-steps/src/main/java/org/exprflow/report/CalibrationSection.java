package org.exprflow.report;

import static org.exprflow.stepfile.MetricsJson.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgReliabilityPlot;

/**
 * The calibration section, from the metrics JSON's "calibration" object (written by evaluate from the
 * pooled held-out predictions): the Brier scores of the model, of its probabilities before calibration
 * when it was calibrated, and of ZeroR, side by side; then a reliability diagram per set (and, for a
 * calibrated model, one of the uncalibrated probabilities beside it). With two classes the diagram
 * shows the second class only (the first's is its mirror image); with more, one curve per class
 * against the rest.
 */
final class CalibrationSection {
    private static final String MODEL = LEARNERS.get(0);
    /** The Brier table's columns. */
    private static final List<String> COLUMNS = List.of(MODEL, UNCALIBRATED_LEARNER, LEARNERS.get(1));

    private CalibrationSection() {
    }

    static boolean present(JsonNode metrics) {
        return metrics.path(CALIBRATION).path(SETS_KEY).isObject();
    }

    static String render(JsonNode metrics) {
        JsonNode sets = metrics.path(CALIBRATION).path(SETS_KEY);
        List<Map.Entry<String, JsonNode>> bySet = JsonFile.entries(sets, SETS);
        boolean calibrated = bySet.stream().anyMatch(e -> e.getValue().has(UNCALIBRATED_LEARNER));
        StringBuilder html = new StringBuilder("<section id=\"calibration\">\n<h2>Calibration</h2>\n");
        html.append("<p class=\"note\">Brier score: the mean over held-out predictions of the sum over classes of "
                + "(p − y)², 0 is perfect (2 classes: twice scikit-learn's binary Brier score). Reliability diagrams: "
                + "predictions in ten equal-width bins of predicted probability ([0, 0.1], (0.1, 0.2], …), each bin's "
                + "mean predicted probability against the observed frequency of the class; a calibrated model lies on "
                + "the diagonal.</p>\n");
        html.append("<table class=\"brier\">\n<thead><tr><th>set</th><th>model</th>");
        if (calibrated) {
            html.append("<th>model before calibration</th>");
        }
        html.append("<th>ZeroR</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, JsonNode> e : bySet) {
            html.append("<tr><td>").append(Markup.escape(e.getKey())).append("</td>");
            for (String learner : COLUMNS) {
                if (learner.equals(UNCALIBRATED_LEARNER) && !calibrated) {
                    continue;
                }
                html.append("<td>").append(Markup.fixed(JsonFile.number(e.getValue().path(learner), BRIER), 4)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<div class=\"figures\">\n");
        List<String> levels = new ArrayList<>();
        metrics.path(LEVELS).forEach(l -> levels.add(l.asText()));
        for (Map.Entry<String, JsonNode> e : bySet) {
            for (String learner : List.of(MODEL, UNCALIBRATED_LEARNER)) {
                JsonNode node = e.getValue().path(learner);
                if (!node.isObject()) {
                    continue;
                }
                List<SvgReliabilityPlot.Curve> curves = new ArrayList<>();
                for (int c = levels.size() == 2 ? 1 : 0; c < levels.size(); c++) {
                    JsonNode cls = node.path(CLASSES).path(levels.get(c));
                    List<SvgReliabilityPlot.Point> points = new ArrayList<>();
                    for (JsonNode b : JsonFile.list(cls, RELIABILITY)) {
                        points.add(new SvgReliabilityPlot.Point(JsonFile.number(b, LOWER), JsonFile.number(b, UPPER),
                                b.path(COUNT).asLong(), JsonFile.number(b, MEAN_PREDICTED),
                                JsonFile.number(b, OBSERVED_FREQUENCY)));
                    }
                    curves.add(new SvgReliabilityPlot.Curve(levels.get(c), points, JsonFile.number(cls, BRIER)));
                }
                String what = learner.equals(UNCALIBRATED_LEARNER) ? "model before calibration" : "model";
                String set = e.getKey().equals("cv") ? "pooled cross-validation predictions"
                        : e.getKey().equals("predict") ? "new samples with known labels" : e.getKey() + " set predictions";
                String caption = what + ", " + set + " (" + node.path(PREDICTIONS).asLong() + ")";
                html.append("<figure>\n").append(SvgReliabilityPlot.render(curves, caption)).append("</figure>\n");
            }
        }
        return html.append("</div>\n</section>\n").toString();
    }
}
