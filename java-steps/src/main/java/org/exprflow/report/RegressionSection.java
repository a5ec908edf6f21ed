package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stats.RegressionMetrics;
import org.exprflow.stepfile.RegressionMetricsJson;
import org.exprflow.stepfile.RegressionTable;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgScatterPlot;
import org.exprflow.plot.SvgHistogram;

/**
 * The regression section, from the outputs of {@code exprflow evaluate-regression}:
 * <ul>
 * <li>from its JSON: per set, the model beside the training-mean baseline (pooled n, Pearson r,
 * Spearman ρ, RMSE, MAE, R², and the mean and median of the per-target r), and a histogram of the
 * model's per-target Pearson r when a set has several targets (genes, in the across-samples
 * design);</li>
 * <li>from its merged regression table: the predicted-versus-measured scatter of the model per set.</li>
 * </ul>
 */
final class RegressionSection {
    private static final String MODEL = RegressionMetricsJson.MODEL;
    /** The baseline learner of the regression table: each target's training mean. */
    private static final String BASELINE = "mean";
    /** Points drawn per scatter plot at most: beyond that an SVG gets slow to open and adds nothing. */
    static final int MAX_POINTS = 5000;
    private static final int HISTOGRAM_BINS = 20;

    private static final String[][] POOLED = {
        {"n", "predictions scored", "0"},
        {"pearson", "Pearson r (pooled)", "3"},
        {"spearman", "Spearman ρ (pooled)", "3"},
        {"rmse", "RMSE", "3"},
        {"mae", "MAE", "3"},
        {"r2", "R²", "3"},
        {"targets", "targets", "0"},
        {"pearson_mean", "per-target r, mean", "3"},
        {"pearson_median", "per-target r, median", "3"}};

    private RegressionSection() {
    }

    static String render(JsonNode metrics, RegressionTable table) {
        StringBuilder html = new StringBuilder("<section id=\"regression\">\n<h2>Regression performance</h2>\n");
        if (metrics != null) {
            pooled(html, metrics);
            histograms(html, metrics);
        }
        if (table != null) {
            scatters(html, table);
        }
        return html.append("</section>\n").toString();
    }

    /** The numbers of the opening line: three decimals (NA when undefined). */
    private static String number(double x) {
        return Markup.fixed(x, 3);
    }

