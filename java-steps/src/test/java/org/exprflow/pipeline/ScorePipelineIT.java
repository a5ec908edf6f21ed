package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis score through ./nextfloww with -profile test_score (the hand-written tables in
 * test-data/score, described in test-data/README.md): one SCORE task per predictions file of the
 * glob; every published file is byte-identical to what `exprflow score` writes when a user runs it
 * on the same files with the same options; the join counts are those the fixtures were written to
 * give; a ragged predictions row fails the run with the step's own one-line error naming the file
 * and line; a missing predictions file stops the run before any task.
 */
@Tag("pipeline")
class ScorePipelineIT {
    private static final Path DATA = TestEnvironment.projectDir().resolve("test-data/score");

    /** meta.id (file name without extensions) -> the predictions file of -profile test_score. */
    private static final Map<String, String> MODELS = Map.of("model_a", "model_a.tsv", "model_b", "model_b.txt");

    private static ResumeIT.Launch launch;
    private static ResumeIT.Result run;

    @BeforeAll
    static void runTestScoreProfile() throws Exception {
        launch = new ResumeIT.Launch("score");
        run = launch.run("ok", Map.of(), "-profile", "test_score");
        assertEquals(0, run.exitCode(), run.describe());
    }

    private static Path published(String relative) {
        Path f = run.outdir().resolve(relative);
        assertTrue(Files.isRegularFile(f), relative + " was not published: " + run.describe());
        return f;
    }

    /**
     * The options conf/test_score.config sets, written as the step's own options: what a user
     * scoring these files by hand would type. Kept apart from the profile on purpose, so that a
     * parameter the pipeline drops or mistranslates shows up as a difference in the outputs.
     */
    private static List<String> profileOptions() {
        return List.of("--measurements", DATA.resolve("measured_tpm.csv").toString(),
                "--id-map", DATA.resolve("transcript_to_gene.tsv").toString(),
                "--meas-value-column", "TPM",
                "--map-from-column", "Transcript stable ID", "--map-to-column", "Gene stable ID",
                "--transform", "log2p1", "--duplicates", "mean");
    }

