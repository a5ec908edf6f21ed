package org.exprflow.report;

import static org.exprflow.stepfile.LearningCurveJson.*;
import static org.exprflow.stepfile.MetricsJson.BALANCED_ACCURACY;
import static org.exprflow.stepfile.MetricsJson.FOLDS;
import static org.exprflow.stepfile.MetricsJson.INTERVAL;
import static org.exprflow.stepfile.MetricsJson.MEAN;
import static org.exprflow.stepfile.MetricsJson.REPLICATES;
import static org.exprflow.stepfile.MetricsJson.SD;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgLearningCurvePlot;

/**
 * The learning-curve section, from the "learning_curve" block of evaluate's metrics JSON: does more
 * data help? A plot of the held-out balanced accuracy against the training-set size, with the
 * bootstrap interval as a band and the ZeroR line, and a table of every point with its per-fold
 * mean ± SD. The text says how the subsets were drawn and what the interval covers.
 */
final class LearningCurveSection {
    private LearningCurveSection() {
    }

    static boolean present(JsonNode metrics) {
        return !JsonFile.list(JsonFile.object(metrics, LEARNING_CURVE), POINTS).isEmpty();
    }

    static String render(JsonNode metrics) {
        JsonNode curve = JsonFile.object(metrics, LEARNING_CURVE);
        double zeroR = JsonFile.number(curve, ZERO_R_BALANCED_ACCURACY);
        List<SvgLearningCurvePlot.Point> points = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (JsonNode p : JsonFile.list(curve, POINTS)) {
            JsonNode sizes = JsonFile.object(p, TRAINING_SAMPLES);
            double mean = JsonFile.number(sizes, MEAN);
            double balanced = JsonFile.number(p, BALANCED_ACCURACY);
            JsonNode interval = p.path(BALANCED_ACCURACY_INTERVAL);
            double low = JsonFile.number(interval.path(0));
            double high = JsonFile.number(interval.path(1));
            points.add(new SvgLearningCurvePlot.Point(mean, balanced, low, high));
            JsonNode folds = JsonFile.object(p, FOLD_BALANCED_ACCURACY);
            double fraction = JsonFile.number(p, FRACTION);
            rows.append("<tr><td>").append(Markup.trimmed(fraction, 3)).append(fraction == 1 ? " (main CV)" : "")
                    .append("</td><td>").append(Markup.fixed(mean, 1)).append(" (")
                    .append(Markup.fixed(JsonFile.number(sizes, MIN), 0)).append("–")
                    .append(Markup.fixed(JsonFile.number(sizes, MAX), 0)).append(")</td><td>")
                    .append(Markup.fixed(JsonFile.number(p, FOLDS), 0)).append("</td><td>")
                    .append(Markup.fixed(balanced, 3)).append("</td><td>")
                    .append(Double.isNaN(low) ? "NA" : Markup.fixed(low, 3) + "–" + Markup.fixed(high, 3)).append("</td><td>")
                    .append(Markup.fixed(JsonFile.number(folds, MEAN), 3)).append(" ± ")
                    .append(Markup.fixed(JsonFile.number(folds, SD), 3)).append("</td></tr>\n");
        }
        StringBuilder html = new StringBuilder("<section id=\"learning-curve\">\n<h2>Learning curve</h2>\n");
        html.append("<p>Does more data help? Nested-CV balanced accuracy of the held-out folds when each outer fold's "
                + "model is trained on part of its training samples. ").append(Markup.escape(capitalised(
                JsonFile.string(curve, SUBSETS)))).append(".</p>\n");
        html.append(change(points));
        double replicates = JsonFile.number(JsonFile.object(curve, INTERVAL), REPLICATES);
        String intervalText = Double.isNaN(replicates) ? "no interval (no bootstrap replicates)"
                : "band: 95% percentile bootstrap interval over the pooled held-out predictions (" + Markup.fixed(replicates, 0)
                + " replicates; it does not cover the variation between training subsets)";
        html.append("<figure>\n").append(SvgLearningCurvePlot.render(points, zeroR, "Learning curve: held-out balanced "
                + "accuracy against training-set size")).append("<figcaption>Line: pooled balanced accuracy of the held-out "
                + "folds; ").append(Markup.escape(intervalText)).append("; dashed: ZeroR.</figcaption>\n</figure>\n");
        html.append("<table class=\"metrics learning-curve\">\n<thead><tr><th>fraction of the training folds</th>"
                + "<th>training samples, mean (range)</th><th>outer folds</th><th>balanced accuracy (pooled)</th>"
                + "<th>95% interval</th><th>per fold, mean ± SD</th></tr></thead>\n<tbody>\n")
                .append(rows).append("</tbody>\n</table>\n");
        if (!Double.isNaN(zeroR)) {
            html.append("<p class=\"note\">ZeroR (majority class of the full training folds): balanced accuracy ")
                    .append(Markup.fixed(zeroR, 3)).append(".</p>\n");
        }
        return html.append("</section>\n").toString();
    }

    /** The change from the smallest size to the full one, and over the last step: facts, no verdict. */
    private static String change(List<SvgLearningCurvePlot.Point> points) {
        if (points.size() < 2) {
            return "";
        }
        SvgLearningCurvePlot.Point first = points.get(0);
        SvgLearningCurvePlot.Point previous = points.get(points.size() - 2);
        SvgLearningCurvePlot.Point full = points.get(points.size() - 1);
        double lastStep = full.balancedAccuracy() - previous.balancedAccuracy();
        return "<p class=\"curve-change\">From " + Markup.fixed(first.trainingSamples(), 1) + " to "
                + Markup.fixed(full.trainingSamples(), 1) + " training samples per fold, the pooled balanced accuracy went from "
                + Markup.fixed(first.balancedAccuracy(), 3) + " to " + Markup.fixed(full.balancedAccuracy(), 3)
                + "; the last step (from " + Markup.fixed(previous.trainingSamples(), 1) + " samples) changed it by "
                + (lastStep >= 0 ? "+" : "") + Markup.fixed(lastStep, 3) + ".</p>\n";
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
