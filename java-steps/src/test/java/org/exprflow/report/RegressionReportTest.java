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
import java.util.Locale;
import java.util.regex.Pattern;

import org.exprflow.stepfile.RegressionTable;
import org.exprflow.testing.Cli;
import org.exprflow.plot.SvgHistogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression section of the report, from real outputs of {@code evaluate-regression}: the model
 * beside the mean baseline, the histogram of per-target r (one count per target, in the right bin),
 * and the predicted-versus-measured scatter (one point per scored model prediction, thinned
 * deterministically past {@link RegressionSection#MAX_POINTS}).
 */
@Tag("unit")
class RegressionReportTest {
    @TempDir
    Path dir;

    private Path metricsJson;
    private Path merged;

    /**
     * Three genes over ten samples, all CV: g1 and g2 are predicted by an increasing linear function of
     * the truth (r = 1), g3 by a decreasing one (r = -1); and one transfer set with a single target.
     */
    @BeforeEach
    void evaluate() {
        List<RegressionTable.Row> rows = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            String sample = String.format("s%02d", s);
            double y = 1 + s * 0.5;
            rows.add(new RegressionTable.Row("g1", "cv", 1, 1 + s % 2, sample, "model", y, 2 * y + 1));
            rows.add(new RegressionTable.Row("g2", "cv", 1, 1 + s % 2, sample, "model", y, 0.5 * y));
            rows.add(new RegressionTable.Row("g3", "cv", 1, 1 + s % 2, sample, "model", y, 10 - y));
            for (String g : List.of("g1", "g2", "g3")) {
                rows.add(new RegressionTable.Row(g, "cv", 1, 1 + s % 2, sample, "mean", y, s % 2 == 0 ? 3.0 : 3.5));
            }
            rows.add(new RegressionTable.Row("expr", "transfer:stomach", 0, 0, sample, "model", y, y + 0.1 * (s % 3)));
            rows.add(new RegressionTable.Row("expr", "transfer:stomach", 0, 0, sample, "mean", y, 2.0));
        }
        Path table = dir.resolve("part.tsv");
        try {
            new RegressionTable(rows).write(table);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        metricsJson = dir.resolve("m.json");
        merged = dir.resolve("all.tsv");
        Cli.Result r = Cli.run("--quiet", "evaluate-regression", "--predictions", table.toString(),
                "--output-tsv", dir.resolve("m.tsv").toString(), "--output-json", metricsJson.toString(),
                "--output-predictions", merged.toString());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private String report(String name, String... inputs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--quiet", "report", "--output", dir.resolve(name).toString()));
        args.addAll(List.of(inputs));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return Files.readString(dir.resolve(name));
    }

    @Test
    void regressionOutputsAreRecognisedAndRendered() throws IOException {
        String html = report("r.html", "--metrics", metricsJson.toString(), "--predictions", merged.toString());
        assertTrue(html.contains("<section id=\"regression\">"), html);
        // Not mistaken for classification outputs.
        assertFalse(html.contains("<section id=\"metrics\">") || html.contains("<section id=\"roc\">"));
        assertTrue(html.contains("<th>CV (held-out folds) model</th><th>CV (held-out folds) mean</th>"), html);
        assertTrue(html.contains("<tr><th>targets scored (CV (held-out folds))</th><td>3 targets, 30 predictions</td></tr>"),
                html);
        assertTrue(html.contains("transfer to stomach"));
        // Issue 14: the page opens (right after its title) with the model against its baseline.
        assertTrue(html.contains("</h1>\n<p class=\"headline\">CV (held-out folds): the model <strong>"), html);
    }

    @Test
    void histogramCountsEachTargetInItsBin() throws IOException {
        String html = report("h.html", "--metrics", metricsJson.toString());
        // One histogram: the CV set has three targets, the transfer set only one (no distribution to show).
        assertEquals(1, ReportHtml.count(html, "<svg class=\"plot histogram\""), html);
        assertTrue(html.contains("0.90 to 1.00: 2</title>"), "g1 and g2 (r = 1) share the last bin");
        assertTrue(html.contains("-1.00 to -0.90: 1</title>"), "g3 (r = -1) is in the first bin");
        assertEquals(2, ReportHtml.count(html, "<rect class=\"bar\""));
        assertTrue(html.contains("CV (held-out folds): 3 targets, median r 1.000"), html);
        assertFalse(html.contains("<svg class=\"plot scatter\""), "no table, no scatter");
    }

    @Test
    void scatterDrawsEveryScoredModelPrediction() throws IOException {
        String html = report("s.html", "--predictions", merged.toString());
        List<String> plots = ReportHtml.plots(html, "plot scatter");
        assertEquals(2, plots.size(), "one scatter per set");
        assertEquals(30, ReportHtml.count(plots.get(0), "<circle"), "CV: 3 genes x 10 samples of the model, not the baseline");
        assertEquals(10, ReportHtml.count(plots.get(1), "<circle"));
        assertTrue(html.contains("transfer to stomach: r "));
    }

    @Test
    void bigTablesAreThinnedDeterministically() throws IOException {
        List<RegressionTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 12_001; i++) {
            double y = (i * 37 % 1000) / 100.0;
            rows.add(new RegressionTable.Row("g" + i % 7, "test", 0, 0, String.format("s%05d", i), "model", y, y + (i % 5) / 10.0));
        }
        Path big = dir.resolve("big.tsv");
        new RegressionTable(rows).write(big);
        String first = report("b1.html", "--predictions", big.toString());
        String scatter = ReportHtml.plots(first, "plot scatter").get(0);
        // 12,001 rows with a stride of 3 give 4,001 points.
        assertEquals(4001, ReportHtml.count(scatter, "<circle"));
        assertTrue(scatter.contains("n 12001 (1 point in 3 drawn)"), scatter);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            report("b2.html", "--predictions", big.toString());
        } finally {
            Locale.setDefault(saved);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("b1.html")), Files.readAllBytes(dir.resolve("b2.html")));
        assertFalse(Pattern.compile("https?://|<script|<link|url\\(").matcher(first.toLowerCase(Locale.ROOT)).find(),
                "the report must be self-contained");
    }

    @Test
    void histogramBinsAreHalfOpenExceptTheLast() {
        assertArrayEquals(new int[] {1, 0, 1, 2}, SvgHistogram.counts(new double[] {-1, 0, 0.5, 1, Double.NaN, 1.5}, -1, 1, 4));
    }
}
