package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.exprflow.pipeline.ResumeIT.Launch;
import org.exprflow.pipeline.ResumeIT.Result;
import org.exprflow.pipeline.ResumeIT.Task;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The container profiles for real, with the image built offline by containers/build-offline.sh
 * from the jar under test (the debootstrap base is made once: .ci/run makes it before the tests):
 * -profile test,slurm,podman (every task a SLURM job running in podman) and -profile test,docker
 * (the docker command of Debian's podman-docker). The metric files must be byte-identical to the
 * local run's. Missing podman, sbatch or a podman-backed docker: skipped, or failed under CI=true.
 */
@Tag("pipeline")
class ContainerIT {

    static final String IMAGE = "exprflow:0.1.0";

    @BeforeAll
    static void buildImage() throws Exception {
        TestEnvironment.tool("podman");
        Path projectDir = TestEnvironment.projectDir();
        String jar = System.getProperty("exprflow.jar", projectDir.resolve("java-steps/target/exprflow.jar").toString());
        Path log = Files.createTempFile("exprflow-image-", ".log");
        Process p = new ProcessBuilder(projectDir.resolve("containers/build-offline.sh").toString(), "--jar", jar)
                .directory(projectDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("building the image took more than 20 minutes: " + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), "containers/build-offline.sh failed: " + Files.readString(log));
        String version = Files.readString(projectDir.resolve("nextflow.config"));
        assertTrue(version.contains("version         = '0.1.0'") || version.contains("version = '0.1.0'"),
                "manifest.version changed: update IMAGE in ContainerIT");
    }

    /** Every task ran in the image, got the heap of its memory, and the metrics match the local run's. */
    private static void assertRanInImage(Result run) throws IOException, InterruptedException {
        assertEquals(0, run.exitCode(), run.describe());
        Result local = ResumeIT.reference();
        // MULTIQC runs in its own image (--multiqc_container), which this offline test cannot pull:
        // the container runs pass --multiqc never, so the local run's MULTIQC task is not counted.
        assertEquals(local.trace().stream().filter(t -> !t.process().equals("MULTIQC")).count(), run.trace().size(),
                run.describe());
        for (Task t : run.trace()) {
            assertEquals("COMPLETED", t.status(), t.toString());
            assertEquals(IMAGE, t.fields().get("container"), t.toString());
        }
        // beforeScript's variables reached the container (envWhitelist): the heap followed the memory.
        Task train = run.of("CLASSIFY:TRAIN_FINAL").get(0);
        String err = Files.readString(run.taskDir(train).resolve(".command.err"), StandardCharsets.UTF_8);
        assertTrue(err.contains("task memory 3072 MB") && err.contains("-Xmx2304m"), err);
        ResumeIT.assertSameMetrics(local, run);
    }

    @Test
    void slurmWithPodman() throws Exception {
        TestEnvironment.tool("sbatch");
        Launch launch = new Launch("slurm-podman");
        assertRanInImage(launch.run("slurm-podman", Map.of(), "-profile", "test,slurm,podman", "--multiqc", "never"));
    }

    @Test
    void dockerProfileThroughPodmanDocker() throws Exception {
        Launch launch = new Launch("docker");
        Path docker = podmanDocker(launch);
        String path = docker.getParent() + ":" + System.getenv("PATH");
        assertRanInImage(launch.run("docker", Map.of("PATH", path), "-profile", "test,docker", "--multiqc", "never"));
    }

    /**
     * A directory whose `docker` is podman-docker's (/usr/bin/docker, a script calling podman),
     * to put first on PATH: a real Docker CLI found earlier on PATH (e.g. /usr/local/bin) without a
     * daemon would otherwise fail every task.
     */
    private static Path podmanDocker(Launch launch) throws IOException {
        Path shim = Path.of("/usr/bin/docker");
        boolean isPodman = Files.isRegularFile(shim) && Files.size(shim) < 100_000
                && Files.readString(shim, StandardCharsets.ISO_8859_1).contains("podman");
        if (!isPodman) {
            TestEnvironment.tool("podman-docker (/usr/bin/docker calling podman; apt-get install podman-docker)");
        }
        Path dir = Files.createDirectories(launch.dir.resolve("docker-bin"));
        Path link = dir.resolve("docker");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, shim);
        return link;
    }

}
