package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning curve through the command lines the pipeline runs: split, train per fold (the main CV)
 * and per fold and fraction (--train-fraction), evaluate --learning-curve, report.
 */
@Tag("unit")
class LearningCurveCliTest {
    @TempDir
    Path dir;

    @Test
    void curveReachesTheMetricsAndTheReport() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(31, 36, 60, 10, 1.5, "A", "B", "C"), data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        List<String> predictions = new ArrayList<>();
        List<String> curve = new ArrayList<>();
        for (int fold = 1; fold <= 3; fold++) {
            Path p = dir.resolve("f" + fold + ".tsv");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(fold), "--predictions", p.toString(), "--top-k", "10");
            assertEquals(0, r.exitCode(), r.stderr());
            predictions.add(p.toString());
            for (String fraction : List.of("0.25", "0.5")) {
                Path c = dir.resolve("f" + fold + ".lc" + fraction + ".tsv");
                r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                        "--fold", Integer.toString(fold), "--predictions", c.toString(), "--top-k", "10",
                        "--train-fraction", fraction);
                assertEquals(0, r.exitCode(), r.stderr());
                curve.add(c.toString());
            }
        }
        Path tsv = dir.resolve("m.tsv");
        Path json = dir.resolve("m.json");
        Path all = dir.resolve("all.tsv");
        List<String> args = new ArrayList<>(List.of("evaluate", "--output-tsv", tsv.toString(), "--output-json",
                json.toString(), "--output-predictions", all.toString(), "--bootstrap", "200", "--predictions"));
        args.addAll(predictions);
        args.add("--learning-curve");
        args.addAll(curve);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode metrics = StepJson.METRICS.read(json);
        JsonNode points = metrics.path("learning_curve").path("points");
        assertEquals(3, points.size(), metrics.toString());
        // 24 training samples per fold, 8 per class: 0.25 keeps round(2) = 2 per class, 0.5 keeps 4
        assertEquals(6.0, points.path(0).path("training_samples").path("mean").asDouble());
        assertEquals(12.0, points.path(1).path("training_samples").path("mean").asDouble());
        assertEquals(24.0, points.path(2).path("training_samples").path("mean").asDouble());
        assertEquals(metrics.path("sets").path("cv").path("model").path("overall").path("balanced_accuracy").asDouble(),
                points.path(2).path("balanced_accuracy").asDouble());
        for (JsonNode p : points) {
            System.out.println("LearningCurveCliTest: fraction " + p.path("fraction").asDouble() + ", "
                    + p.path("training_samples").path("mean").asDouble() + " training samples: balanced accuracy "
                    + p.path("balanced_accuracy").asDouble() + " " + p.path("balanced_accuracy_interval"));
        }
        assertTrue(Files.readString(tsv).contains("learning_curve\tmodel\tbalanced_accuracy\t0.25\t"));

        Path html = dir.resolve("r.html");
        r = Cli.run("report", "--output", html.toString(), "--metrics", json.toString(), "--predictions", all.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Learning curve</h2>"), "no learning-curve section");
        assertTrue(page.contains("<svg class=\"plot learning-curve\""), "no learning-curve plot");
        assertTrue(page.contains("training samples per outer fold (mean)"), "x axis unlabelled");
        assertTrue(page.contains("balanced accuracy (held out)"), "y axis unlabelled");
        assertTrue(page.contains("class=\"band\""), "no interval band");
        assertTrue(page.contains("class=\"baseline\""), "no ZeroR line");
        assertTrue(page.contains("1 (main CV)"), "the full size is not marked as the main CV");
        assertTrue(page.contains("From 6.0 to 24.0 training samples per fold, the pooled balanced accuracy went from "),
                "no statement of the change along the curve");
    }
}
