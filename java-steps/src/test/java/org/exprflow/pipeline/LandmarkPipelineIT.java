package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis landmark through ./nextfloww on test-data/landmark (-profile test_landmark: 40
 * targets in 4 chunks), with retries off and one chunk at a time. One chunk task's Java process is SIGKILLed while the
 * console and its work directory show it running and the other three chunks have finished; the
 * run must fail, and -resume must take the three finished chunks (and import, normalise) from the
 * cache and run only the killed chunk and what it feeds (the gather, the report, the prediction of
 * the query profiles). The gathered result is checked too: the D-GEX table per kind of target, with
 * a non-linear learner ahead of linear regression on the non-linear targets.
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
        Set<String> finishedBefore = new HashSet<>();
        killed.trace().stream().filter(t -> t.status().equals("COMPLETED")).forEach(t -> finishedBefore.add(t.fields().get("name")));
        for (String name : status.keySet()) {
            // What the killed chunk feeds (the gather, its report, the query prediction) must run again;
            // everything that finished before the kill (the other chunks first of all) comes from the cache.
            boolean downstream = name.contains("LANDMARK_SUMMARY") || name.contains("REPORT") || name.contains("LANDMARK_PREDICT");
            boolean mustRun = downstream || name.contains(killedTag) || !finishedBefore.contains(name);
            assertEquals(mustRun ? "COMPLETED" : "CACHED", status.get(name), name + " in " + status);
        }
        assertEquals(3, status.entrySet().stream().filter(e -> e.getKey().contains("LANDMARK_FIT") && e.getValue().equals("CACHED")).count(),
                "the three finished chunks are CACHED: " + status);
        // MULTIQC runs at the end when multiqc is installed (CI installs it): not one of the analysis' tasks
        status.remove("MULTIQC");
        assertEquals(11, status.size(), "import, normalise, 4 chunks, summary, report, query import, normalise, predict: " + status);

        checkResults(resumed.outdir());
    }

    /**
     * The gathered D-GEX table per kind of target, the report, and the query profiles' predictions.
     * This is the acceptance on the simulated set: a non-linear learner beats linear
     * regression on the non-linear targets, and not on the linear ones.
     */
    private static void checkResults(Path outdir) throws IOException {
        Map<String, String[]> line = new TreeMap<>(); // "set group learner" -> fields
        List<String> summary = Files.readAllLines(outdir.resolve("metrics/expression.landmark_summary.tsv"));
        assertEquals("## exprflow dgex-summary 2", summary.get(0));
        for (String l : summary.subList(2, summary.size())) {
            String[] f = l.split("\t");
            line.put(f[0] + " " + f[1] + " " + f[2], f);
        }
        assertEquals(2 * 3 * 5, line.size(), "(test, validation) x (all, linear, nonlinear) x 5 learners: " + summary);
        for (String key : line.keySet()) {
            assertEquals(key.contains(" all ") ? "40" : "20", line.get(key)[4], key);
        }
        double linearOnNonlinear = mae(line, "test nonlinear linear");
        double bestNonlinear = Math.min(mae(line, "test nonlinear knn"), mae(line, "test nonlinear rf"));
        assertTrue(bestNonlinear < 0.9 * linearOnNonlinear, "non-linear targets: knn/rf MAE " + bestNonlinear + " vs linear "
                + linearOnNonlinear + "\n" + String.join("\n", summary));
        assertTrue(mae(line, "test linear linear") < Math.min(mae(line, "test linear knn"), mae(line, "test linear rf")),
                "linear targets: linear regression is best\n" + String.join("\n", summary));
        // the kind line, the header, and 40 targets x 5 learners x (test, validation)
        assertEquals(2 + 40 * 5 * 2, Files.readAllLines(outdir.resolve("metrics/expression.landmark_targets.tsv")).size());

        String report = Files.readString(outdir.resolve("report/expression.report.html"));
        assertTrue(report.contains("<section id=\"landmark\">") && report.contains("<td>nonlinear</td><td class=\"learner\">knn</td>"),
                "the report shows the learners side by side per kind of target");

        // 40 targets x the 20 query profiles, on the training scale, tracking the true values of the linear targets.
        List<String> predicted = Files.readAllLines(outdir.resolve("predictions/query_landmarks.predicted_targets.tsv"));
        assertEquals(41, predicted.size());
        assertEquals(21, predicted.get(0).split("\t").length);
        Path data = TestEnvironment.projectDir().resolve("test-data/landmark");
        Map<String, double[]> truth = new TreeMap<>();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(data.resolve("query_targets.tsv.gz")))) {
            List<String> rows = List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
            assertEquals(predicted.get(0).split("\t", 2)[1], rows.get(0).split("\t", 2)[1], "the same query samples in the same order");
            rows.stream().skip(1).forEach(r -> truth.put(r.split("\t", 2)[0], values(r)));
        }
        double sum = 0;
        int linear = 0;
        for (String kindLine : Files.readAllLines(data.resolve("truth.tsv"))) {
            String[] f = kindLine.split("\t");
            if (f[1].equals("linear")) {
                String row = predicted.stream().filter(r -> r.startsWith(f[0] + "\t")).findFirst().orElseThrow();
                sum += org.exprflow.stats.RegressionMetrics.of(truth.get(f[0]), values(row)).pearson();
                linear++;
            }
        }
        assertEquals(20, linear);
        assertTrue(sum / linear > 0.5, "query profiles: mean r of the linear targets' predictions " + sum / linear);
        assertEquals(4, Files.list(outdir.resolve("model/landmark")).filter(p -> p.toString().endsWith(".xlm")).count());
    }

    private static double[] values(String matrixRow) {
        String[] f = matrixRow.split("\t");
        double[] out = new double[f.length - 1];
        for (int i = 1; i < f.length; i++) {
            out[i - 1] = Double.parseDouble(f[i]);
        }
        return out;
    }

    private static double mae(Map<String, String[]> line, String key) {
        return Double.parseDouble(line.get(key)[5]);
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
     * directory, told apart by its command line from any other java process there (the step itself
     * writes versions.yml, so today it is the task's only one).
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
