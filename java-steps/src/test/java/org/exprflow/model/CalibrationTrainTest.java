package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.MetricsJson;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --calibration through train and predict: the saved calibrator and the uncalibrated rows beside the model's. */
@Tag("unit")
class CalibrationTrainTest {
    @TempDir
    Path dir;

    private Path data() throws Exception {
        Path p = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(41, 40, 80, 10, 1.0, "A", "B"), p);
        return p;
    }

    @Test
    void foldTaskWritesCalibratedAndUncalibratedRows() throws Exception {
        Path data = data();
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "4").exitCode());
        Path plain = dir.resolve("plain.tsv");
        Path calibrated = dir.resolve("cal.tsv");
        for (Path out : new Path[] {plain, calibrated}) {
            Cli.Result r = Cli.run(out == plain ? new String[] {"train", "--input", data.toString(), "--splits",
                    splits.toString(), "--repeat", "1", "--fold", "1", "--predictions", out.toString(), "--top-k", "10"}
                    : new String[] {"train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                            "--fold", "1", "--predictions", out.toString(), "--top-k", "10", "--calibration", "isotonic",
                            "--calibration-folds", "3"});
            assertEquals(0, r.exitCode(), r.stderr());
        }
        PredictionTable p = PredictionTable.read(plain);
        PredictionTable c = PredictionTable.read(calibrated);
        assertTrue(p.rows("cv", MetricsJson.UNCALIBRATED_LEARNER).isEmpty(), "no calibration, no extra rows");
        assertEquals(10, c.rows("cv", "model").size());
        assertEquals(10, c.rows("cv", MetricsJson.UNCALIBRATED_LEARNER).size());
        // the uncalibrated rows are the uncalibrated model's rows, byte for byte
        for (int i = 0; i < 10; i++) {
            assertEquals(java.util.Arrays.toString(p.rows("cv", "model").get(i).probabilities()),
                    java.util.Arrays.toString(c.rows("cv", MetricsJson.UNCALIBRATED_LEARNER).get(i).probabilities()));
        }
    }

    @Test
    void finalModelCarriesTheCalibratorIntoPredict() throws Exception {
        Path data = data();
        Path model = dir.resolve("m.xfm");
        Cli.Result r = Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--top-k", "10",
                "--calibration", "platt");
        assertEquals(0, r.exitCode(), r.stderr());
        ModelPipeline m = ModelFile.read(model);
        assertTrue(m.calibrated());
        assertEquals("platt", m.metadata().get("calibration"));
        assertEquals("5", m.metadata().get("calibration_folds"));
        assertTrue(m.metadata().get("calibration.B").startsWith("platt A="), m.metadata().toString());
        Path pred = dir.resolve("p.tsv");
        assertEquals(0, Cli.run("predict", "--model", model.toString(), "--input", data.toString(), "--set", "test",
                "--output", pred.toString()).exitCode());
        PredictionTable t = PredictionTable.read(pred);
        assertEquals(40, t.rows("test", "model").size());
        assertEquals(40, t.rows("test", MetricsJson.UNCALIBRATED_LEARNER).size());
        assertEquals(40, t.rows("test", "ZeroR").size());
    }

    @Test
    void badCalibrationOptionsAreOneLineErrors() throws Exception {
        Path data = data();
        Path model = dir.resolve("m.xfm");
        Cli.Result r = Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--calibration", "beta");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--calibration"), r.stderr());
        Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--calibration", "platt",
                "--calibration-folds", "1").assertOneLineError(2, "--calibration-folds must be at least 2, got 1");
        assertFalse(Files.exists(model));
    }
}
