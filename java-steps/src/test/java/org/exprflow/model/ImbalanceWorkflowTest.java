package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --imbalance from train to the report, as the pipeline runs it: the fold tasks train with SMOTE,
 * predict logs what the saved model used, evaluate records it in the metrics and the report states it.
 */
@Tag("unit")
class ImbalanceWorkflowTest {
    @TempDir
    Path dir;

    @Test
    void theReportStatesTheImbalanceHandling() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(ClassImbalanceTest.imbalanced(17, 30, 8, 40, 5, 1.5), data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        List<String> args = new ArrayList<>(List.of("evaluate"));
        for (int f = 1; f <= 3; f++) {
            Path pred = dir.resolve("f" + f + ".tsv");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(f), "--predictions", pred.toString(), "--output",
                    dir.resolve("f" + f + ".xfm").toString(), "--top-k", "10", "--imbalance", "smote");
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("class imbalance: smote"), r.stderr());
            args.addAll(List.of("--predictions", pred.toString()));
        }
        Cli.Result predicted = Cli.run("predict", "--model", dir.resolve("f1.xfm").toString(), "--input", data.toString(),
                "--output", dir.resolve("p.tsv").toString());
        assertEquals(0, predicted.exitCode(), predicted.stderr());
        assertTrue(predicted.stderr().contains("trained with class imbalance handling: smote"), predicted.stderr());

        Path json = dir.resolve("m.json");
        args.addAll(List.of("--imbalance", "smote", "--cv-scheme", "stratified", "--bootstrap", "0", "--output-tsv",
                dir.resolve("m.tsv").toString(), "--output-json", json.toString()));
        Cli.Result evaluated = Cli.run(args.toArray(String[]::new));
        assertEquals(0, evaluated.exitCode(), evaluated.stderr());
        JsonNode metrics = StepJson.METRICS.read(json);
        assertEquals("smote", metrics.path("imbalance").asText());

        Path html = dir.resolve("r.html");
        assertEquals(0, Cli.run("report", "--metrics", json.toString(), "--output", html.toString()).exitCode());
        String report = Files.readString(html);
        assertTrue(report.contains("Class imbalance: SMOTE topped up the smaller classes of each fit with synthetic samples "
                + "made from that fit&#39;s training samples only"), report);

        // evaluate refuses a handling train does not know, naming the choices
        args.set(args.indexOf("smote"), "oversample");
        Path bad = dir.resolve("bad.json");
        args.set(args.indexOf(json.toString()), bad.toString());
        Cli.run(args.toArray(String[]::new)).assertOneLineError(2, "--imbalance must be one of [none, weights, smote]");
        assertFalse(Files.exists(bad));
    }
}
