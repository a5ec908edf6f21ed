package org.exprflow.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgScatterPlot;
import org.exprflow.score.ScoreAxisLabel;
import org.exprflow.stepfile.ScoreJson;
import org.exprflow.stepfile.ScoreTables;

/**
 * The page of {@code exprflow score-report}: which model agrees best with the measurements, a table of
 * every model's score side by side, and one predicted-versus-measured scatter per model, titled with
 * its name. Every model was scored against the same measured values, so their numbers compare
 * directly; the mean baseline (the mean measured value predicted for every id) is each model's floor:
 * its R² is 0 and its r undefined, so the table sets the model's MAE against the baseline's.
 */
final class ScoreComparison {

    /** One model: its name, its score JSON, and its joined pairs (null: no plot). */
    record Scored(String name, JsonNode score, List<ScoreTables.Pair> pairs) {
    }

    private ScoreComparison() {
    }

    static String render(String title, List<Scored> models) {
        StringBuilder html = HtmlReport.open(title);
        headline(html, models);
        table(html, models);
        plots(html, models);
        return HtmlReport.close(html);
    }

    /** The numbers people read: three decimals (NA when undefined). */
    private static String number(double x) {
        return Markup.fixed(x, 3);
    }

    private static JsonNode model(Scored s) {
        return JsonFile.object(s.score(), ScoreJson.MODEL);
    }

    private static JsonNode baseline(Scored s) {
        return JsonFile.object(s.score(), ScoreJson.MEAN_BASELINE);
    }

