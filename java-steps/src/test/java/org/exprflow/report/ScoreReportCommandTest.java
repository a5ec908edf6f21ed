package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * score-report through the CLI, on what {@code exprflow score} writes for the two prediction files of
 * -profile test_score: one page with both models side by side (table and one plot each, named after
 * the model), the numbers of each score JSON, axis labels without a doubled "predicted", and the
 * error contract.
 */
@Tag("unit")
class ScoreReportCommandTest {
    private static final Path DATA = TestEnvironment.projectDir().resolve("test-data/score");

    @TempDir
    Path dir;

    /** The test_score profile's options, as conf/test_score.config gives them. */
    private void score(String id, String predictions) {
        Cli.Result r = Cli.run("score", "--predictions", DATA.resolve(predictions).toString(),
                "--measurements", DATA.resolve("measured_tpm.csv").toString(),
                "--id-map", DATA.resolve("transcript_to_gene.tsv").toString(), "--meas-value-column", "TPM",
                "--map-from-column", "Transcript stable ID", "--map-to-column", "Gene stable ID",
                "--transform", "log2p1", "--duplicates", "mean",
                "--output-tsv", dir.resolve(id + ".score.tsv").toString(), "--output-json", dir.resolve(id + ".score.json").toString(),
                "--output-pairs", dir.resolve(id + ".pairs.tsv").toString());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @BeforeEach
    void scoreBothModels() {
        score("model_a", "model_a.tsv");
        score("model_b", "model_b.txt");
    }

    private Cli.Result report(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("score-report"));
        for (String id : List.of("model_a", "model_b")) {
            args.addAll(List.of("--name", id, "--score", dir.resolve(id + ".score.json").toString(),
                    "--pairs", dir.resolve(id + ".pairs.tsv").toString()));
        }
        args.addAll(List.of("--output", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String metric(Path tsv, String name) throws IOException {
        return Files.readAllLines(tsv).stream().filter(l -> l.startsWith(name + "\t")).findFirst().orElseThrow().split("\t")[1];
    }

    @Test
    void onePageComparesBothModelsSideBySide() throws IOException {
        Path out = dir.resolve("scores.html");
        Cli.Result r = report(out);
        assertEquals(0, r.exitCode(), r.stderr());
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(2, html.split("<td class=\"learner\">", -1).length - 1, "one table row per model");
        for (String id : List.of("model_a", "model_b")) {
            double r2 = Double.parseDouble(metric(dir.resolve(id + ".score.tsv"), "pearson"));
            double mae = Double.parseDouble(metric(dir.resolve(id + ".score.tsv"), "mae"));
            double baseMae = Double.parseDouble(metric(dir.resolve(id + ".score.tsv"), "baseline_mae"));
            assertTrue(html.contains("<td class=\"learner\">" + id + "</td>"), id);
            assertTrue(html.contains("<figcaption><strong>" + id + "</strong></figcaption>"), "a plot named after " + id);
            assertTrue(html.contains(id + ": Pearson r " + String.format(java.util.Locale.ROOT, "%.3f", r2)), html);
            assertTrue(html.contains("<td>" + String.format(java.util.Locale.ROOT, "%.3f", mae) + "</td>"), id + " MAE");
            assertTrue(html.contains("MAE " + String.format(java.util.Locale.ROOT, "%.3f", mae) + " against "
                    + String.format(java.util.Locale.ROOT, "%.3f", baseMae) + " for the mean baseline"), html);
        }
        assertTrue(html.contains("Highest Pearson r: <strong>"), html);
        // model_a's column is named predicted_log2_tpm: shown once, never "predicted predicted_log2_tpm"
        assertTrue(html.contains(">predicted_log2_tpm</text>"), html);
        assertFalse(html.contains("predicted predicted"), html);
        assertTrue(html.contains(">measured TPM, log2(x + 1)</text>"), html);
        assertFalse(html.contains("<script"), "self-contained");
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws IOException {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        assertEquals(0, report(a).exitCode());
        assertEquals(0, report(b).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void aNameGivenTwiceIsAOneLineUsageError() {
        Path out = dir.resolve("twice.html");
        Cli.run("score-report", "--name", "m", "--score", dir.resolve("model_a.score.json").toString(),
                "--name", "m", "--score", dir.resolve("model_b.score.json").toString(), "--output", out.toString())
                .assertOneLineError(2, "--name 'm' is given twice");
        assertFalse(Files.exists(out));
    }

    @Test
    void aFileThatIsNotAScoreJsonIsAOneLineErrorWithoutOutput() throws IOException {
        Path notScore = dir.resolve("qc.json");
        Files.writeString(notScore, "{\"exprflow_kind\": \"qc\", \"exprflow_format\": 1}\n");
        Path out = dir.resolve("bad.html");
        Cli.run("score-report", "--name", "m", "--score", notScore.toString(), "--output", out.toString())
                .assertOneLineError(3, notScore.toString());
        assertFalse(Files.exists(out));
    }
}
