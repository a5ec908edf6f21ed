package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.MetricsJson;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgHeatmap;

/**
 * The metrics section of the report, from the metrics JSON of {@code exprflow evaluate}: overall
 * metrics of the model beside the ZeroR baseline for CV and test (with the CV per-fold mean ± SD, and
 * the bootstrap intervals of accuracy and balanced accuracy when the JSON has them), the permutation
 * test of the CV model when run, per-class metrics of the model, per-repeat accuracy, and
 * confusion-matrix heatmaps.
 */
final class MetricsSection {
    /** Overall metrics: JSON key and the name shown. */
    private static final String[][] OVERALL = {
        {"accuracy", "accuracy"},
        {"balanced_accuracy", "balanced accuracy"},
        {"mcc", "MCC (R<sub>K</sub>)"},
        {"kappa", "Cohen's kappa"},
        {"auc_weighted", "AUC (class-weighted)"}};
    /** Overall metrics that {@code evaluate --bootstrap} gives an interval for (keys of "interval"). */
    private static final List<String> WITH_INTERVAL = List.of("accuracy", "balanced_accuracy");
    private static final String[][] FOLD_SPREAD = {
        {"accuracy", "CV fold accuracy, mean ± SD"},
        {"balanced_accuracy", "CV fold balanced accuracy, mean ± SD"},
        {"mcc", "CV fold MCC, mean ± SD"}};

    /** One column of the overall table: a (set, learner) present in the metrics. */
    private record Column(String set, String learner, JsonNode metrics) {
        String heading() {
            return setName(set) + " " + learner;
        }
    }

    private MetricsSection() {
    }

    /** The heading of a scored set: CV, test, or "new samples" for the labelled samples of --analysis predict. */
    static String setName(String set) {
        return switch (set) {
            case "cv" -> "CV";
            case "predict" -> "new samples";
            default -> set;
        };
    }

    static String render(JsonNode metrics) {
        List<String> levels = levels(metrics);
        List<Column> columns = new ArrayList<>();
        // The steps' order (cv before test, the model before ZeroR), not the file's sorted keys.
        JsonFile.entries(JsonFile.object(metrics, MetricsJson.SETS_KEY), MetricsJson.SETS)
                .forEach(set -> JsonFile.entries(set.getValue(), MetricsJson.LEARNERS)
                        .forEach(l -> columns.add(new Column(set.getKey(), l.getKey(), JsonFile.object(l.getValue())))));
        StringBuilder html = new StringBuilder("<section id=\"metrics\">\n<h2>Classification performance</h2>\n");
        if (columns.isEmpty()) {
            return html.append("<p>The metrics file holds no evaluated set.</p>\n</section>\n").toString();
        }
        overall(html, columns);
        permutation(html, columns);
        perClass(html, levels, columns);
        repeats(html, columns);
        confusion(html, levels, columns);
        return html.append("</section>\n").toString();
    }

    static List<String> levels(JsonNode metrics) {
        return JsonFile.list(metrics, MetricsJson.LEVELS).stream().map(JsonNode::asText).toList();
    }

