package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.io.JsonInput;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Brier scores and reliability bins that evaluate writes by default, hand-computed. */
@Tag("unit")
class EvaluateCalibrationTest {
    private static final String HEADER = "set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:A\tprob:B\n";

    @TempDir
    Path dir;

    /** The model and ZeroR rows of EvaluateCommandTest, and a calibrated model's uncalibrated probabilities. */
    private Path predictions(boolean withUncalibrated) throws IOException {
        Path p = dir.resolve("pred.tsv");
        String rows = "cv\t1\t1\ts1\tmodel\tA\tA\t0.9\t0.1\n"
                + "cv\t1\t1\ts1\tZeroR\tA\tA\t0.5\t0.5\n"
                + "cv\t1\t1\ts2\tmodel\tB\tB\t0.2\t0.8\n"
                + "cv\t1\t1\ts2\tZeroR\tB\tA\t0.5\t0.5\n"
                + "cv\t1\t1\ts3\tmodel\tA\tB\t0.4\t0.6\n"
                + "cv\t1\t1\ts3\tZeroR\tA\tA\t0.5\t0.5\n"
                + "cv\t1\t2\ts4\tmodel\tB\tB\t0.3\t0.7\n"
                + "cv\t1\t2\ts4\tZeroR\tB\tA\t0.6\t0.4\n"
                + "cv\t1\t2\ts5\tmodel\tA\tA\t0.8\t0.2\n"
                + "cv\t1\t2\ts5\tZeroR\tA\tA\t0.6\t0.4\n"
                + "cv\t1\t2\ts6\tmodel\tB\tA\t0.6\t0.4\n"
                + "cv\t1\t2\ts6\tZeroR\tB\tA\t0.6\t0.4\n";
        if (withUncalibrated) {
            rows += "cv\t1\t1\ts1\tmodel_uncalibrated\tA\tA\t1\t0\n"
                    + "cv\t1\t1\ts2\tmodel_uncalibrated\tB\tB\t0\t1\n"
                    + "cv\t1\t1\ts3\tmodel_uncalibrated\tA\tB\t0\t1\n"
                    + "cv\t1\t2\ts4\tmodel_uncalibrated\tB\tB\t0\t1\n"
                    + "cv\t1\t2\ts5\tmodel_uncalibrated\tA\tA\t1\t0\n"
                    + "cv\t1\t2\ts6\tmodel_uncalibrated\tB\tA\t1\t0\n";
        }
        Files.writeString(p, HEADER + rows);
        return p;
    }

    private Cli.Result evaluate(Path predictions) {
        return Cli.run("evaluate", "--predictions", predictions.toString(), "--bootstrap", "0",
                "--output-tsv", dir.resolve("m.tsv").toString(), "--output-json", dir.resolve("m.json").toString());
    }

    private static String value(List<String> tsv, String learner, String metric, String cls) {
        String prefix = "cv\t" + learner + "\t" + metric + "\t" + cls + "\t";
        return tsv.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix));
    }

    @Test
    void brierAndBinsOfModelAndZeroR() throws IOException {
        Cli.Result r = evaluate(predictions(false));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> tsv = Files.readAllLines(dir.resolve("m.tsv"));
        assertEquals("0.3", value(tsv, "model", "brier", "all"));
        assertEquals("0.15", value(tsv, "model", "brier", "B"));
        // ZeroR: 0.5 0.5 0.5 0.72 0.32 0.72 -> 3.26 / 6
        assertEquals("0.543333333333", value(tsv, "ZeroR", "brier", "all"));
        assertEquals("1", value(tsv, "model", "reliability_count", "B:4"));
        assertEquals("0.4", value(tsv, "model", "reliability_mean_predicted", "B:4"));
        assertEquals("1", value(tsv, "model", "reliability_observed_frequency", "B:4"));
        assertEquals("0", value(tsv, "model", "reliability_count", "B:5"));
        assertEquals("NA", value(tsv, "model", "reliability_mean_predicted", "B:5"));
        // ZeroR's p(B) 0.5 (three rows, truths A B A) is in bin 5, (0.4, 0.5]
        assertEquals("3", value(tsv, "ZeroR", "reliability_count", "B:5"));
        assertEquals("0.333333333333", value(tsv, "ZeroR", "reliability_observed_frequency", "B:5"));
        // the calibration lines follow each learner's other lines
        assertTrue(tsv.indexOf("cv\tmodel\tbrier\tall\t0.3") > tsv.indexOf("cv\tmodel\tconfusion\tB>B\t2"));

        JsonNode json = JsonInput.read(dir.resolve("m.json"));
        JsonNode cal = json.path("calibration");
        assertEquals(10, cal.path("bins").asInt());
        JsonNode model = cal.path("sets").path("cv").path("model");
        assertEquals(0.3, model.path("brier").asDouble(), 1e-12);
        assertEquals(6, model.path("predictions").asInt());
        JsonNode bin8 = model.path("classes").path("B").path("reliability").get(7);
        assertEquals(8, bin8.path("bin").asInt());
        assertEquals(0.7, bin8.path("lower").asDouble(), 1e-12);
        assertEquals(0.8, bin8.path("upper").asDouble(), 1e-12);
        assertEquals(1, bin8.path("count").asInt());
        assertEquals(0.8, bin8.path("mean_predicted").asDouble(), 1e-12);
        assertEquals(1, bin8.path("observed_frequency").asDouble(), 1e-12);
        assertTrue(model.path("classes").path("B").path("reliability").get(4).path("mean_predicted").isNull());
        assertFalse(cal.path("sets").path("cv").has("model_uncalibrated"));
    }

    @Test
    void uncalibratedProbabilitiesAreScoredForCalibrationOnly() throws IOException {
        Cli.Result r = evaluate(predictions(true));
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stderr().contains("not evaluated"), r.stderr());
        List<String> tsv = Files.readAllLines(dir.resolve("m.tsv"));
        // two of six wrong with probability 1: each costs 2
        assertEquals("0.666666666667", value(tsv, "model_uncalibrated", "brier", "all"));
        assertTrue(tsv.stream().noneMatch(l -> l.startsWith("cv\tmodel_uncalibrated\taccuracy")));
        assertTrue(tsv.indexOf("cv\tmodel_uncalibrated\tbrier\tall\t0.666666666667")
                < tsv.indexOf("cv\tZeroR\tpredictions\tall\t6"));
        JsonNode json = JsonInput.read(dir.resolve("m.json"));
        assertEquals(2 / 3.0, json.path("calibration").path("sets").path("cv").path("model_uncalibrated").path("brier")
                .asDouble(), 1e-12);
        assertFalse(json.path("sets").path("cv").has("model_uncalibrated"));
    }
}
