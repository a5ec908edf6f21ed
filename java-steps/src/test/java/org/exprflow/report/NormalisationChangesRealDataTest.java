package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.cli.Main;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's acceptance on an ARFF set with negative values (Pomeroy's brain tumours, MAS4 average
 * differences): normalise's summary counts each change exactly as the values say (counted here from
 * the imported matrix, independently of the step), and the report states every count.
 */
@Tag("realdata")
class NormalisationChangesRealDataTest {
    @TempDir
    Path dir;

    @Test
    void reportStatesHowManyValuesEachStepChanged() throws Exception {
        Path data = dir.resolve("brain.xfd");
        assertEquals(0, Main.run("--quiet", "import", "--input",
                TestEnvironment.sharedFile("biolab/08_braintumor.arff.gz").toString(), "--output", data.toString()));
        Dataset d = DatasetFile.read(data);
        long nonPositive = 0;
        long below20 = 0;
        long above16000 = 0;
        long values = 0;
        for (int s = 0; s < d.sampleCount(); s++) {
            for (double x : d.row(s)) {
                if (!Double.isNaN(x)) {
                    values++;
                    nonPositive += x <= 0 ? 1 : 0;
                    below20 += x < 20 ? 1 : 0;
                    above16000 += x > 16000 ? 1 : 0;
                }
            }
        }
        assertTrue(nonPositive > 0.01 * values, "the fixture must have more than 1% of values <= 0: " + nonPositive);

        // the default: log2 auto refuses the log, and says for how many values
        Path auto = dir.resolve("auto.normalise_qc.json");
        assertEquals(0, Main.run("--quiet", "normalise", "--input", data.toString(), "--output", dir.resolve("a.xfd").toString(),
                "--output-summary", auto.toString()));
        JsonNode a = StepJson.NORMALISE_QC.read(auto);
        assertEquals(nonPositive, a.path("values_non_positive_log2_refused").asLong());
        assertEquals(0, a.path("values_floored").asLong());
        // the fix the warning suggests: a floor of 20, a ceiling of 16000, log2 always
        Path floored = dir.resolve("floored.normalise_qc.json");
        assertEquals(0, Main.run("--quiet", "normalise", "--input", data.toString(), "--output", dir.resolve("f.xfd").toString(),
                "--floor", "20", "--ceiling", "16000", "--log2", "always", "--output-summary", floored.toString()));
        JsonNode f = StepJson.NORMALISE_QC.read(floored);
        assertEquals(below20, f.path("values_floored").asLong());
        assertEquals(above16000, f.path("values_ceilinged").asLong());
        assertEquals(0, f.path("values_made_na").asLong());

        Path out = dir.resolve("r.html");
        assertEquals(0, Main.run("--quiet", "report", "--output", out.toString(), "--normalise-summary", auto.toString(),
                floored.toString()));
        String html = Files.readString(out);
        for (String expected : new String[] {
            "<li class=\"warn\">log2 (auto): not applied: " + ReadableNumbers.count(nonPositive) + " values &lt;= 0 would have become NA",
            "<li>floor 20: " + ReadableNumbers.count(below20) + " values raised to it</li>",
            "<li>ceiling 16000: " + ReadableNumbers.count(above16000) + " values lowered to it</li>",
            "<li>log2 (always): applied</li>"}) {
            assertTrue(html.contains(expected), expected + "\n" + html);
        }
    }
}
