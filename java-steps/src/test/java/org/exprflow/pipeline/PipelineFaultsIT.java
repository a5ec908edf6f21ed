package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's own failure modes (issue 17), on the real pipeline through ./nextfloww: names with
 * spaces, training and test data that share samples, a full disk under --outdir, and two runs at
 * once on one --outdir.
 */
@Tag("pipeline")
class PipelineFaultsIT {
    private static final Path PROJECT = TestEnvironment.projectDir();

    /** A classify run whose file, samplesheet and sample names all hold spaces. */
    @Test
    void namesWithSpacesRunToTheEnd() throws Exception {
        ResumeIT.Launch launch = new ResumeIT.Launch("spaces");
        Path data = launch.dir.resolve("my data");
        Files.createDirectories(data);
        Path matrix = data.resolve("train data.tsv");
        Path sheet = data.resolve("sample sheet.csv");
        // GSM7001001 -> "GSM 7001001": a sample id with a space, in the matrix and the samplesheet alike.
        Files.writeString(matrix, Files.readString(PROJECT.resolve("test-data/classify/matrix.tsv")).replace("GSM", "GSM "));
        Files.writeString(sheet, Files.readString(PROJECT.resolve("test-data/classify/samplesheet.csv")).replace("GSM", "GSM "));
        ResumeIT.Result r = launch.run("out", Map.of(), "-profile", "test", "--input", matrix.toString(),
                "--samplesheet", sheet.toString(), "--permutations", "0");
        assertEquals(0, r.exitCode(), r.describe());
        Path metrics = r.outdir().resolve("metrics/train data.metrics.json");
        assertTrue(Files.isRegularFile(metrics), "published under the file's own name: " + r.describe());
        String predictions = Files.readString(r.outdir().resolve("predictions/train data.predictions.tsv"));
        assertTrue(predictions.contains("GSM 7001001"), "sample ids keep their space");
    }

    /** The same samples as training and test data: refused with exit 2 before any task. */
    @Test
    void sharedTrainingAndTestSamplesAreRefusedBeforeAnyTask() throws Exception {
        ResumeIT.Launch launch = new ResumeIT.Launch("overlap");
        ResumeIT.Result r = launch.run("out", Map.of(), "-profile", "test",
                "--test_input", PROJECT.resolve("test-data/classify/matrix.tsv").toString());
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.output().contains("exprflow: error: 60 of the 60 test samples in "), r.output());
        assertTrue(r.output().contains("are also training samples in"), r.output());
        assertTrue(r.output().contains("give --allow_sample_overlap to run anyway"), r.output());
        assertTrue(r.trace().isEmpty(), "no task ran: " + r.describe());
        assertFalse(Files.exists(launch.dir.resolve("work")) && hasTaskDirs(launch.dir.resolve("work")), "no task ran");
    }

    /** Publishing onto a file system without space: the console says "disk full". Needs root (mount). */
    @Test
    void aFullDiskUnderOutdirIsNamedOnTheConsole() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!TestEnvironment.ci()) {
            Assumptions.assumeTrue(root, "mounting a tmpfs needs root");
        }
        assertTrue(root, "CI runs as root: the disk-full test mounts a small tmpfs");
        ResumeIT.Launch launch = new ResumeIT.Launch("diskfull");
        Path outdir = launch.dir.resolve("out");
        Files.createDirectories(outdir);
        run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", outdir.toString());
        try {
            ResumeIT.Result r = launch.run("out", Map.of(), "-profile", "test", "--permutations", "0");
            assertTrue(r.output().contains("exprflow: error: disk full: --outdir " + outdir), r.describe());
            assertTrue(r.output().contains("rerun with -resume"), r.output());
        } finally {
            run("umount", outdir.toString());
        }
    }

    /** A second run on a busy --outdir is refused in one line; the first is not disturbed. */
    @Test
    void aSecondRunOnTheSameOutdirIsRefused() throws Exception {
        ResumeIT.Launch launch = new ResumeIT.Launch("lock");
        // The first run must still be running when the second one's Nextflow has started (tens of
        // seconds on a loaded machine): 12 permutations keep it busy for a few minutes.
        Process first = launch.start("out", Map.of(), "-profile", "test", "--permutations", "12");
        Path lockFile = launch.dir.resolve("out/pipeline_info/.exprflow.lock");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.isRegularFile(lockFile) && Files.size(lockFile) > 0)) {
            if (!first.isAlive() || System.nanoTime() > deadline) {
                fail("the first run never took the lock: " + Files.readString(launch.out("out")));
            }
            Thread.sleep(200);
        }
        // The second run launches from its own directory (its own .nextflow/), onto the same --outdir
        // (reached through a symbolic link: the lock is the file's, whatever path leads to it).
        ResumeIT.Launch other = new ResumeIT.Launch("lock2");
        Files.createSymbolicLink(other.dir.resolve("second"), launch.dir.resolve("out"));
        Process second = other.start("second", Map.of(), "-profile", "test", "--permutations", "0");
        assertTrue(second.waitFor(5, TimeUnit.MINUTES), "the second run stops at once");
        String secondOutput = Files.readString(other.out("second"));
        assertTrue(first.isAlive(), "the first run was still running when the second stopped");
        assertEquals(2, second.exitValue(), secondOutput);
        assertTrue(secondOutput.contains("exprflow: error: --outdir " + other.dir.resolve("second")
                + " is in use by another exprflow run (pid "), secondOutput);
        assertTrue(first.waitFor(10, TimeUnit.MINUTES), "first run finishes");
        assertEquals(0, first.exitValue(), Files.readString(launch.out("out")));
        assertEquals(1, ResumeIT.readTrace(launch.dir.resolve("out")).isEmpty() ? 0 : 1,
                "the refused run left no trace of its own in the first run's pipeline_info (readTrace asserts one file)");
        // The lock went with the first run: the same outdir is free again (a -resume of it).
        Files.createSymbolicLink(launch.dir.resolve("resumed"), launch.dir.resolve("out"));
        Process third = launch.start("resumed", Map.of(), "-profile", "test", "--permutations", "12", "-resume");
        assertTrue(third.waitFor(10, TimeUnit.MINUTES), "third run finishes");
        assertEquals(0, third.exitValue(), Files.readString(launch.out("resumed")));
    }

    private static boolean hasTaskDirs(Path work) throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.findAny().isPresent();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}
