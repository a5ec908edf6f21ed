package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.Cli;
import org.exprflow.testing.NextflowRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch path of the classify pipeline on a simulated study with 5 processing batches: the
 * batch column reaches every step (--batch_column), ComBat runs inside the folds (--transforms
 * combat), the folds are leave-one-batch-out, and the metrics and the report carry the per-batch
 * held-out accuracy, the CV scheme and the statement that the own-batch fallback ran; QC carries
 * the batch x class table.
 */
@Tag("pipeline")
class BatchPipelineIT {

    @TempDir
    Path tmp;

    @Test
    void comBatWithLeaveOneBatchOutReportsAccuracyPerBatch() throws Exception {
        Path sim = tmp.resolve("batch-sim");
        assertEquals(0, Cli.run("--quiet", "simulate", "--output-dir", sim.toString(), "--samples", "60", "--probes", "400",
                "--classes", "2", "--differential", "10", "--batches", "5", "--formats", "tsv", "--seed", "3").exitCode());
        Path results = tmp.resolve("batch-results");
        NextflowRun.Result run = NextflowRun.run(tmp, "batch", 15, "-profile", "test", "--outdir", results.toString(),
                "--input", sim.resolve("matrix.tsv").toString(), "--samplesheet", sim.resolve("samplesheet.csv").toString(),
                "--batch_column", "batch", "--transforms", "combat", "--leave_one_batch_out",
                "--learner", "weka.classifiers.functions.SMO -M", "--top_k", "20", "--permutations", "2");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("TRAIN_CV"), run.output());

        JsonNode metrics = StepJson.METRICS.read(results.resolve("metrics/matrix.metrics.json"));
        assertEquals("leave_one_batch_out", metrics.path("cv_scheme").path("kind").asText(), metrics.toString());
        JsonNode batches = metrics.path("batches");
        assertEquals(5, batches.path("by_batch").size(), batches.toString());
        assertEquals(5, batches.path("unseen_in_training").size(), batches.toString());
        assertTrue(batches.path("own_batch_fallback").asBoolean(), batches.toString());
        // The permutation test ran on the same leave-one-batch-out folds (PERMUTE --folds-from-splits).
        assertEquals(2, metrics.path("sets").path("cv").path("model").path("permutation").path("count").asInt(),
                metrics.toString());
        for (JsonNode b : batches.path("by_batch")) {
            double ba = b.path("balanced_accuracy").asDouble(Double.NaN);
            assertTrue(ba >= 0 && ba <= 1, b.toString());
            System.out.println("BatchPipelineIT: batch " + b.path("batch").asText() + " held-out balanced accuracy " + ba);
        }
        JsonNode qc = StepJson.QC.read(results.resolve("qc/matrix.qc.json"));
        assertTrue(qc.path("batches").path("label").path("cramers_v").isNumber(), qc.path("batches").toString());

        String report = Files.readString(results.resolve("report/matrix.report.html"));
        assertTrue(report.contains("Held-out accuracy by batch"), "report lacks the by-batch table");
        assertTrue(report.contains("Leave-one-batch-out"), "report does not state the CV scheme");
        assertTrue(report.contains("own-batch fallback was used"), "report does not state the fallback");
        assertTrue(report.contains("Batch × class: label"), "report lacks QC's batch x class table");
    }
}
