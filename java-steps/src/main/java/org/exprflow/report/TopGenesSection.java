package org.exprflow.report;

import static org.exprflow.stepfile.MetricsJson.*;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.exprflow.plot.Markup;

/**
 * The top-genes section of the report, from the "top_genes" object that {@code exprflow evaluate
 * --output-genes} adds to the metrics JSON: the first 50 rows of {@code metrics/<id>.genes.tsv}
 * (features the outer folds' models selected, most often selected first, then by mean rank), with the
 * gene symbol, the class means on the folds' training samples and the direction of change. The
 * numbers are rounded for reading; the TSV keeps full precision.
 */
final class TopGenesSection {
    private TopGenesSection() {
    }

    static boolean present(JsonNode metrics) {
        return !JsonFile.list(JsonFile.object(metrics, TOP_GENES), GENES).isEmpty();
    }

    static String render(JsonNode metrics) {
        JsonNode top = JsonFile.object(metrics, TOP_GENES);
        List<JsonNode> genes = JsonFile.list(top, GENES);
        int folds = (int) JsonFile.number(top, FOLDS);
        int total = (int) JsonFile.number(top, GENES_TOTAL);
        List<String> classes = JsonFile.object(genes.get(0)).path(CLASS_MEANS).isObject()
                ? JsonFile.entries(JsonFile.object(genes.get(0), CLASS_MEANS), List.of()).stream().map(Map.Entry::getKey).toList()
                : List.of();
        List<String> levels = MetricsSection.levels(metrics);
        if (!levels.isEmpty() && levels.containsAll(classes)) {
            classes = levels; // the classes in level order, not the JSON's sorted keys
        }
        StringBuilder html = new StringBuilder("<section id=\"top-genes\">\n<h2>Top genes</h2>\n");
        html.append("<p>The ").append(genes.size()).append(" genes most often selected by the ").append(folds)
                .append(" outer-fold models (then by mean rank; ").append(total)
                .append(" genes were selected at least once: <code>metrics/&lt;id&gt;.genes.tsv</code>). Class means and"
                        + " the difference are on each fold's training samples, on the values the model was given (log2"
                        + " by default), averaged over the folds that selected the gene.</p>\n");
        html.append("<table class=\"metrics top-genes\">\n<thead><tr><th>#</th><th>symbol</th><th>feature</th>"
                + "<th>folds</th><th>mean rank</th>");
        for (String c : classes) {
            html.append("<th>mean ").append(Markup.escape(c)).append("</th>");
        }
        html.append("<th>difference</th><th>contrast</th><th>importance</th></tr></thead>\n<tbody>\n");
        int i = 0;
        for (JsonNode o : genes) {
            JsonNode g = JsonFile.object(o);
            String symbol = JsonFile.string(g, SYMBOL);
            html.append("<tr><td>").append(++i).append("</td><td>")
                    .append(symbol == null ? "" : "<strong>" + Markup.escape(symbol) + "</strong>")
                    .append("</td><td>").append(Markup.escape(JsonFile.string(g, FEATURE)))
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(g, FOLDS), 0)).append("/").append(folds)
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(g, MEAN_RANK), 1)).append("</td>");
            JsonNode means = JsonFile.object(g, CLASS_MEANS);
            for (String c : classes) {
                html.append("<td>").append(Markup.fixed(JsonFile.number(means, c), 2)).append("</td>");
            }
            double d = JsonFile.number(g, DIFFERENCE);
            html.append("<td>").append(d > 0 ? "+" : "").append(Markup.fixed(d, 2)).append("</td><td>")
                    .append(Markup.escape(JsonFile.string(g, CONTRAST))).append("</td><td>")
                    .append(Markup.fixed(JsonFile.number(g, IMPORTANCE), 3)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">contrast: for two classes the second minus the first; for"
                + " more, the class with the highest mean minus the mean of the other classes' means. A positive"
                + " difference means higher in the first class named. importance: permutation importance, the drop in"
                + " balanced accuracy on each fold's held-out samples when the gene's values are shuffled among them (5"
                + " shuffles, seeded by --seed), averaged over the folds that selected it. Symbols come from the input's annotation (an empty"
                + " cell: the probe has none there; see --feature_annotation).</p>\n");
        return html.append("</section>\n").toString();
    }
}
