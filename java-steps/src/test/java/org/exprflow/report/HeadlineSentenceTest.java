package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The sentence that opens a classification report. */
@Tag("unit")
class HeadlineSentenceTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static final String CV = """
            "cv": {"model": {"overall": {"balanced_accuracy": 0.94444444444},
                             "interval": {"balanced_accuracy": [0.88, 1.0]}%s},
                   "ZeroR": {"overall": {"balanced_accuracy": 0.5}}}""";

    @Test
    void statesModelIntervalZeroRAndPermutationTest() throws Exception {
        JsonNode m = json("{\"sets\": {" + CV.formatted(", \"permutation\": {\"count\": 200, \"p\": 0.004975124378}") + "}}");
        assertEquals("Cross-validated balanced accuracy 0.944 [0.880, 1.000] against 0.500 for ZeroR, permutation p = 0.005 (N = 200).",
                HeadlineSentence.text(m));
        assertEquals("<p class=\"headline\" id=\"headline\">" + HeadlineSentence.text(m) + "</p>\n", HeadlineSentence.render(m));
    }

    @Test
    void permutationsOnFewerRepeatsSaySo() throws Exception {
        JsonNode one = json("{\"sets\": {" + CV.formatted(", \"permutation\": {\"count\": 100, \"p\": 0.0099, \"repeats\": 1}") + "}}");
        assertEquals("Cross-validated balanced accuracy 0.944 [0.880, 1.000] against 0.500 for ZeroR, permutation p = 0.010"
                + " (N = 100, on the first outer repeat).", HeadlineSentence.text(one));
        JsonNode two = json("{\"sets\": {" + CV.formatted(", \"permutation\": {\"count\": 100, \"p\": 0.0099, \"repeats\": 2}") + "}}");
        assertEquals("Cross-validated balanced accuracy 0.944 [0.880, 1.000] against 0.500 for ZeroR, permutation p = 0.010"
                + " (N = 100, on the first 2 outer repeats).", HeadlineSentence.text(two));
    }

    @Test
    void saysWhenNoPermutationTestRanAndAddsTheIndependentTest() throws Exception {
        JsonNode m = json("{\"sets\": {" + CV.formatted("") + ", \"test\": {\"model\": {\"overall\": {\"balanced_accuracy\": 0.964},"
                + " \"interval\": {\"balanced_accuracy\": [0.885, 1]}}}}}");
        assertEquals("Cross-validated balanced accuracy 0.944 [0.880, 1.000] against 0.500 for ZeroR, no permutation test;"
                + " independent test 0.964 [0.885, 1.000].", HeadlineSentence.text(m));
    }

    @Test
    void aTestSetAloneIsStatedAsSuch() throws Exception {
        JsonNode m = json("{\"sets\": {\"test\": {\"model\": {\"overall\": {\"balanced_accuracy\": 0.75}}}}}");
        assertEquals("Test balanced accuracy 0.750.", HeadlineSentence.text(m));
    }

    @Test
    void nothingWithoutAModelScore() throws Exception {
        assertFalse(HeadlineSentence.present(json("{\"sets\": {}}")));
        assertFalse(HeadlineSentence.present(null));
        assertEquals("", HeadlineSentence.render(json("{}")));
    }
}