    /**
     * The report's opening line: on the test set (else CV), whether the model beats the training-mean
     * baseline and by how much, on MAE (lower is better, and always defined) and on the pooled Pearson
     * r, e.g. "Test (held-out partition): the model beats the training-mean baseline: MAE 0.520 against
     * 0.750 (30.7% lower); Pearson r 0.620 against 0.410 (+0.210)." Null when neither set has both.
     */
    static String headline(JsonNode metrics) {
        JsonNode sets = JsonFile.object(metrics, RegressionMetricsJson.SETS);
        for (String set : List.of("test", "cv")) {
            JsonNode model = JsonFile.object(JsonFile.object(JsonFile.object(sets, set), MODEL), RegressionMetricsJson.OVERALL);
            JsonNode mean = JsonFile.object(JsonFile.object(JsonFile.object(sets, set), BASELINE), RegressionMetricsJson.OVERALL);
            double mae = JsonFile.number(model, RegressionMetricsJson.MAE);
            double baseMae = JsonFile.number(mean, RegressionMetricsJson.MAE);
            if (Double.isNaN(mae) || Double.isNaN(baseMae)) {
                continue;
            }
            StringBuilder line = new StringBuilder(Markup.escape(capitalised(setName(set)))).append(": the model <strong>")
                    .append(mae < baseMae ? "beats" : "does not beat").append("</strong> the training-mean baseline: MAE ")
                    .append(number(mae)).append(" against ").append(number(baseMae));
            if (baseMae > 0) {
                line.append(" (").append(Markup.fixed(100 * Math.abs(baseMae - mae) / baseMae, 1)).append("% ")
                        .append(mae <= baseMae ? "lower" : "higher").append(')');
            }
            double r = JsonFile.number(model, RegressionMetricsJson.PEARSON);
            double baseR = JsonFile.number(mean, RegressionMetricsJson.PEARSON);
            if (!Double.isNaN(r)) {
                line.append("; Pearson r ").append(number(r));
                if (Double.isNaN(baseR)) {
                    line.append(" (the baseline's is undefined: it predicts one value)");
                } else {
                    line.append(" against ").append(number(baseR)).append(" (").append(r >= baseR ? "+" : "−")
                            .append(number(Math.abs(r - baseR))).append(')');
                }
            }
            return line.append('.').toString();
        }
        return null;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A readable name for a set of the regression table. */
    static String setName(String set) {
        if (set.equals("cv")) {
            return "CV (held-out folds)";
        }
        if (set.equals("test")) {
            return "test (held-out partition)";
        }
        if (set.startsWith("transfer:")) {
            String rest = set.substring("transfer:".length());
            return rest.endsWith(":test") ? "transfer to " + rest.substring(0, rest.length() - 5) + ", test rows"
                    : "transfer to " + rest;
        }
        return set;
    }

    private static void pooled(StringBuilder html, JsonNode metrics) {
        record Column(String set, String learner, JsonNode overall) {
        }
        List<Column> columns = new ArrayList<>();
        // The model first, its baseline beside it, in each set.
        JsonFile.entries(JsonFile.object(metrics, RegressionMetricsJson.SETS), List.of()).forEach(s -> JsonFile.entries(s.getValue(), List.of()).stream()
                .sorted((a, b) -> Boolean.compare(!MODEL.equals(a.getKey()), !MODEL.equals(b.getKey())))
                .forEach(e -> columns.add(new Column(s.getKey(), e.getKey(), JsonFile.object(e.getValue(), RegressionMetricsJson.OVERALL)))));
        if (columns.isEmpty()) {
            html.append("<p>The metrics file holds no evaluated set.</p>\n");
            return;
        }
        html.append("<h3>Overall</h3>\n<p>Pooled metrics use every scored prediction of a set; the per-target r is"
                + " computed for each target (gene) on its own. <i>mean</i> predicts the training mean of each target:"
                + " the baseline a model has to beat (its R² is 0 or below).</p>\n");
        html.append("<table class=\"metrics\">\n<thead><tr><th>metric</th>");
        columns.forEach(c -> html.append("<th>").append(Markup.escape(setName(c.set()))).append(' ')
                .append(Markup.escape(c.learner())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (String[] m : POOLED) {
            html.append("<tr><th>").append(m[1]).append("</th>");
            columns.forEach(c -> html.append("<td>").append(Markup.fixed(JsonFile.number(c.overall(), m[0]),
                    Integer.parseInt(m[2]))).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void histograms(StringBuilder html, JsonNode metrics) {
        StringBuilder plots = new StringBuilder();
        JsonFile.entries(JsonFile.object(metrics, RegressionMetricsJson.SETS), List.of()).forEach(e -> {
            String set = e.getKey();
            JsonNode model = JsonFile.object(e.getValue(), MODEL);
            List<Double> r = new ArrayList<>();
            JsonFile.object(model, RegressionMetricsJson.TARGETS).forEach(t -> {
                double v = JsonFile.number(t, RegressionMetricsJson.PEARSON);
                if (!Double.isNaN(v)) {
                    r.add(v);
                }
            });
            // One target (a single expression target across genes) has nothing to show as a distribution.
            if (r.size() < 2) {
                return;
            }
            double median = JsonFile.number(JsonFile.object(model, RegressionMetricsJson.OVERALL), RegressionMetricsJson.PEARSON_MEDIAN);
            String caption = setName(set) + ": " + r.size() + " targets, median r " + Markup.fixed(median, 3);
            plots.append("<figure>\n").append(SvgHistogram.render(r.stream().mapToDouble(Double::doubleValue).toArray(),
                    -1, 1, HISTOGRAM_BINS, 0, median, "Pearson r (predicted vs measured, per target)", caption))
                    .append("</figure>\n");
        });
        if (plots.length() > 0) {
            html.append("<h3>Per-target Pearson r (model)</h3>\n<p>One count per target; the dashed line is r = 0,"
                    + " the solid line the median.</p>\n<div class=\"figures\">\n").append(plots).append("</div>\n");
        }
    }

    private static void scatters(StringBuilder html, RegressionTable table) {
        Set<String> sets = new LinkedHashSet<>();
        table.rows().stream().map(RegressionTable.Row::set).sorted().forEach(sets::add);
        StringBuilder plots = new StringBuilder();
        for (String set : sets) {
            List<RegressionTable.Row> rows = table.rows().stream()
                    .filter(r -> r.set().equals(set) && r.learner().equals(MODEL)
                            && !Double.isNaN(r.truth()) && !Double.isNaN(r.predicted()))
                    .toList();
            if (rows.size() < 2) {
                continue;
            }
            double[] measured = rows.stream().mapToDouble(RegressionTable.Row::truth).toArray();
            double[] predicted = rows.stream().mapToDouble(RegressionTable.Row::predicted).toArray();
            double r = RegressionMetrics.pearson(measured, predicted);
            // A fixed stride keeps the thinning deterministic and spread over all targets and samples.
            int stride = (rows.size() + MAX_POINTS - 1) / MAX_POINTS;
            double[] mx = new double[(rows.size() + stride - 1) / stride];
            double[] px = new double[mx.length];
            for (int i = 0, k = 0; i < rows.size(); i += stride, k++) {
                mx[k] = measured[i];
                px[k] = predicted[i];
            }
            String caption = setName(set) + ": r " + Markup.fixed(r, 3) + ", n " + rows.size()
                    + (stride > 1 ? " (1 point in " + stride + " drawn)" : "");
            plots.append("<figure>\n").append(SvgScatterPlot.render(mx, px, "measured", "predicted", caption))
                    .append("</figure>\n");
        }
        if (plots.length() > 0) {
            html.append("<h3>Predicted versus measured (model)</h3>\n<p>Every held-out prediction of the model; the"
                    + " dashed line is predicted = measured.</p>\n<div class=\"figures\">\n").append(plots).append("</div>\n");
        }
    }
}
