package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exprflow.stepfile.DgexSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 14: the peaks (regression) and landmark reports open with whether the model beats its baseline, and by how much. */
@Tag("unit")
class BaselineHeadlineTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static String set(String name, double mae, double r, double meanMae, String meanR) {
        return "\"" + name + "\": {\"model\": {\"overall\": {\"mae\": " + mae + ", \"pearson\": " + r + "}},"
                + " \"mean\": {\"overall\": {\"mae\": " + meanMae + ", \"pearson\": " + meanR + "}}}";
    }

    @Test
    void regressionOpensWithTheTestSetAgainstTheTrainingMean() throws Exception {
        JsonNode m = json("{\"sets\": {" + set("cv", 0.6, 0.5, 0.7, "0.3") + ", " + set("test", 0.52, 0.62, 0.75, "0.41") + "}}");
        assertEquals("Test (held-out partition): the model <strong>beats</strong> the training-mean baseline: MAE 0.520 against"
                + " 0.750 (30.7% lower); Pearson r 0.620 against 0.410 (+0.210).", RegressionSection.headline(m));
    }

    @Test
    void regressionSaysSoWhenTheModelDoesNotBeatTheBaselineAndWhenTheBaselineHasNoR() throws Exception {
        JsonNode m = json("{\"sets\": {" + set("cv", 0.8, 0.1, 0.7, "null") + "}}");
        assertEquals("CV (held-out folds): the model <strong>does not beat</strong> the training-mean baseline: MAE 0.800 against"
                + " 0.700 (14.3% higher); Pearson r 0.100 (the baseline's is undefined: it predicts one value).",
                RegressionSection.headline(m));
        assertNull(RegressionSection.headline(json("{\"sets\": {}}")));
    }

    private static DgexSummary.Line line(String set, String learner, double mae, int better) {
        return new DgexSummary.Line(set, DgexSummary.ALL, learner, 40, mae, 0.1, mae * 1.2, 0.5, Double.NaN, better);
    }

    @Test
    void landmarkOpensWithTheBestLearnerAgainstTheBaselineAndTheTrainingMean() {
        DgexSummary s = new DgexSummary("linear", List.of(
                line("test", "linear", 0.75, 0), line("test", "mean", 0.98, 2), line("test", "ridge:100", 0.52, 35),
                line("test", "knn", 0.6, 30), line("validation", "ridge:100", 0.1, 40), line("validation", "linear", 0.2, 0)));
        String h = LandmarkSection.headline(new LandmarkSection.Results(s, null));
        assertEquals("Test samples, 40 targets: <code>ridge:100</code> <strong>beats</strong> the baseline <code>linear</code>:"
                + " mean MAE 0.520 against 0.750 (30.7% lower), better on 35 of 40 targets; the training mean's MAE is 0.980.", h);
    }

    @Test
    void landmarkSaysSoWhenNoLearnerBeatsTheBaseline() {
        DgexSummary s = new DgexSummary("linear", List.of(line("test", "linear", 0.5, 0), line("test", "knn", 0.55, 12)));
        String h = LandmarkSection.headline(new LandmarkSection.Results(s, null));
        assertTrue(h.startsWith("Test samples, 40 targets: <code>knn</code> <strong>does not beat</strong> the baseline"
                + " <code>linear</code>: mean MAE 0.550 against 0.500 (10.0% higher), better on 12 of 40 targets"), h);
    }
}
