package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.exprflow.io.JsonInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The QC intensity box plot draws linear values and counts on a log2 axis (so MAS5 intensities up to
 * 30,000 do not squash every box into a line), log-scaled values as they are.
 */
@Tag("unit")
class QcIntensityAxisTest {
    private static String section(String scale, String q1, String q2) {
        try {
            return render(scale, q1, q2);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String render(String scale, String q1, String q2) throws com.fasterxml.jackson.core.JsonProcessingException {
        String json = "{\"exprflow_kind\": \"qc\", \"exprflow_format\": 1, \"dataset\": \"d\"" + scale + ", \"samples\": ["
                + "{\"id\": \"A\", \"missing_fraction\": 0, \"quantiles\": " + q1 + ", \"mean\": 1, \"mean_correlation\": 0.9, \"outlier\": false},"
                + "{\"id\": \"B\", \"missing_fraction\": 0, \"quantiles\": " + q2 + ", \"mean\": 1, \"mean_correlation\": 0.9, \"outlier\": false}],"
                + " \"checks\": []}";
        return QcSection.render(QcSummary.of(JsonInput.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void linearValuesAreDrawnAsLog2() {
        String html = section(", \"scale\": \"linear\"", "[16, 64, 256, 1024, 32768]", "[32, 128, 512, 2048, 16384]");
        assertTrue(html.contains(">log2(value)</text>"), html);
        assertTrue(html.contains("A: min 4.000, q25 6.000, median 8.000, q75 10.000, max 15.000"), "quantiles on the log2 axis");
        assertTrue(html.contains("drawn as log2(value)"));
    }

    @Test
    void quantilesAtOrBelowZeroSitAtTheBottom() {
        String html = section(", \"scale\": \"linear\"", "[-2000, 64, 256, 1024, 32768]", "[0, 128, 512, 2048, 16384]");
        // the lowest positive quantile is 64 (log2 6): the bottom is 5
        assertTrue(html.contains("A: min 5.000, q25 6.000"), html);
        assertTrue(html.contains("quantiles at or below 0, which have no log, are drawn at the bottom of the axis"));
    }

    @Test
    void countsAsLog2CountPlusOne() {
        String html = section(", \"scale\": \"counts\"", "[0, 1, 3, 7, 1023]", "[0, 0, 1, 15, 255]");
        assertTrue(html.contains(">log2(count + 1)</text>"));
        assertTrue(html.contains("A: min 0.000, q25 1.000, median 2.000, q75 3.000, max 10.000"), html);
    }

    @Test
    void logValuesAsTheyAreAndOldFilesByTheirQuartiles() {
        String log = section(", \"scale\": \"log\"", "[2, 5, 7, 9, 14]", "[3, 6, 8, 10, 15]");
        assertTrue(log.contains(">value</text>") && log.contains("A: min 2.000, q25 5.000"));
        // a file from before "scale": linear when some sample's upper quartile is above 100
        assertTrue(section("", "[16, 64, 256, 1024, 32768]", "[2, 5, 7, 9, 14]").contains(">log2(value)</text>"));
        assertTrue(section("", "[2, 5, 7, 9, 14]", "[3, 6, 8, 10, 15]").contains(">value</text>"));
        assertEquals(section(", \"scale\": \"log\"", "[2, 5, 7, 9, 14]", "[3, 6, 8, 10, 15]"), log);
    }
}
