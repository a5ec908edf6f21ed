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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.cli.Main;
import org.exprflow.evaluate.BootstrapInterval;
import org.exprflow.evaluate.ClassificationMetrics;
import org.exprflow.evaluate.CrossValidationSummary;
import org.exprflow.evaluate.LearnerEvaluation;
import org.exprflow.evaluate.MetricsJsonWriter;
import org.exprflow.evaluate.PermutationTest;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.evaluate.SelectionStability;
import org.exprflow.io.JsonInput;
import org.exprflow.stepfile.StepJson;
import org.exprflow.plot.Markup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report step end to end: sections, numbers, self-containment and determinism. */
@Tag("unit")
class ReportCommandTest {
    private static final String QC_JSON = """
            {"exprflow_kind": "qc", "exprflow_format": 1, "dataset": "golub-fixture",
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
    private Path folds;
    private Path metrics;
    private Path predictions;
    private Path richMetrics;

    /** qc.json as agreed with the qc step, and metrics and merged predictions made by evaluate. */
    @BeforeEach
    void inputs() throws IOException {
        qc = dir.resolve("qc.json");
        Files.writeString(qc, QC_JSON);
        folds = dir.resolve("folds.tsv");
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
        // No bootstrap: this file has none of the optional objects (interval, permutation, model_selection).
        assertEquals(0, Main.run("--quiet", "evaluate", "--predictions", folds.toString(), "--bootstrap", "0",
                "--output-tsv", dir.resolve("metrics.tsv").toString(), "--output-json", metrics.toString(),
                "--output-predictions", predictions.toString()));
        richMetrics = dir.resolve("rich.json");
        Files.writeString(richMetrics, richMetricsJson(PredictionTable.read(predictions)));
    }

    /**
     * A metrics JSON with every optional object, written by evaluate's own writer so the report is
     * tested against the real field names, but with chosen values so the expected text is exact:
     * intervals on both CV columns, a permutation test on the model (p = 1/2001, small enough to need
     * the exponent format), and the configuration chosen in three outer folds.
     */
    private static String richMetricsJson(PredictionTable table) {
        List<String> levels = table.levels();
        List<PredictionTable.Row> model = table.rows("cv", "model");
        List<PredictionTable.Row> zeroR = table.rows("cv", "ZeroR");
        double[] permuted = new double[2000];
        java.util.Arrays.fill(permuted, 0.5);
        List<LearnerEvaluation> evaluations = List.of(
                new LearnerEvaluation("cv", "model", ClassificationMetrics.of(levels, model),
                        CrossValidationSummary.of(levels, model), new BootstrapInterval(500, 0.95, 0.5, 1, 0.25, 1),
                        1.0 / 2001, new PermutationTest(permuted)),
                new LearnerEvaluation("cv", "ZeroR", ClassificationMetrics.of(levels, zeroR),
                        CrossValidationSummary.of(levels, zeroR), new BootstrapInterval(500, 0.95, 0.3333, 1, 0.5, 0.5),
                        null, null));
        SelectionStability stability = new SelectionStability(List.of(
                new SelectionStability.FoldChoice(1, 1, "weka.classifiers.functions.SMO -C 1.0 -K "
                        + "\"weka.classifiers.functions.supportVector.PolyKernel -E 1.0\"", "40", 40),
                new SelectionStability.FoldChoice(1, 2, "weka.classifiers.trees.RandomForest", "10", 10),
                new SelectionStability.FoldChoice(2, 1, "weka.classifiers.functions.SMO -M", "10", 9)),
                0.309523809524, Map.of());
        return MetricsJsonWriter.render(levels, 0, evaluations, stability);
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
    void showsIntervalsPermutationTestAndModelSelection() throws IOException {
        String html = report("rich.html", "--metrics", richMetrics.toString());
        // Intervals beside accuracy and balanced accuracy only, for each column that has them.
        assertTrue(html.contains("<tr><th>accuracy</th><td>0.833 [0.500, 1.000]</td><td>0.667 [0.333, 1.000]</td></tr>"),
                html);
        assertTrue(html.contains("<tr><th>balanced accuracy</th><td>0.750 [0.250, 1.000]</td><td>0.500 [0.500, 0.500]</td></tr>"),
                html);
        assertTrue(html.contains("<tr><th>Cohen's kappa</th><td>0.571</td><td>0.000</td></tr>"), html);
        assertEquals(1, count(html, "In brackets: 95% interval, " + BootstrapInterval.METHOD + ", 500 replicates."),
                "one note naming the method, not one per column");
        // The permutation test of the CV model, and of no other column.
        assertEquals(1, count(html, "<h3>Permutation test"));
        assertTrue(html.contains("<h3>Permutation test (CV model)</h3>"));
        assertTrue(html.contains("<tr><th>permuted labellings (N)</th><td>2000</td></tr>"));
        assertTrue(html.contains("<tr><th>observed balanced accuracy</th><td>0.750</td></tr>"));
        assertTrue(html.contains("<tr><th>mean permuted balanced accuracy</th><td>0.500</td></tr>"));
        assertTrue(html.contains("<tr><th>p</th><td>5.0e-04</td></tr>"), html);
        assertTrue(html.indexOf("<h3>Permutation test") < html.indexOf("<h3>Per class"),
                "the permutation test sits under the CV metrics");
        // Model selection: learner class names shortened, options (and nested class names) kept.
        assertTrue(html.contains("<section id=\"model-selection\">"));
        assertTrue(html.contains("genes selected in the outer folds: <strong>0.310</strong>"));
        assertTrue(html.contains("<tr><td>1</td><td>1</td><td class=\"learner\">SMO -C 1.0 -K &quot;"
                + "weka.classifiers.functions.supportVector.PolyKernel -E 1.0&quot;</td><td>40</td><td>40</td></tr>"), html);
        assertTrue(html.contains("<tr><td>1</td><td>2</td><td class=\"learner\">RandomForest</td><td>10</td><td>10</td></tr>"));
        assertTrue(html.contains("<tr><td>2</td><td>1</td><td class=\"learner\">SMO -M</td><td>10</td><td>9</td></tr>"));
    }

    @Test
    void showsWhatEvaluateWritesWithBootstrapAndPermutations() throws IOException {
        // Model CV balanced accuracy is 0.75; permuted 0.8 and 0.9 reach it: p = (1 + 2) / (4 + 1).
        Path permutations = dir.resolve("perm.tsv");
        Files.writeString(permutations, "## exprflow permutations 1\npermutation\tbalanced_accuracy\taccuracy\n"
                + "1\t0.5\t0.5\n2\t0.8\t0.8\n3\t0.4\t0.4\n4\t0.9\t0.9\n");
        Path json = dir.resolve("evaluated.json");
        assertEquals(0, Main.run("--quiet", "evaluate", "--predictions", folds.toString(), "--bootstrap", "200",
                "--permutations", permutations.toString(), "--output-tsv", dir.resolve("evaluated.tsv").toString(),
                "--output-json", json.toString()));
        String html = report("evaluated.html", "--metrics", json.toString());
        JsonNode cv = JsonFile.object(JsonFile.object(StepJson.METRICS.read(json), "sets"), "cv");
        for (String metric : new String[] {"accuracy", "balanced_accuracy"}) {
            StringBuilder row = new StringBuilder("<tr><th>" + metric.replace('_', ' ') + "</th>");
            for (String learner : new String[] {"model", "ZeroR"}) {
                JsonNode m = JsonFile.object(cv, learner);
                List<JsonNode> ci = JsonFile.list(JsonFile.object(m, "interval"), metric);
                assertEquals(2, ci.size(), learner + " " + metric);
                row.append("<td>").append(Markup.fixed(JsonFile.number(JsonFile.object(m, "overall"), metric), 3))
                        .append(" [").append(Markup.fixed(JsonFile.number(ci.get(0)), 3)).append(", ")
                        .append(Markup.fixed(JsonFile.number(ci.get(1)), 3)).append("]</td>");
            }
            assertTrue(html.contains(row + "</tr>"), row + "\n" + html);
        }
        assertTrue(html.contains("In brackets: 95% interval, " + BootstrapInterval.METHOD + ", 200 replicates."));
        assertTrue(html.contains("<tr><th>permuted labellings (N)</th><td>4</td></tr>"));
        assertTrue(html.contains("<tr><th>mean permuted balanced accuracy</th><td>0.650</td></tr>"));
        assertTrue(html.contains("<tr><th>p</th><td>0.600</td></tr>"));
        assertFalse(html.contains("model-selection"), "no --fold-models, no model-selection section");
    }

    /** Issue 14: --analysis predict with labels: the new samples' metrics, model beside ZeroR, and their ROC curves. */
    @Test
    void labelledNewSamplesGetTheirOwnColumnsAndRocCurves() throws IOException {
        Path fresh = dir.resolve("new.tsv");
        Files.writeString(fresh, "## exprflow predictions 1\n" + HEADER
                + "predict\tNA\tNA\tn1\tmodel\tALL\tALL\t0.9\t0.1\n" + "predict\tNA\tNA\tn1\tZeroR\tALL\tALL\t0.6\t0.4\n"
                + "predict\tNA\tNA\tn2\tmodel\tAML\tAML\t0.3\t0.7\n" + "predict\tNA\tNA\tn2\tZeroR\tAML\tALL\t0.6\t0.4\n"
                + "predict\tNA\tNA\tn3\tmodel\tAML\tALL\t0.6\t0.4\n" + "predict\tNA\tNA\tn3\tZeroR\tAML\tALL\t0.6\t0.4\n");
        Path json = dir.resolve("new.json");
        assertEquals(0, Main.run("--quiet", "evaluate", "--predictions", fresh.toString(), "--bootstrap", "0",
                "--output-tsv", dir.resolve("new.metrics.tsv").toString(), "--output-json", json.toString()));
        String html = report("new.html", "--metrics", json.toString(), "--predictions", fresh.toString());
        assertTrue(html.contains("<th>new samples model</th><th>new samples ZeroR</th>"), html);
        // model 2 of 3 right, balanced (1 + 1/2) / 2; ZeroR always ALL: 1/3, balanced 0.5
        assertTrue(html.contains("<tr><th>balanced accuracy</th><td>0.750</td><td>0.500</td></tr>"), html);
        assertTrue(html.contains("<tr><th>samples scored (new samples)</th><td>3 samples, 3 predictions</td></tr>"), html);
        assertTrue(html.contains("New samples with known labels (3)"), "ROC of the new samples");
    }

    @Test
    void absentOptionalObjectsRenderNothing() throws IOException {
        String html = report("plain.html", "--metrics", metrics.toString());
        assertTrue(html.contains("<tr><th>accuracy</th><td>0.833</td><td>0.667</td></tr>"));
        assertTrue(html.contains("<tr><th>balanced accuracy</th><td>0.750</td><td>0.500</td></tr>"));
        assertFalse(html.contains(" ["), "no interval without an interval object");
        assertFalse(html.contains("In brackets") || html.contains("Permutation") || html.contains("permuted")
                || html.contains("model-selection") || html.contains("Jaccard"), html);
        // Objects present but empty, or holding fields of the wrong type, are treated as absent too.
        Path odd = dir.resolve("odd.json");
        Files.writeString(odd, Files.readString(metrics).replaceFirst("\"overall\": \\{",
                "\"interval\": {\"accuracy\": [0.5]}, \"permutation\": {}, \"overall\": {")
                .replaceFirst("\\}\\s*$", ", \"model_selection\": {}}"));
        assertTrue(JsonInput.read(odd).isObject(), "the edited fixture is still valid JSON");
        String oddHtml = report("odd.html", "--metrics", odd.toString());
        assertFalse(oddHtml.contains(" [") || oddHtml.contains("In brackets") || oddHtml.contains("Permutation")
                || oddHtml.contains("model-selection"), oddHtml);
    }

    @Test
    void reportIsSelfContainedAndDeterministic() throws IOException {
        // The rich metrics exercise every number format the report has, including the p-value exponent.
        String[] inputs = {"--qc", qc.toString(), "--metrics", richMetrics.toString(), "--predictions", predictions.toString()};
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
        Files.writeString(sparse, "{\"exprflow_kind\": \"qc\", \"exprflow_format\": 1, \"samples\": [{\"id\": \"S1\"}],"
                + " \"extra\": {\"new_field\": [1, 2]}}");
        String html = report("sparse.html", "--qc", sparse.toString());
        assertTrue(html.contains("No sample was flagged as an outlier."));
        assertFalse(html.contains("<svg"), "a sample without quantiles has no box to draw");
    }

    /** Runs the report expecting a user error: exit 3, one line on stderr, no output file. */
    private String reportError(String... inputs) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] args = new String[inputs.length + 3];
            args[0] = "report";
            args[1] = "--output";
            args[2] = dir.resolve("bad.html").toString();
            System.arraycopy(inputs, 0, args, 3, inputs.length);
            code = Main.run(args);
        } finally {
            System.setErr(saved);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(Files.exists(dir.resolve("bad.html")));
        return message;
    }

    @Test
    void jsonOfTheWrongKindOrANewerFormatIsAOneLineError() throws IOException {
        // A metrics JSON given as --qc, a QC JSON as --metrics: told apart by exprflow_kind, not by shape.
        String message = reportError("--qc", metrics.toString());
        assertTrue(message.startsWith("report: error: " + metrics + ": is a 'metrics' JSON (exprflow_kind), expected one of"
                + " ['qc', 'peaks_qc']"), message);
        message = reportError("--metrics", qc.toString());
        assertTrue(message.contains(qc + ": is a 'qc' JSON (exprflow_kind), expected one of ['metrics', 'regression_metrics']"),
                message);
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, QC_JSON.replace("\"exprflow_format\": 1", "\"exprflow_format\": 2"));
        message = reportError("--qc", newer.toString());
        assertTrue(message.contains(newer + ": \"exprflow_format\" 2 is newer than this exprflow reads (1)"), message);
    }

    @Test
    void malformedJsonIsAOneLineErrorWithoutOutput() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"dataset\": \"x\", \"samples\": [");
        String message = reportError("--qc", broken.toString());
        // The contract's "<file>:<line>: <problem>", with the column of the truncation.
        assertTrue(message.startsWith("report: error: ")
                && message.contains("broken.json:1: invalid JSON at column 30: Unexpected end-of-input"), message);
        assertFalse(Files.exists(dir.resolve("bad.html")));
    }

    /**
     * The record of the run (issue 14): a real final model (train), a real normalise summary (normalise
     * --output-summary) and a provenance JSON with lib/Provenance.groovy's keys give the headline sentence
     * first, "What normalisation changed" after the QC, and the methods paragraph and provenance at the
     * end; two renders are byte-identical.
     */
    @Test
    void runRecordGivesHeadlineNormalisationMethodsAndProvenance() throws Exception {
        Path data = dir.resolve("d.xfd");
        org.exprflow.data.DatasetFile.write(org.exprflow.testing.SyntheticData.classes(41, 30, 60, 6, 2, "A", "B"), data);
        Path model = dir.resolve("final.xfm");
        assertEquals(0, Main.run("--quiet", "train", "--input", data.toString(), "--output", model.toString(), "--learner",
                "weka.classifiers.bayes.NaiveBayes;weka.classifiers.lazy.IBk -K 3", "--top-k", "5,10", "--inner-folds", "3",
                "--inner-repeats", "2"));
        Path summary = dir.resolve("d.normalise_qc.json");
        assertEquals(0, Main.run("--quiet", "normalise", "--input", data.toString(), "--output", dir.resolve("n.xfd").toString(),
                "--floor", "0.5", "--log2", "never", "--output-summary", summary.toString()));
        Path provenance = dir.resolve("provenance.json");
        Files.writeString(provenance, ProvenanceSectionTest.PROVENANCE);
        String[] inputs = {"--qc", qc.toString(), "--metrics", richMetrics.toString(), "--model", model.toString(),
            "--normalise-summary", summary.toString(), "--provenance", provenance.toString()};
        String html = report("rec.html", inputs);
        int h1 = html.indexOf("</h1>");
        assertEquals(h1 + "</h1>\n".length(), html.indexOf("<p class=\"headline\" id=\"headline\">Cross-validated balanced accuracy"
                + " 0.750 [0.250, 1.000] against 0.500 for ZeroR, permutation p = 5.0e-04 (N = 2000).</p>"), html);
        int qcAt = html.indexOf("<section id=\"qc\">");
        int normalisation = html.indexOf("<section id=\"normalisation\">");
        int metricsAt = html.indexOf("<section id=\"metrics\">");
        int methods = html.indexOf("<section id=\"methods\">");
        int provenanceAt = html.indexOf("<section id=\"provenance\">");
        assertTrue(qcAt < normalisation && normalisation < metricsAt && metricsAt < methods && methods < provenanceAt,
                List.of(qcAt, normalisation, metricsAt, methods, provenanceAt).toString());
        assertTrue(html.contains("<li>floor 0.5: "), html);
        assertTrue(html.contains("<li>log2 (never): not applied</li>"), html);
        assertTrue(html.contains("4 candidate configurations (learners {weka.classifiers.bayes.NaiveBayes; weka.classifiers.lazy.IBk -K 3}"
                + " × k ∈ {5, 10}) were scored by an inner 3-fold cross-validation repeated 2 times"), html);
        assertTrue(html.contains("<tr><th>Nextflow</th><td>24.10.0</td></tr>"), html);
        assertTrue(html.contains("<h3>Final model</h3>"), html);
        assertTrue(html.contains("ZeroR's pooled CV AUC need not be 0.500"), html);
        assertEquals(html, report("rec2.html", inputs));
    }

    @Test
    void aModelThatIsNoModelIsAOneLineError() throws IOException {
        String message = reportError("--model", qc.toString());
        assertTrue(message.contains(qc + ": not an exprflow model"), message);
        message = reportError("--normalise-summary", qc.toString());
        assertTrue(message.contains(qc + ": is a 'qc' JSON (exprflow_kind), expected 'normalise_qc'"), message);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
