package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.exprflow.pipeline.ResumeIT.Launch;
import org.exprflow.pipeline.ResumeIT.Result;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * -profile test,slurm against a real SLURM cluster (CI: the single-node cluster of
 * scripts/slurm-localhost.sh): every task is a batch job, the metric files are byte-identical to
 * the local run's, and the executor is not part of the task hash (a local -resume of the SLURM run
 * takes every task from the cache). Without sbatch the test is skipped, under CI=true it fails.
 */
@Tag("pipeline")
class SlurmIT {

    @Test
    void slurmRunMatchesTheLocalRunAndResumesLocally() throws Exception {
        TestEnvironment.tool("sbatch");
        TestEnvironment.tool("squeue");
        Result local = ResumeIT.reference();

        Launch launch = new Launch("slurm");
        Result slurm = launch.run("slurm", Map.of(), "-profile", "test,slurm");
        assertEquals(0, slurm.exitCode(), slurm.describe());
        assertEquals(local.trace().size(), slurm.trace().size(), slurm.describe());
        slurm.trace().forEach(t -> {
            assertEquals("COMPLETED", t.status(), t.toString());
            assertTrue(t.fields().get("native_id").matches("\\d+"), "not a SLURM job id: " + t.fields());
        });
        ResumeIT.assertSameMetrics(local, slurm);

        Result resumed = launch.run("local-resume", Map.of(), "-profile", "test", "-resume");
        assertEquals(0, resumed.exitCode(), resumed.describe());
        resumed.trace().forEach(t -> assertEquals("CACHED", t.status(), "the executor changed the hash of " + t));
    }
}
