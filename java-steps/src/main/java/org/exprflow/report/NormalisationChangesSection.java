package org.exprflow.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;

/**
 * "What normalisation changed": for every dataset the per-value step normalised (training, and an
 * independent test set), what {@code normalise --output-summary} recorded: values raised to the
 * floor, lowered to the ceiling, made NA under log2, and whether log2 was applied, with the reason
 * when it was not (e.g. "log2 (auto): not applied: 154,390 values <= 0 would have become NA"). The
 * console's end-of-run summary (lib/RunSummary.groovy) prints the same file.
 */
final class NormalisationChangesSection {
    private NormalisationChangesSection() {
    }

    static boolean present(List<JsonNode> summaries) {
        return summaries != null && !summaries.isEmpty();
    }

    static String render(List<JsonNode> summaries) {
        StringBuilder html = new StringBuilder("<section id=\"normalisation\">\n<h2>What normalisation changed</h2>\n"
                + "<p>The per-value step (floor, ceiling, log2) looks at one value at a time, before the split. "
                + "Quantile normalisation, z-scores and the other cross-sample transforms are fitted inside each "
                + "training fold instead (see Methods).</p>\n");
        for (JsonNode s : summaries) {
            html.append("<p><strong>").append(Markup.escape(JsonFile.string(s, "dataset"))).append("</strong> (")
                    .append(ReadableNumbers.count(JsonFile.number(s, "samples"))).append(" samples × ")
                    .append(ReadableNumbers.count(JsonFile.number(s, "features"))).append(" features)</p>\n<ul class=\"changes\">\n");
            for (Change c : changes(s)) {
                html.append("<li").append(c.warning() ? " class=\"warn\"" : "").append(">")
                        .append(Markup.escape(c.text())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("</section>\n").toString();
    }

    /** One line of the list; a warning when values became NA or the log was refused. */
    record Change(String text, boolean warning) {
    }

    /** The lines for one summary, in the step's order: floor, ceiling, log2, NA. */
    static List<Change> changes(JsonNode s) {
        List<Change> out = new ArrayList<>();
        String log2 = JsonFile.string(s, "log2");
        if (log2 != null && log2.startsWith("skipped")) {
            out.add(new Change("values are counts: the per-value stage was skipped (count normalisation runs inside"
                    + " the model), nothing changed", false));
            return out;
        }
        double floor = JsonFile.number(s, "floor");
        double floored = JsonFile.number(s, "values_floored");
        if (!Double.isNaN(floor)) {
            out.add(new Change("floor " + ReadableNumbers.quantity(floor) + ": " + values(floored) + " raised to it", false));
        } else if (floored > 0) {
            out.add(new Change(values(floored) + " raised to the floor", false));
        }
        double ceiling = JsonFile.number(s, "ceiling");
        double ceilinged = JsonFile.number(s, "values_ceilinged");
        if (!Double.isNaN(ceiling)) {
            out.add(new Change("ceiling " + ReadableNumbers.quantity(ceiling) + ": " + values(ceilinged) + " lowered to it", false));
        } else if (ceilinged > 0) {
            out.add(new Change(values(ceilinged) + " lowered to the ceiling", false));
        }
        String mode = JsonFile.string(s, "log2_mode");
        double refused = JsonFile.number(s, "values_non_positive_log2_refused");
        String outcome = log2 == null ? "not recorded"
                : refused > 0 && log2.startsWith("not applied:") ? "not applied: " + values(refused)
                        + " <= 0 would have become NA (give a positive --floor with --log2 always to take the log)"
                : log2;
        out.add(new Change("log2" + (mode == null ? "" : " (" + mode + ")") + ": " + outcome, log2 != null && log2.startsWith("not applied:")));
        double madeNa = JsonFile.number(s, "values_made_na");
        if (madeNa > 0) {
            out.add(new Change(values(madeNa) + " <= 0 made NA by log2", true));
        }
        return out;
    }

    private static String values(double n) {
        return ReadableNumbers.count(n) + (n == 1 ? " value" : " values");
    }
}
