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
 * --permutation_repeats through the classify pipeline: with --repeats 2 --permutation_repeats 1,
 * PERMUTE reruns only the first outer repeat and EVALUATE compares the permutations with that
 * repeat's real balanced accuracy; the metrics, the console line and the report say so, and the CV
 * estimate still pools both repeats.
 */
@Tag("pipeline")
class PermutationRepeatsIT {

    @TempDir
    Path tmp;

    @Test
    void permutationsOfTheFirstRepeatAreTestedAgainstThatRepeat() throws Exception {
        Path results = tmp.resolve("results");
        NextflowRun.Result run = NextflowRun.run(tmp, "pr", 15, "-profile", "test", "--outdir", results.toString(),
                "--repeats", "2", "--permutation_repeats", "1");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("(N = 4, on the first outer repeat)"), run.output());

        JsonNode model = StepJson.METRICS.read(results.resolve("metrics/matrix.metrics.json")).path("sets").path("cv").path("model");
        JsonNode permutation = model.path("permutation");
        assertEquals(4, permutation.path("count").asInt(), permutation.toString());
        assertEquals(1, permutation.path("repeats").asInt(), permutation.toString());
        JsonNode repeats = model.path("folds").path("repeats");
        assertEquals(2, repeats.size(), "the estimate pools both repeats: " + model.path("folds"));
        assertEquals(repeats.path(0).path("balanced_accuracy").asDouble(), permutation.path("observed").asDouble(), 1e-12,
                "p is for the first repeat's balanced accuracy");

        String report = Files.readString(results.resolve("report/matrix.report.html"));
        assertTrue(report.contains("(N = 4, on the first outer repeat)"), "headline");
        assertTrue(report.contains("rerunning the whole procedure on the first outer repeat for each of 4 random permutations"),
                "methods");
    }
}