    private static void overall(StringBuilder html, List<Column> columns) {
        html.append("<h3>Overall</h3>\n<p>CV metrics pool the held-out predictions of all folds and repeats;"
                + " ZeroR always predicts the majority class of its training data.</p>\n");
        html.append("<table class=\"metrics\">\n<thead><tr><th>metric</th>");
        columns.forEach(c -> html.append("<th>").append(Markup.escape(c.heading())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n<tr><th>predictions scored</th>");
        columns.forEach(c -> html.append("<td>").append(Markup.fixed(JsonFile.number(c.metrics(), "predictions"), 0))
                .append("</td>"));
        html.append("</tr>\n");
        for (String[] m : OVERALL) {
            html.append("<tr><th>").append(m[1]).append("</th>");
            columns.forEach(c -> html.append("<td>")
                    .append(Markup.fixed(JsonFile.number(JsonFile.object(c.metrics(), "overall"), m[0]), 3))
                    .append(interval(c, m[0])).append("</td>"));
            html.append("</tr>\n");
        }
        if (columns.stream().anyMatch(c -> c.metrics().has("folds"))) {
            for (String[] m : FOLD_SPREAD) {
                html.append("<tr><th>").append(m[1]).append("</th>");
                for (Column c : columns) {
                    JsonNode folds = JsonFile.object(c.metrics(), "folds");
                    JsonNode spread = JsonFile.object(folds, m[0]);
                    html.append("<td>").append(folds.isEmpty() ? "" : Markup.fixed(JsonFile.number(spread, "mean"), 3)
                            + " ± " + Markup.fixed(JsonFile.number(spread, "sd"), 3)).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("<tr><th>CV folds</th>");
            columns.forEach(c -> {
                JsonNode folds = JsonFile.object(c.metrics(), "folds");
                html.append("<td>").append(folds.isEmpty() ? "" : Markup.fixed(JsonFile.number(folds, "count"), 0))
                        .append("</td>");
            });
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        intervalNote(html, columns);
        zeroRAucNote(html, columns);
    }

    /**
     * Says why ZeroR's pooled CV AUC is not 0.5, so that it does not look like a bug: within a fold ZeroR
     * gives every sample the same probabilities (its training set's class shares), but the shares change
     * from fold to fold, and pooling the folds ranks samples of different folds apart.
     */
    private static void zeroRAucNote(StringBuilder html, List<Column> columns) {
        boolean shown = columns.stream().anyMatch(c -> "ZeroR".equals(c.learner()) && "cv".equals(c.set())
                && !Double.isNaN(JsonFile.number(JsonFile.object(c.metrics(), "overall"), "auc_weighted")));
        if (shown) {
            html.append("<p class=\"note zeror-auc\">ZeroR's pooled CV AUC need not be 0.500: in each fold it gives every"
                    + " sample the same probabilities, its training set's class shares, but those shares differ from fold to"
                    + " fold, so pooling the folds' predictions ranks samples of different folds apart.</p>\n");
        }
    }

    /** " [low, high]" after a value, or "" when this column has no interval for the metric. */
    private static String interval(Column c, String metric) {
        if (!WITH_INTERVAL.contains(metric)) {
            return "";
        }
        List<JsonNode> bounds = JsonFile.list(JsonFile.object(c.metrics(), "interval"), metric);
        if (bounds.size() != 2) {
            return "";
        }
        return " [" + Markup.fixed(JsonFile.number(bounds.get(0)), 3) + ", "
                + Markup.fixed(JsonFile.number(bounds.get(1)), 3) + "]";
    }

    /**
     * Names how the bracketed intervals were made. Every column of one evaluate run uses the same
     * method, but the note lists each distinct one so a hand-merged file is still described truthfully.
     */
    private static void intervalNote(StringBuilder html, List<Column> columns) {
        Set<String> notes = new LinkedHashSet<>();
        for (Column c : columns) {
            JsonNode ci = JsonFile.object(c.metrics(), "interval");
            if (WITH_INTERVAL.stream().noneMatch(m -> JsonFile.list(ci, m).size() == 2)) {
                continue;
            }
            String method = JsonFile.string(ci, "method");
            double replicates = JsonFile.number(ci, "replicates");
            double level = JsonFile.number(ci, "level");
            notes.add((Double.isNaN(level) ? "" : Markup.fixed(100 * level, 0) + "% ") + "interval"
                    + (method == null ? "" : ", " + Markup.escape(method))
                    + (Double.isNaN(replicates) ? "" : ", " + Markup.fixed(replicates, 0) + " replicates"));
        }
        if (!notes.isEmpty()) {
            html.append("<p class=\"note\">In brackets: ").append(String.join("; ", notes))
                    .append(". The interval reflects which samples happened to be scored, not the variability"
                            + " between training sets, so it is optimistic for small studies.</p>\n");
        }
    }

    /** The label-permutation test, shown for the columns that have one (evaluate runs it on the CV model). */
    private static void permutation(StringBuilder html, List<Column> columns) {
        for (Column c : columns) {
            JsonNode perm = JsonFile.object(c.metrics(), "permutation");
            if (perm.isEmpty()) {
                continue;
            }
            String statistic = JsonFile.string(perm, "statistic");
            String shown = statistic == null ? "score" : statistic.replace('_', ' ');
            html.append("<h3>Permutation test (").append(Markup.escape(c.heading())).append(")</h3>\n")
                    .append("<table class=\"metrics permutation\">\n<tbody>\n")
                    .append("<tr><th>permuted labellings (N)</th><td>")
                    .append(Markup.fixed(JsonFile.number(perm, "count"), 0)).append("</td></tr>\n")
                    .append(statistic == null ? "" : "<tr><th>observed " + Markup.escape(shown) + "</th><td>"
                            + Markup.fixed(JsonFile.number(JsonFile.object(c.metrics(), "overall"), statistic), 3)
                            + "</td></tr>\n")
                    .append("<tr><th>mean permuted ").append(Markup.escape(shown)).append("</th><td>")
                    .append(Markup.fixed(JsonFile.number(perm, "mean"), 3)).append("</td></tr>\n")
                    .append("<tr><th>p</th><td>").append(Markup.pValue(JsonFile.number(perm, "p")))
                    .append("</td></tr>\n</tbody>\n</table>\n")
                    .append("<p class=\"note\">The whole cross-validation was rerun on N random relabellings of the"
                            + " samples; p = (1 + number of permutations scoring at least the observed value) / (N + 1),"
                            + " so it is never below 1 / (N + 1).</p>\n");
        }
    }

    private static void perClass(StringBuilder html, List<String> levels, List<Column> columns) {
        List<Column> model = columns.stream().filter(c -> c.learner().equals("model")).toList();
        if (model.isEmpty() || levels.isEmpty()) {
            return;
        }
        String[] keys = {"support", "precision", "recall", "f1", "auc"};
        html.append("<h3>Per class (model)</h3>\n<table class=\"metrics per-class\">\n<thead><tr><th rowspan=\"2\">class</th>");
        model.forEach(c -> html.append("<th colspan=\"").append(keys.length).append("\">")
                .append(Markup.escape(c.heading())).append("</th>"));
        html.append("</tr>\n<tr>");
        model.forEach(c -> html.append("<th>n</th><th>precision</th><th>recall</th><th>F1</th><th>AUC</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (String level : levels) {
            html.append("<tr><th>").append(Markup.escape(level)).append("</th>");
            for (Column c : model) {
                JsonNode cls = JsonFile.object(JsonFile.object(c.metrics(), "classes"), level);
                for (String k : keys) {
                    html.append("<td>").append(Markup.fixed(JsonFile.number(cls, k), k.equals("support") ? 0 : 3))
                            .append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">NA: precision of a class never predicted, recall or AUC"
                + " of a class absent from the set (as Weka reports them).</p>\n");
    }

    private static void repeats(StringBuilder html, List<Column> columns) {
        for (Column c : columns) {
            List<JsonNode> repeats = JsonFile.list(JsonFile.object(c.metrics(), "folds"), "repeats");
            if (repeats.size() < 2) {
                continue;
            }
            html.append("<h3>Per repeat (").append(Markup.escape(c.heading())).append(")</h3>\n<table class=\"metrics\">\n"
                    + "<thead><tr><th>repeat</th><th>accuracy</th><th>balanced accuracy</th></tr></thead>\n<tbody>\n");
            for (JsonNode o : repeats) {
                JsonNode r = JsonFile.object(o);
                html.append("<tr><td>").append(Markup.fixed(JsonFile.number(r, "repeat"), 0)).append("</td><td>")
                        .append(Markup.fixed(JsonFile.number(r, "accuracy"), 3)).append("</td><td>")
                        .append(Markup.fixed(JsonFile.number(r, "balanced_accuracy"), 3)).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private static void confusion(StringBuilder html, List<String> levels, List<Column> columns) {
        StringBuilder plots = new StringBuilder();
        for (Column c : columns) {
            long[][] counts = matrix(JsonFile.list(c.metrics(), "confusion"), levels.size());
            if (counts != null) {
                plots.append("<figure>\n").append(SvgHeatmap.render(levels, counts, "Confusion matrix, " + c.heading()))
                        .append("</figure>\n");
            }
        }
        if (plots.length() > 0) {
            html.append("<h3>Confusion matrices</h3>\n<p>Rows: true class; columns: predicted class; shading:"
                    + " fraction of the row.</p>\n<div class=\"figures\">\n").append(plots).append("</div>\n");
        }
    }

    /** The k×k matrix, or null when the JSON does not hold one of that shape. */
    private static long[][] matrix(List<JsonNode> rows, int k) {
        if (k == 0 || rows.size() != k) {
            return null;
        }
        long[][] out = new long[k][k];
        for (int t = 0; t < k; t++) {
            JsonNode row = rows.get(t);
            if (!row.isArray() || row.size() != k) {
                return null;
            }
            for (int p = 0; p < k; p++) {
                double v = JsonFile.number(row.get(p));
                if (Double.isNaN(v)) {
                    return null;
                }
                out[t][p] = (long) v;
            }
        }
        return out;
    }
}
