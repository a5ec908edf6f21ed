package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis landmark through ./nextfloww on test-data/landmark (-profile test_landmark: 40
 * targets in 4 chunks), with retries off and one chunk at a time. One chunk task's Java process is SIGKILLed while the
 * console and its work directory show it running and the other three chunks have finished; the
 * run must fail, and -resume must take the three finished chunks (and import, normalise) from the
 * cache and run only the killed chunk and the gather. The gathered result is checked too.
 */
@Tag("pipeline")
class LandmarkPipelineIT {
    private static final Pattern FIT_SUBMITTED =
            Pattern.compile("\\[([0-9a-f]{2}/[0-9a-f]{6})\\] Submitted process > LANDMARK:LANDMARK_FIT \\(\\S+ chunk (\\d+)/4\\)");

    @Test
    void aKilledChunkRerunsAloneOnResume() throws Exception {
        ResumeIT.Launch launch = new ResumeIT.Launch("landmark");
        Path noRetry = Files.writeString(launch.dir.resolve("no-retry.config"),
                "process {\n    errorStrategy = 'terminate'\n    maxRetries = 0\n"
                        // One chunk at a time: when three have finished, the fourth is the only one running,
                        // so the kill interrupts exactly one chunk (two in parallel finish seconds apart).
                        + "    withName: 'LANDMARK_FIT' { maxForks = 1 }\n}\n");
        String[] args = {"-profile", "test_landmark", "-c", noRetry.toString()};

        Process first = launch.start("killed", Map.of(), args);
        Path work = launch.dir.resolve("work");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(ResumeIT.TIMEOUT_MINUTES);
        int killedChunk = -1;
        while (killedChunk < 0) {
            assertTrue(first.isAlive(), "the run ended before a chunk could be killed: " + Files.readString(launch.out("killed")));
            assertTrue(System.nanoTime() < deadline, "no chunk ran: " + Files.readString(launch.out("killed")));
            Map<Integer, Path> dirs = chunkDirs(Files.readString(launch.out("killed")), work);
            long finished = dirs.values().stream().filter(d -> Files.exists(d.resolve(".exitcode"))).count();
            for (Map.Entry<Integer, Path> e : dirs.entrySet()) {
                Path d = e.getValue();
                boolean running = Files.exists(d.resolve(".command.begin")) && !Files.exists(d.resolve(".exitcode"));
                if (finished == 3 && running) {
                    Optional<ProcessHandle> java = javaIn(first, d);
                    if (java.isPresent()) {
                        java.get().destroyForcibly(); // SIGKILL, as the kernel's OOM killer would
                        killedChunk = e.getKey();
                    }
                }
            }
            Thread.sleep(100);
        }
        assertTrue(first.waitFor(ResumeIT.TIMEOUT_MINUTES, TimeUnit.MINUTES));
        String killedTag = "chunk " + killedChunk + "/4";
        ResumeIT.Result killed = launch.result("killed", first.exitValue());
        assertNotEquals(0, killed.exitCode(), killed.describe());
        assertTrue(killed.trace().stream().anyMatch(t -> t.fields().get("name").contains(killedTag)
                && t.status().equals("FAILED") && "137".equals(t.fields().get("exit"))), "the killed chunk failed with SIGKILL's 137: "
                + killed.describe());

        ResumeIT.Result resumed = launch.run("resumed", Map.of(), withResume(args));
        assertEquals(0, resumed.exitCode(), resumed.describe());
        Map<String, String> status = new TreeMap<>();
        for (ResumeIT.Task t : resumed.trace()) {
            status.put(t.fields().get("name"), t.status());
        }
        for (String name : status.keySet()) {
            boolean mustRun = name.contains("LANDMARK_SUMMARY") || name.contains(killedTag);
            assertEquals(mustRun ? "COMPLETED" : "CACHED", status.get(name), name + " in " + status);
        }
        assertEquals(7, status.size(), "import, normalise, 4 chunks, summary: " + status);

        List<String> summary = Files.readAllLines(resumed.outdir().resolve("metrics/expression.landmark_summary.tsv"));
        assertEquals(7, summary.size(), "header + (linear, mean, ridge:100) x (test, validation): " + summary);
        assertTrue(summary.stream().skip(1).allMatch(l -> l.split("\t")[2].equals("40")), "every line covers all 40 targets: " + summary);
        assertEquals(1 + 40 * 3 * 2, Files.readAllLines(resumed.outdir().resolve("metrics/expression.landmark_targets.tsv")).size());
    }

    private static String[] withResume(String[] args) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = "-resume";
        return out;
    }

    /** Chunk number -> work directory of the LANDMARK_FIT tasks the console says were submitted. */
    private static Map<Integer, Path> chunkDirs(String console, Path work) throws IOException {
        Map<Integer, Path> out = new TreeMap<>();
        Matcher m = FIT_SUBMITTED.matcher(console);
        while (m.find()) {
            String[] hash = m.group(1).split("/");
            Path bucket = work.resolve(hash[0]);
            if (Files.isDirectory(bucket)) {
                try (Stream<Path> dirs = Files.list(bucket)) {
                    dirs.filter(d -> d.getFileName().toString().startsWith(hash[1])).findFirst()
                            .ifPresent(d -> out.put(Integer.parseInt(m.group(2)), d));
                }
            }
        }
        return out;
    }

    /**
     * The landmark-fit java process (a descendant of the Nextflow run) working in the task's
     * directory. The task script also runs `exprflow --version` for versions.yml, after the step:
     * killing that one would not fail the task, hence the check of the command line.
     */
    private static Optional<ProcessHandle> javaIn(Process run, Path taskDir) {
        return run.descendants().filter(p -> {
            try {
                Path proc = Path.of("/proc", Long.toString(p.pid()));
                String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8);
                return cmdline.contains("landmark-fit") && cmdline.contains("-jar")
                        && Files.readSymbolicLink(proc.resolve("cwd")).equals(taskDir.toRealPath());
            } catch (IOException e) {
                return false; // the process ended meanwhile
            }
        }).findFirst();
    }
}
