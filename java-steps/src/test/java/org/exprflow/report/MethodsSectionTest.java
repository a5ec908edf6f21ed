package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The methods paragraph is written from the run's own records: the metrics JSON (outer folds, bootstrap,
 * permutations), the final model's description (as inspect gives it: transforms, grid, inner CV, rule),
 * the normalise summary and the provenance; steps the run did not use, and their references, are absent.
 */
@Tag("unit")
class MethodsSectionTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    /** evaluate's metrics: outer folds x repeats, bootstrap replicates, permutations (0: none). */
    private static JsonNode metrics(int folds, int repeats, int replicates, int permutations) throws Exception {
        StringBuilder rep = new StringBuilder();
        for (int r = 1; r <= repeats; r++) {
            rep.append(r > 1 ? ", " : "").append("{\"repeat\": ").append(r).append("}");
        }
        return json("{\"cv_scheme\": {\"kind\": \"stratified\"}, \"sets\": {\"cv\": {\"model\": {"
                + "\"overall\": {\"balanced_accuracy\": 0.9},"
                + "\"folds\": {\"count\": " + folds * repeats + ", \"repeats\": [" + rep + "]}"
                + (replicates > 0 ? ", \"interval\": {\"level\": 0.95, \"replicates\": " + replicates
                        + ", \"balanced_accuracy\": [0.8, 1]}" : "")
                + (permutations > 0 ? ", \"permutation\": {\"count\": " + permutations + ", \"p\": 0.01}" : "")
                + "}}}}");
    }

    /** A final model's description as inspect writes it: a 2 x 2 grid, or a single candidate. */
    private static JsonNode model(boolean grid, String transform) throws Exception {
        String scores = grid ? """
                [{"candidate": "weka.classifiers.functions.SMO -M | top-k 20", "chosen": true},
                 {"candidate": "weka.classifiers.functions.SMO -M | top-k 200", "chosen": false},
                 {"candidate": "weka.classifiers.bayes.NaiveBayes | top-k 20", "chosen": false},
                 {"candidate": "weka.classifiers.bayes.NaiveBayes | top-k 200", "chosen": false}]""" : "[]";
        return json("""
                {"versions": {"exprflow": "0.1.0", "weka": "3.8.6", "java": "17.0.15"},
                 "training_data": {"samples": 38, "features": 7129},
                 "chosen_configuration": {"learner": "weka.classifiers.functions.SMO -C 1.0 -M", "candidate": "weka.classifiers.functions.SMO -M",
                   "top_k": 20, "candidates": %d, %s "imbalance": "none", "calibration": "none", "seed": 7},
                 "inner_cv_scores": %s,
                 "transforms": [{"name": "%s", "fitted": "..."}]}""".formatted(grid ? 4 : 1,
                grid ? "\"search\": \"grid\", \"selection_rule\": \"one_se\", \"inner_folds\": 3, \"inner_repeats\": 3," : "",
                scores, transform));
    }

    private static final String NORMALISE = """
            {"dataset": "golub", "samples": 38, "features": 7129, "floor": 100, "ceiling": 16000, "log2_mode": "always",
             "values_floored": 31546, "values_ceilinged": 12, "values_made_na": 0, "log2": "applied"}""";

    @Test
    void nestedCvWithAGridCitesWhatItUses() throws Exception {
        String html = MethodsSection.render(metrics(5, 2, 2000, 200), model(true, "quantile"), List.of(json(NORMALISE)),
                json("{\"pipeline_version\": \"0.1.0\", \"nextflow_version\": \"24.10.0\", \"software\": {\"weka\": [\"3.8.6\"]}}"));
        for (String expected : List.of(
                "in golub (38 samples × 7129 features): values below 100 were raised to it (31,546 values); values above 16000"
                        + " were lowered to it (12 values); values were log2-transformed.",
                "quantile normalisation to the training samples' mean quantiles (Bolstad et al. 2003)",
                "ranked by the one-way ANOVA F statistic on the same training samples and the top k kept (k ∈ {20, 200})",
                "nested cross-validation (Varma and Simon 2006) with an outer stratified 5-fold cross-validation repeated 2 times.",
                "4 candidate configurations (learners {weka.classifiers.functions.SMO -M; weka.classifiers.bayes.NaiveBayes} × k ∈ {20, 200})",
                "an inner 3-fold cross-validation repeated 3 times on that set's samples only",
                "one-standard-error rule (Hastie, Tibshirani and Friedman 2009)",
                "Weka 3.8.6 (Hall et al. 2009), run by exprflow 0.1.0 under Nextflow 24.10.0.",
                "all 38 training samples: weka.classifiers.functions.SMO -M with k = 20; random seed 7.",
                "95% percentile bootstrap intervals (Efron and Tibshirani 1993) over the pooled held-out predictions, 2000 replicates.",
                "on 200 random permutations of the class labels",
                "(Ojala and Garriga 2010)")) {
            assertTrue(html.contains(expected), expected + "\n" + html);
        }
        assertEquals(6, ReportHtml.count(html, "<li>"), html);
        assertTrue(html.contains("<li>Bolstad BM"), html);
    }

    @Test
    void aSingleCandidateWithoutPermutationsOrBootstrapCitesNeitherNestedCvNorTheirReferences() throws Exception {
        String html = MethodsSection.render(metrics(10, 1, 0, 0), model(false, "standardise"), List.of(), null);
        assertTrue(html.contains("Performance was estimated by stratified 10-fold cross-validation."), html);
        assertTrue(html.contains("A single configuration, weka.classifiers.functions.SMO -M with k = 20, was fitted on each"
                + " training set, so no inner selection took place."), html);
        assertTrue(html.contains("each sample standardised to mean 0 and standard deviation 1"), html);
        assertTrue(html.contains("No permutation test was run."), html);
        for (String absent : List.of("Varma", "Hastie", "Efron", "Ojala", "Bolstad", "bootstrap", "Per value")) {
            assertFalse(html.contains(absent), absent + "\n" + html);
        }
        assertEquals(1, ReportHtml.count(html, "<li>"), html); // Weka only
    }

    @Test
    void theTextFollowsTheRunsParameters() throws Exception {
        String three = MethodsSection.render(metrics(3, 1, 500, 4), model(true, "zscore"), List.of(), null);
        String five = MethodsSection.render(metrics(5, 3, 500, 4), model(true, "zscore"), List.of(), null);
        assertTrue(three.contains("outer stratified 3-fold cross-validation."), three);
        assertTrue(five.contains("outer stratified 5-fold cross-validation repeated 3 times."), five);
        assertTrue(three.contains("500 replicates") && three.contains("on 4 random permutations"), three);
    }

    @Test
    void permutationsOnTheFirstRepeatSayWhichStatisticTheyTest() throws Exception {
        JsonNode m = json(metrics(5, 5, 500, 100).toString().replace("\"p\":0.01", "\"p\":0.0099,\"repeats\":1,\"observed\":0.92"));
        String html = MethodsSection.render(m, model(true, "standardise"), List.of(), null);
        assertTrue(html.contains("rerunning the whole procedure on the first outer repeat for each of 100 random permutations"
                + " of the class labels, p = (1 + number of permutations scoring at least the observed balanced accuracy of the"
                + " same repeat, 0.920) / (N + 1)"), html);
    }
}
