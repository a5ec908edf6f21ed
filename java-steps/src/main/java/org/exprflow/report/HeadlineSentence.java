package org.exprflow.report;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;
import org.exprflow.stepfile.MetricsJson;

/**
 * The sentence that opens a classification report, from the metrics JSON of {@code exprflow
 * evaluate}: e.g. "Cross-validated balanced accuracy 0.944 [0.880, 1.000] against 0.500 for ZeroR,
 * permutation p = 0.048 (N = 20); independent test 0.964 [0.885, 1.000]." It says "no permutation
 * test" when none ran, so the absence of a p-value is never mistaken for an omission. The console's
 * end-of-run line (lib/RunSummary.groovy) says the same from the same keys, with two decimals.
 */
final class HeadlineSentence {
    private HeadlineSentence() {
    }

    /** Whether the metrics have a model's balanced accuracy to state. */
    static boolean present(JsonNode metrics) {
        return metrics != null && !Double.isNaN(balancedAccuracy(model(metrics, firstSet(metrics))));
    }

    /** The paragraph, or "" when {@link #present} is false. */
    static String render(JsonNode metrics) {
        return present(metrics) ? "<p class=\"headline\" id=\"headline\">" + text(metrics) + "</p>\n" : "";
    }

    /** The sentence as HTML-safe text. */
    static String text(JsonNode metrics) {
        String set = firstSet(metrics);
        JsonNode model = model(metrics, set);
        StringBuilder s = new StringBuilder("cv".equals(set) ? "Cross-validated" : "Test")
                .append(" balanced accuracy ").append(ReadableNumbers.score(balancedAccuracy(model)))
                .append(interval(model));
        double zeroR = balancedAccuracy(learner(metrics, set, "ZeroR"));
        if (!Double.isNaN(zeroR)) {
            s.append(" against ").append(ReadableNumbers.score(zeroR)).append(" for ZeroR");
        }
        JsonNode permutation = JsonFile.object(model, MetricsJson.PERMUTATION);
        double count = JsonFile.number(permutation, MetricsJson.COUNT);
        if ("cv".equals(set)) {
            s.append(Double.isNaN(count) || count == 0 ? ", no permutation test"
                    : ", permutation p = " + ReadableNumbers.pValue(JsonFile.number(permutation, MetricsJson.P))
                            + " (N = " + ReadableNumbers.count(count) + repeatsTested(permutation) + ")");
        }
        JsonNode test = model(metrics, "test");
        if ("cv".equals(set) && !Double.isNaN(balancedAccuracy(test))) {
            s.append("; independent test ").append(ReadableNumbers.score(balancedAccuracy(test))).append(interval(test));
        }
        return Markup.escape(s.append('.').toString());
    }

    /** ", on the first outer repeat" when the permutations reran fewer repeats than the CV; else nothing. */
    static String repeatsTested(JsonNode permutation) {
        double repeats = JsonFile.number(permutation, MetricsJson.PERMUTATION_REPEATS);
        if (Double.isNaN(repeats) || repeats < 1) {
            return "";
        }
        return repeats == 1 ? ", on the first outer repeat" : ", on the first " + ReadableNumbers.count(repeats) + " outer repeats";
    }

    private static String firstSet(JsonNode metrics) {
        JsonNode sets = JsonFile.object(metrics, MetricsJson.SETS_KEY);
        return MetricsJson.SETS.stream().filter(sets::has).findFirst().orElse("cv");
    }

    private static JsonNode model(JsonNode metrics, String set) {
        return learner(metrics, set, "model");
    }

    private static JsonNode learner(JsonNode metrics, String set, String learner) {
        return JsonFile.object(JsonFile.object(JsonFile.object(metrics, MetricsJson.SETS_KEY), set), learner);
    }

    private static double balancedAccuracy(JsonNode learner) {
        return JsonFile.number(JsonFile.object(learner, MetricsJson.OVERALL), MetricsJson.BALANCED_ACCURACY);
    }

    /** " [low, high]" (95% bootstrap) or "". */
    private static String interval(JsonNode learner) {
        var bounds = JsonFile.list(JsonFile.object(learner, MetricsJson.INTERVAL), MetricsJson.BALANCED_ACCURACY);
        return bounds.size() == 2
                ? " " + ReadableNumbers.interval(JsonFile.number(bounds.get(0)), JsonFile.number(bounds.get(1))) : "";
    }
}
