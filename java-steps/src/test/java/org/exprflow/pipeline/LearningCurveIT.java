package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.NextflowRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning curve through the classify pipeline: -profile test with --learning_curve 0.5 runs one
 * TRAIN_CURVE task per CV fold, and EVALUATE and REPORT carry the curve (the metrics block, the TSV
 * lines, the plot). --learning_curve 0.5 reaches the pipeline as a number, as a user types it.
 */
@Tag("pipeline")
class LearningCurveIT {

    @TempDir
    Path tmp;

    @Test
    void testProfileWithLearningCurveReportsAndPlotsIt() throws Exception {
        Path results = tmp.resolve("results");
        long start = System.nanoTime();
        NextflowRun.Result run = NextflowRun.run(tmp, "lc", 15, "-profile", "test", "--outdir", results.toString(), "--learning_curve", "0.5",
                "--permutations", "0");
        System.out.println("LearningCurveIT: nextflow run took " + (System.nanoTime() - start) / 1_000_000_000 + " s");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("TRAIN_CURVE"), run.output());

        JsonNode metrics = StepJson.METRICS.read(results.resolve("metrics/matrix.metrics.json"));
        JsonNode points = metrics.path("learning_curve").path("points");
        assertEquals(2, points.size(), metrics.toString());
        assertEquals(0.5, points.path(0).path("fraction").asDouble());
        assertEquals(1.0, points.path(1).path("fraction").asDouble());
        assertEquals(3, points.path(0).path("folds").asInt(), "one TRAIN_CURVE task per fold of -profile test");
        double half = points.path(0).path("training_samples").path("mean").asDouble();
        double full = points.path(1).path("training_samples").path("mean").asDouble();
        assertTrue(half < full && half >= full / 2 - 2 && half <= full / 2 + 2, half + " vs " + full);
        assertEquals(metrics.path("sets").path("cv").path("model").path("overall").path("balanced_accuracy").asDouble(),
                points.path(1).path("balanced_accuracy").asDouble(), "the full size is the main CV");
        assertEquals(2, points.path(0).path("balanced_accuracy_interval").size());
        for (JsonNode p : points) {
            System.out.println("LearningCurveIT: fraction " + p.path("fraction").asDouble() + ", "
                    + p.path("training_samples").path("mean").asDouble() + " training samples: balanced accuracy "
                    + p.path("balanced_accuracy").asDouble() + " " + p.path("balanced_accuracy_interval"));
        }
        assertTrue(Files.readString(results.resolve("metrics/matrix.metrics.tsv"))
                .contains("learning_curve\tmodel\tbalanced_accuracy\t0.5\t"), "metrics TSV lacks the curve");

        String report = Files.readString(results.resolve("report/matrix.report.html"));
        assertTrue(report.contains("<h2>Learning curve</h2>"), "report lacks the learning-curve section");
        assertTrue(report.contains("<svg class=\"plot learning-curve\""), "report lacks the learning-curve plot");
    }
}
