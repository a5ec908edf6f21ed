package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What -resume guarantees, on the real pipeline (-profile test) through ./nextfloww. The scenarios
 * are chained in one launch directory (one Nextflow session, one cache), in order:
 * <ol>
 * <li>a: a fresh run (also the reference whose metric files SlurmIT and ContainerIT compare with);</li>
 * <li>b: -resume with nothing changed: every task CACHED;</li>
 * <li>c: -resume with only process.memory changed: every task CACHED (the heap follows the memory
 * through the environment, not the script);</li>
 * <li>d: -resume with --top_k changed, the smaller memory, and the test-only fault switch making
 * attempt 1 of EVALUATE exit 137: IMPORT, QC, NORMALISE, SPLIT cached, the training stages and
 * what follows them rerun; TRAIN logs the smaller heap; EVALUATE is retried with more memory;</li>
 * <li>e: -resume with a rebuilt jar (different bytes: an extra resource), SIGKILLed once a TRAIN
 * task has started: every stage reruns (the jar's SHA-256 is in every script);</li>
 * <li>f: -resume after the kill finishes: the tasks e finished are CACHED, and the metric files are
 * byte-identical to the uninterrupted run a.</li>
 * </ol>
 */
@Tag("pipeline")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResumeIT {

    static final long TIMEOUT_MINUTES = 15;

    /** The published files that must be byte-identical between runs, executors and containers. */
    static final List<String> METRIC_FILES = List.of("metrics/matrix.metrics.tsv", "metrics/matrix.metrics.json",
            "metrics/matrix.selection.tsv", "predictions/matrix.predictions.tsv");

    /** Processes upstream of training (cached when only a model parameter changes). */
    static final Set<String> UPSTREAM = Set.of("CLASSIFY:IMPORT", "CLASSIFY:QC", "CLASSIFY:NORMALISE", "CLASSIFY:SPLIT");
    /** Processes that depend on the model parameters. */
    static final Set<String> DOWNSTREAM = Set.of("CLASSIFY:TRAIN_CV", "CLASSIFY:TRAIN_FINAL", "CLASSIFY:PERMUTE",
            "CLASSIFY:PREDICT_HELDOUT", "CLASSIFY:EVALUATE", "CLASSIFY:REPORT");

    /** One trace row: field name to value. */
    record Task(Map<String, String> fields) {
        String process() {
            return fields.get("process");
        }

        String status() {
            return fields.get("status");
        }

        String hash() {
            return fields.get("hash");
        }

        int attempt() {
            return Integer.parseInt(fields.get("attempt"));
        }

        @Override
        public String toString() {
            return fields.get("name") + " " + fields.get("hash") + " " + status() + " exit " + fields.get("exit")
                    + " attempt " + fields.get("attempt") + " memory " + fields.get("memory");
        }
    }

    /** A finished run: exit code, console output, its --outdir, and the trace's rows. */
    record Result(int exitCode, String output, Path outdir, Path work, List<Task> trace) {
        List<Task> of(String process) {
            return trace.stream().filter(t -> t.process().equals(process)).toList();
        }

        String describe() {
            return "exit " + exitCode + "\n" + trace.stream().map(Task::toString).collect(Collectors.joining("\n"))
                    + "\n--- output:\n" + output;
        }

        /** The task directory of a trace row (its hash is the first characters of the path). */
        Path taskDir(Task task) throws IOException {
            String[] parts = task.hash().split("/");
            try (Stream<Path> dirs = Files.list(work.resolve(parts[0]))) {
                return dirs.filter(d -> d.getFileName().toString().startsWith(parts[1])).findFirst()
                        .orElseThrow(() -> new AssertionError("no work directory for " + task));
            }
        }
    }

    /**
     * A launch directory: the working directory of ./nextfloww, so its .nextflow/ (history and the
     * cache of -resume) belongs to the runs made here only. Work directory: DIR/work; each run
     * publishes to DIR/NAME.
     */
    static final class Launch {
        final Path dir;

        Launch(String name) throws IOException {
            dir = Files.createTempDirectory("exprflow-" + name + "-");
        }

        Result run(String name, Map<String, String> env, String... args) throws IOException, InterruptedException {
            Process p = start(name, env, args);
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("run " + name + " did not finish in " + TIMEOUT_MINUTES + " minutes: " + Files.readString(out(name)));
            }
            return result(name, p.exitValue());
        }

        Process start(String name, Map<String, String> env, String... args) throws IOException {
            Path projectDir = TestEnvironment.projectDir();
            List<String> command = new ArrayList<>(List.of(projectDir.resolve("nextfloww").toString(),
                    "-log", dir.resolve(name + ".nextflow.log").toString(), "run", projectDir.toString(),
                    "-ansi-log", "false", "-w", dir.resolve("work").toString(), "--outdir", dir.resolve(name).toString()));
            command.addAll(Arrays.asList(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.redirectOutput(out(name).toFile());
            String jar = System.getProperty("exprflow.jar");
            if (jar != null && Files.isRegularFile(Path.of(jar))) {
                pb.environment().put("EXPRFLOW_JAR", jar);
            }
            pb.environment().putAll(env);
            return pb.start();
        }

        Path out(String name) {
            return dir.resolve(name + ".out");
        }

        Result result(String name, int exitCode) throws IOException {
            Path outdir = dir.resolve(name);
            return new Result(exitCode, Files.readString(out(name), StandardCharsets.UTF_8), outdir, dir.resolve("work"),
                    readTrace(outdir));
        }
    }

    static List<Task> readTrace(Path outdir) throws IOException {
        Path info = outdir.resolve("pipeline_info");
        if (!Files.isDirectory(info)) {
            return List.of();
        }
        List<Path> traces;
        try (Stream<Path> files = Files.list(info)) {
            traces = files.filter(f -> f.getFileName().toString().matches("execution_trace_.*\\.tsv")).toList();
        }
        if (traces.isEmpty()) {
            return List.of();
        }
        assertEquals(1, traces.size(), "one trace per outdir: " + traces);
        List<String> lines = Files.readAllLines(traces.get(0));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        List<Task> tasks = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < values.length; i++) {
                row.put(header.get(i), values[i]);
            }
            tasks.add(new Task(row));
        }
        return tasks;
    }

    /** Asserts that the metric files of two runs are byte-identical (what `cmp` checks). */
    static void assertSameMetrics(Result expected, Result actual) throws IOException {
        for (String f : METRIC_FILES) {
            Path a = expected.outdir().resolve(f);
            Path b = actual.outdir().resolve(f);
            assertTrue(Files.isRegularFile(b), f + " missing: " + actual.describe());
            assertEquals(-1L, Files.mismatch(a, b), f + " differs between " + expected.outdir() + " and " + actual.outdir());
        }
    }

    // --- the shared reference run (run a) --------------------------------------------------------

    private static Launch launch;
    private static Result reference;

    /** Run a: -profile test, fresh. Made once per JVM; SlurmIT and ContainerIT compare with it too. */
    static synchronized Result reference() throws IOException, InterruptedException {
        if (reference == null) {
            launch = new Launch("resume");
            reference = launch.run("a", Map.of(), "-profile", "test");
            assertEquals(0, reference.exitCode(), reference.describe());
        }
        return reference;
    }

    private static Result runD;

    @Test
    @Order(1)
    void freshRunCompletesEveryTask() throws Exception {
        Result a = reference();
        assertTrue(a.trace().size() >= 13, a.describe());
        a.trace().forEach(t -> assertEquals("COMPLETED", t.status(), t.toString()));
    }

    @Test
    @Order(2)
    void resumeWithNothingChangedRunsNothing() throws Exception {
        Result a = reference();
        Result b = launch.run("b", Map.of(), "-profile", "test", "-resume");
        assertEquals(0, b.exitCode(), b.describe());
        assertEquals(a.trace().size(), b.trace().size(), b.describe());
        b.trace().forEach(t -> assertEquals("CACHED", t.status(), "executed with nothing changed: " + t));
        assertSameMetrics(a, b);
    }

    /**
     * Memory of every label halved (still within resourceLimits; retries double it), and PERMUTE's label
     * down to 1 CPU: its script then says --threads 1, but task.cpus is not in the task hash (outputs do
     * not depend on the thread count).
     */
    private static Path smallerMemoryConfig() throws IOException {
        Path config = launch.dir.resolve("memory.config");
        Files.writeString(config, """
                process {
                    withLabel: process_single { memory = { 512.MB * task.attempt } }
                    withLabel: process_low    { memory = { 1.GB * task.attempt } }
                    withLabel: process_medium { memory = { 2.GB * task.attempt } }
                    withLabel: process_parallel { memory = { 2.GB * task.attempt }; cpus = { 1 } }
                }
                """);
        return config;
    }

    @Test
    @Order(3)
    void changingOnlyMemoryKeepsEveryTaskCached() throws Exception {
        reference();
        Result c = launch.run("c", Map.of(), "-profile", "test", "-resume", "-c", smallerMemoryConfig().toString());
        assertEquals(0, c.exitCode(), c.describe());
        assertEquals(reference.trace().size(), c.trace().size(), c.describe());
        c.trace().forEach(t -> assertEquals("CACHED", t.status(), "process.memory changed the hash of " + t));
    }

    /** Run d: --top_k changed, smaller memory, and attempt 1 of every EVALUATE task exits 137. */
    private static synchronized Result runD() throws Exception {
        if (runD == null) {
            reference();
            runD = launch.run("d", Map.of("EXPRFLOW_FAULT_EXIT137", "evaluate"), "-profile", "test", "-resume",
                    "-c", smallerMemoryConfig().toString(), "--top_k", "5,20");
            assertEquals(0, runD.exitCode(), runD.describe());
        }
        return runD;
    }

    @Test
    @Order(4)
    void changingAModelParameterRerunsOnlyTrainingAndWhatFollows() throws Exception {
        Result d = runD();
        for (String process : UPSTREAM) {
            assertFalse(d.of(process).isEmpty(), process + " absent: " + d.describe());
            d.of(process).forEach(t -> assertEquals("CACHED", t.status(), "--top_k reran " + t));
        }
        for (String process : DOWNSTREAM) {
            assertFalse(d.of(process).isEmpty(), process + " absent: " + d.describe());
            assertTrue(d.of(process).stream().anyMatch(t -> t.status().equals("COMPLETED")), process + " was not rerun: "
                    + d.describe());
            d.of(process).forEach(t -> assertNotEquals("CACHED", t.status(), "--top_k did not rerun " + t));
        }
    }

    @Test
    @Order(5)
    void aTaskKilledWithExit137IsRetriedWithMoreMemory() throws Exception {
        Result d = runD();
        List<Task> evaluate = d.of("CLASSIFY:EVALUATE");
        Task first = evaluate.stream().filter(t -> t.attempt() == 1).findFirst()
                .orElseThrow(() -> new AssertionError("no attempt 1 of EVALUATE: " + d.describe()));
        Task second = evaluate.stream().filter(t -> t.attempt() == 2).findFirst()
                .orElseThrow(() -> new AssertionError("EVALUATE was not retried: " + d.describe()));
        assertEquals("137", first.fields().get("exit"), first.toString());
        assertEquals("COMPLETED", second.status(), second.toString());
        assertEquals("1 GB", first.fields().get("memory"), first.toString());
        assertEquals("2 GB", second.fields().get("memory"), second.toString());
        // The retry's JVM really got the bigger heap (75% of the task memory).
        assertTrue(Files.readString(d.taskDir(first).resolve(".command.err")).contains("-Xmx768m"), first.toString());
        assertTrue(Files.readString(d.taskDir(second).resolve(".command.err")).contains("-Xmx1536m"), second.toString());
    }

    @Test
    @Order(6)
    void theHeapFollowsTheTaskMemoryWhenATaskRuns() throws Exception {
        Result d = runD();
        Task trainA = reference.of("CLASSIFY:TRAIN_FINAL").get(0);
        Task trainD = d.of("CLASSIFY:TRAIN_FINAL").get(0);
        String errA = Files.readString(reference.taskDir(trainA).resolve(".command.err"));
        String errD = Files.readString(d.taskDir(trainD).resolve(".command.err"));
        assertTrue(errA.contains("exprflow: train: attempt 1, task memory 3072 MB") && errA.contains("-Xmx2304m"), errA);
        assertTrue(errD.contains("exprflow: train: attempt 1, task memory 2048 MB") && errD.contains("-Xmx1536m"), errD);
    }

    /** The jar with one more (unused) resource: other bytes, other SHA-256, same behaviour. */
    private static Path rebuiltJar() throws IOException {
        Path original = Path.of(System.getProperty("exprflow.jar", TestEnvironment.projectDir()
                .resolve("java-steps/target/exprflow.jar").toString()));
        Path copy = launch.dir.resolve("exprflow-rebuilt.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("META-INF/exprflow-resume-test.txt"));
            out.write("a harmless change: the jar's bytes differ, its behaviour does not\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return copy;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file); OutputStream out = OutputStream.nullOutputStream()) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final Pattern SUBMITTED = Pattern.compile("\\[([0-9a-f]{2}/[0-9a-f]{6})\\] Submitted process > (\\S+)");

    /** Process name -> hashes of the tasks a run's console output says were submitted. */
    private static Map<String, List<String>> submitted(String output) {
        Map<String, List<String>> result = new HashMap<>();
        Matcher m = SUBMITTED.matcher(output);
        while (m.find()) {
            result.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
        }
        return result;
    }

    @Test
    @Order(7)
    void aRebuiltJarRerunsTheStagesAndResumeAfterSigkillFinishesIdentically() throws Exception {
        Result a = reference();
        Path jar2 = rebuiltJar();
        Map<String, String> env = Map.of("EXPRFLOW_JAR", jar2.toString());

        // Run e: SIGKILL to the Nextflow driver as soon as a TRAIN task has started running.
        Process e = launch.start("e", env, "-profile", "test", "-resume");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        Path trainStarted = null;
        while (trainStarted == null) {
            assertTrue(e.isAlive(), "run e ended before training: " + Files.readString(launch.out("e")));
            assertTrue(System.nanoTime() < deadline, "no TRAIN task started: " + Files.readString(launch.out("e")));
            Map<String, List<String>> sub = submitted(Files.readString(launch.out("e")));
            for (String process : List.of("CLASSIFY:TRAIN_CV", "CLASSIFY:TRAIN_FINAL")) {
                for (String hash : sub.getOrDefault(process, List.of())) {
                    Path begin = beginFile(launch.dir.resolve("work"), hash);
                    if (begin != null) {
                        trainStarted = begin;
                    }
                }
            }
            Thread.sleep(200);
        }
        List<ProcessHandle> tasks = e.descendants().toList();
        e.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertTrue(e.waitFor(30, TimeUnit.SECONDS));
        tasks.forEach(ProcessHandle::destroyForcibly); // as if the node went down with the driver
        assertEquals(137, e.exitValue());
        String outE = Files.readString(launch.out("e"));
        Map<String, List<String>> submittedE = submitted(outE);

        // The jar's SHA-256 is in every script: nothing was taken from the cache of runs a-d.
        assertFalse(outE.contains("Cached process"), "tasks were cached across a jar change:\n" + outE);
        for (String process : List.of("CLASSIFY:IMPORT", "CLASSIFY:NORMALISE", "CLASSIFY:SPLIT")) {
            assertTrue(submittedE.containsKey(process), process + " was not rerun with the new jar:\n" + outE);
            assertNotEquals(a.of(process).get(0).hash(), submittedE.get(process).get(0), process);
        }
        String sha2 = sha256(jar2);
        assertTrue(Files.readString(trainStarted.resolveSibling(".command.sh")).contains(sha2), "the new jar's SHA-256 is not in the script");

        // Run f: -resume finishes what the kill interrupted.
        Result f = launch.run("f", env, "-profile", "test", "-resume");
        assertEquals(0, f.exitCode(), f.describe());
        for (String process : List.of("CLASSIFY:IMPORT", "CLASSIFY:NORMALISE", "CLASSIFY:SPLIT")) {
            Task t = f.of(process).get(0);
            assertEquals("CACHED", t.status(), "a task finished before the kill ran again: " + t);
            assertEquals(submittedE.get(process).get(0), t.hash(), t.toString());
        }
        // Every task that finished in e is cached in f; the interrupted training ran again.
        for (Task t : f.trace()) {
            boolean finishedInE = Files.exists(launch.dir.resolve("work").resolve(t.hash().split("/")[0]))
                    && submittedE.getOrDefault(t.process(), List.of()).contains(t.hash()) && t.status().equals("CACHED");
            // MULTIQC runs multiqc, not the jar: its inputs are the same bytes as in run a, so its
            // (content-hashed) task rightly comes from run a's cache.
            if (!finishedInE && t.status().equals("CACHED") && !t.process().equals("MULTIQC")) {
                fail("cached in f but never run with the new jar: " + t);
            }
        }
        assertTrue(f.trace().stream().anyMatch(t -> t.process().startsWith("CLASSIFY:TRAIN") && t.status().equals("COMPLETED")),
                "no training ran after the kill: " + f.describe());
        assertSameMetrics(a, f);
    }

    /** work/ab/cdef12.../.command.begin of a task submitted as [ab/cdef12], or null before it starts. */
    private static Path beginFile(Path work, String hash) throws IOException {
        String[] parts = hash.split("/");
        Path bucket = work.resolve(parts[0]);
        if (!Files.isDirectory(bucket)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(bucket)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(parts[1]))
                    .map(d -> d.resolve(".command.begin")).filter(Files::exists).findFirst().orElse(null);
        }
    }
}
