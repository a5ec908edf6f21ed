package org.exprflow.report;

import static org.exprflow.stepfile.MetricsJson.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;

/**
 * The model-comparison table, from the "model_comparison" object that {@code exprflow evaluate
 * --candidate-scores} adds to the metrics JSON: for the nested procedure against ZeroR and for every
 * pair of grid candidates, the mean difference in held-out balanced accuracy over the outer folds,
 * its 95% interval and the p-value of Nadeau and Bengio's corrected resampled t-test. The numbers are
 * rounded for reading; the metrics files carry them in full.
 */
final class ModelComparisonSection {
    private ModelComparisonSection() {
    }

    static boolean present(JsonNode metrics) {
        return !JsonFile.list(JsonFile.object(metrics, MODEL_COMPARISON), COMPARISONS).isEmpty();
    }

    static String render(JsonNode metrics) {
        JsonNode comparison = JsonFile.object(metrics, MODEL_COMPARISON);
        Map<String, String> names = new HashMap<>();
        for (JsonNode s : JsonFile.list(comparison, SCHEMES)) {
            String scheme = JsonFile.string(s, SCHEME);
            String learner = JsonFile.string(s, LEARNER);
            if (scheme != null && learner != null && scheme.startsWith("candidate")) {
                names.put(scheme, ModelSelectionSection.shortLearner(learner) + " | k " + JsonFile.string(s, TOP_K));
            }
        }
        names.put("model", "nested CV (chosen per fold)");
        StringBuilder html = new StringBuilder("<section id=\"model-comparison\">\n<h2>Model comparison</h2>\n")
                .append("<table class=\"metrics model-comparison\">\n<thead><tr><th>A</th><th>B</th><th>folds</th>"
                        + "<th>A balanced accuracy</th><th>B balanced accuracy</th><th>difference A − B</th><th>95% interval</th>"
                        + "<th>corrected SE</th><th>t</th><th>p</th></tr></thead>\n<tbody>\n");
        for (JsonNode c : JsonFile.list(comparison, COMPARISONS)) {
            List<JsonNode> ci = JsonFile.list(c, CI);
            double low = ci.size() == 2 ? JsonFile.number(ci.get(0)) : Double.NaN;
            double high = ci.size() == 2 ? JsonFile.number(ci.get(1)) : Double.NaN;
            html.append("<tr><td class=\"learner\">").append(Markup.escape(name(names, JsonFile.string(c, A))))
                    .append("</td><td class=\"learner\">").append(Markup.escape(name(names, JsonFile.string(c, B))))
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(c, FOLDS), 0))
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(c, MEAN_A), 3))
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(c, MEAN_B), 3))
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(c, MEAN_DIFFERENCE), 3))
                    .append("</td><td>").append(Markup.fixed(low, 3)).append(" to ").append(Markup.fixed(high, 3))
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(c, SE), 3))
                    .append("</td><td>").append(Markup.fixed(JsonFile.number(c, T), 2))
                    .append("</td><td>").append(Markup.pValue(JsonFile.number(c, P)))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n<p class=\"note\">Mean held-out balanced accuracy over the outer folds"
                + " (all repeats), each scheme fitted on the same training samples of each fold. Corrected resampled"
                + " t-test (Nadeau and Bengio 2003, as Weka's Experimenter): the variance of the per-fold differences is"
                + " multiplied by (1/folds + held-out/training size), because the folds' training sets overlap; p is"
                + " two-sided. Many pairs are tested: read single p-values with care.</p>\n</section>\n").toString();
    }

    private static String name(Map<String, String> names, String scheme) {
        if (scheme == null) {
            return "NA";
        }
        String n = names.get(scheme);
        return n == null ? scheme : scheme.startsWith("candidate") ? scheme.substring("candidate".length()) + ": " + n : n;
    }
}
