package org.exprflow.report;

import static org.exprflow.stepfile.MetricsJson.*;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.exprflow.plot.Markup;

/**
 * The model-selection section of the report, from the "model_selection" object that
 * {@code exprflow evaluate --fold-models} adds to the metrics JSON: which configuration the inner
 * cross-validation chose in each outer fold, and how stable the selected genes are across folds
 * (mean pairwise Jaccard index). A model that picks different learners or gene sets in every fold is
 * a warning sign that the CV estimate describes a procedure rather than one model.
 */
final class ModelSelectionSection {
    private ModelSelectionSection() {
    }

    /** True when the metrics JSON has something for this section to show. */
    static boolean present(JsonNode metrics) {
        return JsonFile.object(metrics, MODEL_SELECTION).size() > 0;
    }

    static String render(JsonNode metrics) {
        JsonNode selection = JsonFile.object(metrics, MODEL_SELECTION);
        StringBuilder html = new StringBuilder("<section id=\"model-selection\">\n<h2>Model selection</h2>\n");
        if (selection.has(MEAN_PAIRWISE_JACCARD)) {
            double jaccard = JsonFile.number(selection, MEAN_PAIRWISE_JACCARD);
            html.append("<p>Mean pairwise Jaccard index of the genes selected in the outer folds: <strong>")
                    .append(Markup.fixed(jaccard, 3)).append("</strong> (1: every fold selected the same genes, 0: no"
                            + " gene in common; NA with fewer than two folds).</p>\n");
        }
        List<JsonNode> folds = JsonFile.list(selection, FOLDS);
        if (!folds.isEmpty()) {
            html.append("<table class=\"metrics model-selection\">\n<thead><tr><th>repeat</th><th>fold</th>"
                    + "<th>chosen learner</th><th>k</th><th>features</th></tr></thead>\n<tbody>\n");
            for (JsonNode o : folds) {
                JsonNode f = JsonFile.object(o);
                html.append("<tr><td>").append(Markup.fixed(JsonFile.number(f, REPEAT), 0))
                        .append("</td><td>").append(Markup.fixed(JsonFile.number(f, FOLD), 0))
                        .append("</td><td class=\"learner\">").append(Markup.escape(shortLearner(JsonFile.string(f, LEARNER))))
                        .append("</td><td>").append(Markup.escape(text(f.path(TOP_K))))
                        .append("</td><td>").append(Markup.fixed(JsonFile.number(f, FEATURES), 0))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n<p class=\"note\">k: the number of top-ranked genes the inner"
                    + " cross-validation chose; features: the genes the fold's model uses.</p>\n");
        }
        return html.append("</section>\n").toString();
    }

    /**
     * "weka.classifiers.functions.SMO -C 1.0" becomes "SMO -C 1.0": the package says nothing a reader
     * needs and makes the table too wide. Only the leading class name is shortened; options (which may
     * name nested classes, such as a kernel) are kept as written.
     */
    static String shortLearner(String spec) {
        if (spec == null) {
            return "NA";
        }
        String s = spec.strip();
        int end = s.indexOf(' ');
        String className = end < 0 ? s : s.substring(0, end);
        return className.substring(className.lastIndexOf('.') + 1) + (end < 0 ? "" : s.substring(end));
    }

    /** top_k is written as text by the model step; a number is accepted too, for hand-made files. */
    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        return Markup.fixed(JsonFile.number(value), 0);
    }
}
