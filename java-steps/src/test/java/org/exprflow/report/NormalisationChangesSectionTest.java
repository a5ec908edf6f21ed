package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exprflow.report.NormalisationChangesSection.Change;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** "What normalisation changed", from normalise's summary JSON (keys as NormaliseCommand writes them). */
@Tag("unit")
class NormalisationChangesSectionTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void floorCeilingAndLog2AreEachStatedWithTheirCounts() throws Exception {
        JsonNode s = json("""
                {"dataset": "golub", "samples": 38, "features": 7129, "floor": 20, "ceiling": 16000, "log2_mode": "always",
                 "values_floored": 31546, "values_ceilinged": 1, "values_made_na": 0, "log2": "applied"}""");
        assertEquals(List.of(new Change("floor 20: 31,546 values raised to it", false),
                new Change("ceiling 16000: 1 value lowered to it", false),
                new Change("log2 (always): applied", false)), NormalisationChangesSection.changes(s));
    }

    @Test
    void aRefusedLogIsAWarningWithTheNumberOfValuesAtOrBelowZero() throws Exception {
        JsonNode s = json("""
                {"dataset": "srbct", "samples": 83, "features": 2308, "log2_mode": "auto", "values_floored": 0,
                 "values_ceilinged": 0, "values_made_na": 0, "values_non_positive_log2_refused": 154390,
                 "log2": "not applied: 154390 values <= 0 would have become NA"}""");
        List<Change> changes = NormalisationChangesSection.changes(s);
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(new Change("log2 (auto): not applied: 154,390 values <= 0 would have become NA (give a positive --floor"
                + " with --log2 always to take the log)", true), changes.get(0));
        String html = NormalisationChangesSection.render(List.of(s));
        assertTrue(html.contains("<section id=\"normalisation\">\n<h2>What normalisation changed</h2>"), html);
        assertTrue(html.contains("<strong>srbct</strong> (83 samples × 2308 features)"), html);
        assertTrue(html.contains("<li class=\"warn\">log2 (auto): not applied: 154,390 values &lt;= 0"), html);
    }

    @Test
    void valuesMadeNaAreAWarningAndCountsSayNothingChanged() throws Exception {
        JsonNode na = json("""
                {"dataset": "d", "samples": 2, "features": 3, "log2_mode": "always", "values_floored": 0,
                 "values_ceilinged": 0, "values_made_na": 12, "values_non_positive_log2_refused": 0, "log2": "applied"}""");
        assertEquals(List.of(new Change("log2 (always): applied", false), new Change("12 values <= 0 made NA by log2", true)),
                NormalisationChangesSection.changes(na));
        JsonNode counts = json("{\"dataset\": \"c\", \"samples\": 2, \"features\": 3, \"log2\": \"skipped: counts\"}");
        assertEquals(1, NormalisationChangesSection.changes(counts).size());
        assertTrue(NormalisationChangesSection.changes(counts).get(0).text().startsWith("values are counts"));
    }
}
