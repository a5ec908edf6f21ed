package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.exprflow.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report step end to end: sections, numbers, self-containment and determinism. */
@Tag("unit")
class ReportCommandTest {
    private static final String QC_JSON = """
            {"dataset": "golub-fixture",
             "samples": [
               {"id": "P01", "missing_fraction": 0, "quantiles": [1.5, 5, 7.25, 9, 14], "mean": 7.1, "mean_correlation": 0.91, "outlier": false},
               {"id": "P02", "missing_fraction": 0.01, "quantiles": [1, 4.5, 7, 8.5, 13], "mean": 6.8, "mean_correlation": 0.9, "outlier": false},
               {"id": "P03<x>", "missing_fraction": 0.2, "quantiles": [3, 8, 10, 12, 16], "mean": 10.2, "mean_correlation": 0.42, "outlier": true}
             ],
             "features": {"count": 7129, "constant": 3, "near_constant": 12, "duplicated_ids": 0},
             "classes": {"label": {"ALL": 2, "AML": 1}},
             "checks": [
               {"name": "missing_values", "status": "warn", "value": 0.07, "warn": 0.05, "fail": 0.2, "message": "some values are missing"},
               {"name": "outlier_samples", "status": "fail", "value": 1, "warn": 0, "fail": 1, "message": "P03<x> is an outlier"}
             ]}
            """;
    private static final String HEADER = "set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:ALL\tprob:AML\n";

    @TempDir
    Path dir;
    private Path qc;
    private Path metrics;
    private Path predictions;

    /** qc.json as agreed with the qc step, and metrics and merged predictions made by evaluate. */
    @BeforeEach
    void inputs() throws IOException {
        qc = dir.resolve("qc.json");
        Files.writeString(qc, QC_JSON);
        Path folds = dir.resolve("folds.tsv");
        // model: 5 of 6 right (AML s6 predicted ALL); ZeroR always ALL.
        Files.writeString(folds, HEADER
                + "cv\t1\t1\ts1\tmodel\tALL\tALL\t0.9\t0.1\n" + "cv\t1\t1\ts1\tZeroR\tALL\tALL\t0.6\t0.4\n"
                + "cv\t1\t1\ts2\tmodel\tAML\tAML\t0.2\t0.8\n" + "cv\t1\t1\ts2\tZeroR\tAML\tALL\t0.6\t0.4\n"
                + "cv\t1\t1\ts3\tmodel\tALL\tALL\t0.7\t0.3\n" + "cv\t1\t1\ts3\tZeroR\tALL\tALL\t0.6\t0.4\n"
                + "cv\t1\t2\ts4\tmodel\tALL\tALL\t0.8\t0.2\n" + "cv\t1\t2\ts4\tZeroR\tALL\tALL\t0.6\t0.4\n"
                + "cv\t1\t2\ts5\tmodel\tALL\tALL\t0.6\t0.4\n" + "cv\t1\t2\ts5\tZeroR\tALL\tALL\t0.6\t0.4\n"
                + "cv\t1\t2\ts6\tmodel\tAML\tALL\t0.6\t0.4\n" + "cv\t1\t2\ts6\tZeroR\tAML\tALL\t0.6\t0.4\n");
        metrics = dir.resolve("metrics.json");
        predictions = dir.resolve("all.tsv");
        assertEquals(0, Main.run("--quiet", "evaluate", "--predictions", folds.toString(),
                "--output-tsv", dir.resolve("metrics.tsv").toString(), "--output-json", metrics.toString(),
                "--output-predictions", predictions.toString()));
    }

    private String report(String name, String... inputs) throws IOException {
        Path out = dir.resolve(name);
        String[] args = new String[4 + inputs.length];
        args[0] = "--quiet";
        args[1] = "report";
        args[2] = "--output";
        args[3] = out.toString();
        System.arraycopy(inputs, 0, args, 4, inputs.length);
        assertEquals(0, Main.run(args));
        return Files.readString(out);
    }