    /** bin/exprflow ARGS in directory dir, with the jar under test; returns [exit code, stderr]. */
    private static Object[] cli(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestEnvironment.projectDir().resolve("bin/exprflow").toString()));
        command.addAll(args);
        Path err = Files.createTempFile(launch.dir, "cli-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        String jar = System.getProperty("exprflow.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            pb.environment().put("EXPRFLOW_JAR", jar);
        }
        // Outside a task: bin/exprflow must not add its task-memory line to stderr.
        pb.environment().remove("EXPRFLOW_TASK_MEMORY_MB");
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("exprflow " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Object[] {p.exitValue(), Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void oneTaskPerPredictionsFile() {
        List<ResumeIT.Task> tasks = run.of("SCORE_PREDICTIONS:SCORE");
        assertEquals(2, tasks.size(), run.describe());
        assertEquals(List.of("model_a", "model_b"), tasks.stream().map(t -> t.fields().get("tag")).sorted().toList());
        tasks.forEach(t -> assertEquals("COMPLETED", t.status(), t.toString()));
    }

    @Test
    void publishedFilesAreByteIdenticalToTheCliStep() throws Exception {
        for (Map.Entry<String, String> model : MODELS.entrySet()) {
            String id = model.getKey();
            Path out = Files.createDirectories(launch.dir.resolve("cli-" + id));
            List<String> args = new ArrayList<>(List.of("score", "--predictions", DATA.resolve(model.getValue()).toString()));
            args.addAll(profileOptions());
            args.addAll(List.of("--output-tsv", out.resolve("m.tsv").toString(), "--output-json", out.resolve("m.json").toString(),
                    "--output-pairs", out.resolve("pairs.tsv").toString()));
            Object[] result = cli(out, args);
            assertEquals(0, result[0], "exprflow score on " + model.getValue() + ": " + result[1]);
            Map<String, Path> expected = Map.of("metrics/" + id + ".score.tsv", out.resolve("m.tsv"),
                    "metrics/" + id + ".score.json", out.resolve("m.json"),
                    "predictions/" + id + ".pairs.tsv", out.resolve("pairs.tsv"));
            for (Map.Entry<String, Path> e : expected.entrySet()) {
                assertEquals(-1L, Files.mismatch(e.getValue(), published(e.getKey())),
                        e.getKey() + " differs from the CLI's " + e.getValue());
            }
        }
    }

    /**
     * Issue 14: the human-readable result is one HTML page for every predictions file (no SVG per
     * file), byte-identical to what `exprflow score-report` writes from the CLI step's own outputs.
     */
    @Test
    void oneHtmlReportComparesEveryPredictionsFile() throws Exception {
        List<ResumeIT.Task> tasks = run.of("SCORE_PREDICTIONS:SCORE_REPORT");
        assertEquals(1, tasks.size(), run.describe());
        try (var files = Files.list(run.outdir().resolve("report"))) {
            assertEquals(List.of("measured_tpm.score_report.html"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        String html = Files.readString(published("report/measured_tpm.score_report.html"));
        for (String id : List.of("model_a", "model_b")) {
            assertTrue(html.contains("<td class=\"learner\">" + id + "</td>"), id + " in the table");
            assertTrue(html.contains("<figcaption><strong>" + id + "</strong></figcaption>"), id + "'s plot");
        }
        assertTrue(html.contains(">predicted_log2_tpm</text>") && !html.contains("predicted predicted"), "axis label");

        Path out = Files.createDirectories(launch.dir.resolve("cli-report"));
        List<String> args = new ArrayList<>(List.of("score-report"));
        for (String id : List.of("model_a", "model_b")) {
            args.addAll(List.of("--name", id, "--score", published("metrics/" + id + ".score.json").toString(),
                    "--pairs", published("predictions/" + id + ".pairs.tsv").toString()));
        }
        args.addAll(List.of("--output", out.resolve("r.html").toString()));
        Object[] result = cli(out, args);
        assertEquals(0, result[0], "exprflow score-report: " + result[1]);
        assertEquals(-1L, Files.mismatch(out.resolve("r.html"), published("report/measured_tpm.score_report.html")));
    }

    /** metric -> value of a published metrics table. */
    private static Map<String, String> metrics(String id) throws IOException {
        List<String> lines = Files.readAllLines(published("metrics/" + id + ".score.tsv"));
        assertEquals("## exprflow score-metrics 1", lines.get(0));
        assertEquals("metric\tvalue", lines.get(1));
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split("\t");
            out.put(f[0], f[1]);
        }
        return out;
    }

    @Test
    void joinCountsAreThoseTheFixturesWereWrittenToGive() throws IOException {
        // model_a.tsv: 12 rows; ENST00000999999 is not in the map; ENST00000991002/991003 are two
        // transcripts of ENSG00000990002 (averaged); ENST00000991011 maps to ENSG00000990013, which
        // is not measured; ENST00000991009 (ENSG00000990008) is NA, so it is joined but not scored.
        // 10 gene ids, 9 measured; measured genes 10, 11, 12 have no prediction.
        Map<String, String> a = metrics("model_a");
        assertEquals("12", a.get("predictions_rows"));
        assertEquals("1", a.get("predictions_unmapped_ids"));
        assertEquals("10", a.get("predictions_ids"));
        assertEquals("1", a.get("predictions_duplicated_ids"));
        assertEquals("12", a.get("measurements_rows"));
        assertEquals("12", a.get("measurements_ids"));
        assertEquals("9", a.get("matched"));
        assertEquals("1", a.get("unmatched_predictions"));
        assertEquals("3", a.get("unmatched_measurements"));
        assertEquals("8", a.get("scored"));
        // model_b.txt: 9 headerless rows, every transcript mapped to a different measured gene, with
        // versions that differ from the map's and the measurements' (the join strips them);
        // measured genes 8, 11, 12 have no prediction.
        Map<String, String> b = metrics("model_b");
        assertEquals("9", b.get("predictions_rows"));
        assertEquals("0", b.get("predictions_unmapped_ids"));
        assertEquals("9", b.get("predictions_ids"));
        assertEquals("9", b.get("matched"));
        assertEquals("0", b.get("unmatched_predictions"));
        assertEquals("3", b.get("unmatched_measurements"));
        assertEquals("9", b.get("scored"));
        // The predictions were written to follow log2(TPM + 1) with small errors: a high r on the
        // log2p1 scale, and a model clearly better than predicting the mean.
        for (Map<String, String> m : List.of(a, b)) {
            assertTrue(Double.parseDouble(m.get("pearson")) > 0.9, m.toString());
            assertTrue(Double.parseDouble(m.get("rmse")) < Double.parseDouble(m.get("baseline_rmse")), m.toString());
        }
    }

    @Test
    void raggedPredictionsRowFailsWithTheStepsOneLineError() throws Exception {
        // Line 3 has a third column; the staged name inside the task is predictions/ragged.tsv.
        Path cliDir = Files.createDirectories(launch.dir.resolve("cli-ragged/predictions"));
        String ragged = "ENST00000991001.1\t3.2\nENST00000991002.3\t6.1\nENST00000991004.2\t1.6\textra\nENST00000991005.1\t4.4\n";
        Path file = Files.writeString(cliDir.resolve("ragged.tsv"), ragged);

        ResumeIT.Result bad = launch.run("ragged", Map.of(), "-profile", "test_score", "--predictions", file.toString());
        assertNotEquals(0, bad.exitCode(), bad.describe());
        List<ResumeIT.Task> tasks = bad.of("SCORE_PREDICTIONS:SCORE");
        assertEquals(1, tasks.size(), bad.describe());
        assertEquals("FAILED", tasks.get(0).status(), bad.describe());
        assertEquals("3", tasks.get(0).fields().get("exit"), "exit 3 (bad input file), not retried: " + bad.describe());
        assertFalse(Files.exists(bad.outdir().resolve("metrics")), "a failed scoring published metrics");

        // The same file through the CLI, from the directory holding predictions/ragged.tsv, so that
        // the message names the file exactly as the task does.
        List<String> args = new ArrayList<>(List.of("score", "--predictions", "predictions/ragged.tsv"));
        args.addAll(profileOptions());
        args.addAll(List.of("--output-tsv", "m.tsv", "--output-json", "m.json"));
        Object[] cli = cli(cliDir.getParent(), args);
        assertEquals(3, cli[0], (String) cli[1]);
        List<String> cliLines = ((String) cli[1]).lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, cliLines.size(), "the step writes one line: " + cli[1]);
        String expected = cliLines.get(0);
        assertTrue(expected.startsWith("score: error: predictions/ragged.tsv:3: "), expected);

        List<String> errors = bad.output().lines().map(String::trim).filter(l -> l.startsWith("score: error: ")).toList();
        assertEquals(List.of(expected), errors, bad.output());
    }

    @Test
    void missingPredictionsFileStopsTheRunBeforeAnyTask() throws Exception {
        String missing = DATA.resolve("no_such_model.tsv").toString();
        ResumeIT.Result bad = launch.run("missing", Map.of(), "-profile", "test_score",
                "--predictions", DATA.resolve("model_a.tsv") + "," + missing);
        assertEquals(2, bad.exitCode(), bad.describe());
        List<String> errors = bad.output().lines().filter(l -> l.contains("error")).toList();
        assertEquals(List.of("exprflow: error: --predictions: file '" + missing + "' does not exist"), errors, bad.output());
        // The launch directory's work/ holds the earlier runs' tasks, so look at this run's own record.
        assertEquals(List.of(), bad.trace(), "a task ran: " + bad.describe());
        assertFalse(bad.output().contains("Submitted process"), bad.output());
    }

    /** MultiQC's custom content has one row per predictions file; with multiqc on PATH its report shows them. */
    @Test
    void multiqcShowsEveryPredictionsFile() throws IOException {
        for (String id : MODELS.keySet()) {
            String table = Files.readString(published("multiqc/custom_content/" + id + ".score_mqc.tsv"));
            assertTrue(table.startsWith("# id: exprflow_score\n"), table);
            String pearson = Files.readAllLines(published("metrics/" + id + ".score.tsv")).stream()
                    .filter(l -> l.startsWith("pearson\t")).findFirst().orElseThrow().split("\t")[1];
            assertTrue(table.contains("\n" + id + "\t") && table.contains("\t" + pearson + "\t"), table);
        }
        TestEnvironment.tool("multiqc");
        assertTrue(Files.readString(published("multiqc/multiqc_report.html")).contains("<h2 id=\"exprflow_score\">Scored predictions"));
        List<String> rows = Files.readAllLines(published("multiqc/multiqc_report_data/multiqc_exprflow_score_table.txt"));
        assertEquals(List.of("model_a", "model_b"), rows.stream().skip(1).map(l -> l.split("\t")[0]).toList());
    }
}