    /** The opening: the model with the highest Pearson r, and whether each model beats the mean baseline on MAE. */
    private static void headline(StringBuilder html, List<Scored> models) {
        Scored best = null;
        for (Scored s : models) {
            double r = JsonFile.number(model(s), ScoreJson.PEARSON);
            if (!Double.isNaN(r) && (best == null || r > JsonFile.number(model(best), ScoreJson.PEARSON))) {
                best = s;
            }
        }
        html.append("<section id=\"summary\">\n<p class=\"headline\">");
        html.append(models.size()).append(models.size() == 1 ? " predictions file" : " predictions files")
                .append(" scored against the same measurements.");
        if (best != null && models.size() > 1) {
            html.append(" Highest Pearson r: <strong>").append(Markup.escape(best.name())).append("</strong>, ")
                    .append(number(JsonFile.number(model(best), ScoreJson.PEARSON))).append('.');
        }
        html.append("</p>\n<ul>\n");
        for (Scored s : models) {
            html.append("<li>").append(Markup.escape(s.name())).append(": ").append(againstBaseline(s)).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    /** "beats the mean baseline: MAE 0.520 against 0.750 (30.7% lower)", or that it does not. */
    static String againstBaseline(Scored s) {
        double mae = JsonFile.number(model(s), ScoreJson.MAE);
        double base = JsonFile.number(baseline(s), ScoreJson.MAE);
        if (Double.isNaN(mae) || Double.isNaN(base)) {
            return "MAE not available";
        }
        String numbers = "MAE " + number(mae) + " against " + number(base) + " for the mean baseline";
        if (base == 0) {
            return numbers;
        }
        double change = (base - mae) / base;
        return (mae < base ? "beats the mean baseline: " : "does not beat the mean baseline: ") + numbers + " ("
                + Markup.fixed(100 * Math.abs(change), 1) + "% " + (mae <= base ? "lower" : "higher") + ")";
    }

    private static void table(StringBuilder html, List<Scored> models) {
        html.append("<section id=\"scores\">\n<h2>Scores side by side</h2>\n")
                .append("<p>Each predictions file joined with the measurements on the id; \"scored\" counts the matched ids with a"
                        + " value on both sides. The mean baseline predicts the mean of the scored measured values for every id.</p>\n")
                .append("<table class=\"metrics\">\n<thead><tr><th>model</th><th>predicted column</th><th>matched ids</th>"
                        + "<th>scored</th><th>Pearson r</th><th>Spearman ρ</th><th>R²</th><th>RMSE</th><th>MAE</th>"
                        + "<th>RMSE, mean baseline</th><th>MAE, mean baseline</th></tr></thead>\n<tbody>\n");
        for (Scored s : models) {
            JsonNode m = model(s);
            JsonNode b = baseline(s);
            JsonNode join = JsonFile.object(s.score(), ScoreJson.JOIN);
            String column = JsonFile.string(JsonFile.object(s.score(), ScoreJson.PREDICTIONS), ScoreJson.VALUE_COLUMN);
            html.append("<tr><td class=\"learner\">").append(Markup.escape(s.name())).append("</td><td>")
                    .append(column == null ? "" : Markup.escape(column)).append("</td><td>")
                    .append(Markup.fixed(JsonFile.number(join, ScoreJson.MATCHED), 0)).append("</td><td>")
                    .append(Markup.fixed(JsonFile.number(join, ScoreJson.SCORED), 0)).append("</td>");
            for (String key : List.of(ScoreJson.PEARSON, ScoreJson.SPEARMAN, ScoreJson.R2, ScoreJson.RMSE, ScoreJson.MAE)) {
                html.append("<td>").append(number(JsonFile.number(m, key))).append("</td>");
            }
            html.append("<td>").append(number(JsonFile.number(b, ScoreJson.RMSE))).append("</td><td>")
                    .append(number(JsonFile.number(b, ScoreJson.MAE))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void plots(StringBuilder html, List<Scored> models) {
        StringBuilder figures = new StringBuilder();
        for (Scored s : models) {
            if (s.pairs() == null) {
                continue;
            }
            List<ScoreTables.Pair> complete = new ArrayList<>();
            for (ScoreTables.Pair p : s.pairs()) {
                if (!Double.isNaN(p.measured()) && !Double.isNaN(p.predicted())) {
                    complete.add(p);
                }
            }
            if (complete.isEmpty()) {
                continue;
            }
            // A fixed stride keeps the thinning deterministic and spread over the ids (sorted in the pairs table).
            int stride = (complete.size() + RegressionSection.MAX_POINTS - 1) / RegressionSection.MAX_POINTS;
            int drawn = (complete.size() + stride - 1) / stride;
            double[] measured = new double[drawn];
            double[] predicted = new double[drawn];
            for (int i = 0, k = 0; i < complete.size(); i += stride, k++) {
                measured[k] = complete.get(i).measured();
                predicted[k] = complete.get(i).predicted();
            }
            JsonNode options = JsonFile.object(s.score(), ScoreJson.OPTIONS);
            String measuredColumn = JsonFile.string(JsonFile.object(s.score(), ScoreJson.MEASUREMENTS), ScoreJson.VALUE_COLUMN);
            String predictedColumn = JsonFile.string(JsonFile.object(s.score(), ScoreJson.PREDICTIONS), ScoreJson.VALUE_COLUMN);
            String xLabel = ScoreAxisLabel.measured(measuredColumn == null ? "value" : measuredColumn,
                    "log2p1".equals(JsonFile.string(options, ScoreJson.TRANSFORM)));
            String yLabel = ScoreAxisLabel.predicted(predictedColumn == null ? "value" : predictedColumn);
            String caption = s.name() + ": Pearson r " + number(JsonFile.number(model(s), ScoreJson.PEARSON)) + ", n "
                    + complete.size() + (stride > 1 ? " (1 point in " + stride + " drawn)" : "");
            figures.append("<figure>\n<figcaption><strong>").append(Markup.escape(s.name())).append("</strong></figcaption>\n")
                    .append(SvgScatterPlot.render(measured, predicted, xLabel, yLabel, caption)).append("</figure>\n");
        }
        if (figures.length() > 0) {
            html.append("<section id=\"plots\">\n<h2>Predicted versus measured</h2>\n<p>One plot per model, every scored id;"
                    + " the dashed line is predicted = measured.</p>\n<div class=\"figures\">\n").append(figures)
                    .append("</div>\n</section>\n");
        }
    }
}