    @Test
    void fullReportHasEverySectionAndTheNumbers() throws IOException {
        String html = report("r.html", "--qc", qc.toString(), "--metrics", metrics.toString(),
                "--predictions", predictions.toString(), "--title", "Golub & co");
        assertTrue(html.contains("<title>Golub &amp; co</title>"));
        for (String id : new String[] {"summary", "qc", "metrics", "roc"}) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        // run summary
        assertTrue(html.contains("<td>golub-fixture</td>"));
        assertTrue(html.contains("<td>2: ALL, AML</td>"));
        assertTrue(html.contains("<td>3 (1 flagged as outliers)</td>"));
        // QC: one box per sample, the outlier flagged, escaped; checks with their status
        assertEquals(3, count(html, "<g class=\"box"));
        assertEquals(1, count(html, "<g class=\"box flagged\">"));
        assertTrue(html.contains("1 of 3 samples flagged: P03&lt;x&gt;"));
        assertTrue(html.contains("<td class=\"status fail\">fail</td>"));
        assertTrue(html.contains("<td class=\"status warn\">warn</td>"));
        assertTrue(html.contains("<th>duplicated ids</th><td>0</td>"));
        // metrics: model accuracy 5/6, ZeroR 4/6; folds 1 and 2/3 -> mean 0.833, SD 0.236
        assertTrue(html.contains("<th>CV model</th><th>CV ZeroR</th>"));
        assertTrue(html.contains("<tr><th>accuracy</th><td>0.833</td><td>0.667</td></tr>"), html);
        assertTrue(html.contains("<td>0.833 ± 0.236</td>"));
        // confusion heatmap counts: model [[4,0],[1,1]]
        assertTrue(html.contains("truth AML, predicted ALL: 1</title>"));
        assertTrue(html.contains("truth ALL, predicted ALL: 4</title>"));
        // ROC: AML scores s2 0.8, s6 0.4 vs ALL rows 0.1, 0.3, 0.2, 0.4 -> s2 wins 4, s6 wins 3 and ties 1:
        // (4 + 3.5) / 8 = 0.9375; ALL's scores are 1 − AML's, the same ties mirrored.
        assertTrue(html.contains("AML (AUC 0.938)"), html);
        assertTrue(html.contains("ALL (AUC 0.938)"));
    }

    @Test
    void reportIsSelfContainedAndDeterministic() throws IOException {
        String[] inputs = {"--qc", qc.toString(), "--metrics", metrics.toString(), "--predictions", predictions.toString()};
        String first = report("a.html", inputs);
        Locale saved = Locale.getDefault();
        try {
            // A locale with a decimal comma must not change a single byte.
            Locale.setDefault(Locale.GERMANY);
            report("b.html", inputs);
        } finally {
            Locale.setDefault(saved);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.html")), Files.readAllBytes(dir.resolve("b.html")));
        String lower = first.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http://") || lower.contains("https://") || lower.contains("<script")
                || lower.contains("<link") || lower.contains("url("));
        assertFalse(first.contains(dir.toString()), "the report must not contain input paths");
    }

    @Test
    void rendersOnlyTheGivenInputs() throws IOException {
        String qcOnly = report("qc.html", "--qc", qc.toString());
        assertTrue(qcOnly.contains("<section id=\"qc\">"));
        assertFalse(qcOnly.contains("<section id=\"metrics\">") || qcOnly.contains("<section id=\"roc\">"));
        String rocOnly = report("roc.html", "--predictions", predictions.toString());
        assertTrue(rocOnly.contains("<section id=\"roc\">"));
        assertFalse(rocOnly.contains("<section id=\"qc\">") || rocOnly.contains("<section id=\"metrics\">"));
        assertTrue(rocOnly.contains("<td>2: ALL, AML</td>"));
    }

    @Test
    void toleratesQcJsonWithMissingFields() throws IOException {
        Path sparse = dir.resolve("sparse.json");
        Files.writeString(sparse, "{\"samples\": [{\"id\": \"S1\"}], \"extra\": {\"new_field\": [1, 2]}}");
        String html = report("sparse.html", "--qc", sparse.toString());
        assertTrue(html.contains("No sample was flagged as an outlier."));
        assertFalse(html.contains("<svg"), "a sample without quantiles has no box to draw");
    }

    @Test
    void malformedJsonIsAOneLineErrorWithoutOutput() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"dataset\": \"x\", \"samples\": [");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Main.run("report", "--output", dir.resolve("bad.html").toString(), "--qc", broken.toString());
        } finally {
            System.setErr(saved);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("report: error: ") && message.contains("broken.json: invalid JSON"), message);
        assertFalse(Files.exists(dir.resolve("bad.html")));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
