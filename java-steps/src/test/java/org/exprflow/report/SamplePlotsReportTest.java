package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.stepfile.GeneTable;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's sample plots from {@code --dataset} and {@code --genes}: the PCA plot with QC outliers
 * marked, the top-genes heatmap with samples ordered by class, both with labelled axes and captions, and
 * byte-identical on a rerun; the option errors.
 */
@Tag("unit")
class SamplePlotsReportTest {
    @TempDir
    Path dir;
    private Path data;
    private Path genes;
    private Path qc;

    @BeforeEach
    void inputs() throws Exception {
        // 24 samples S001..S024, classes A and B alternating; g0 higher in A, g1 in B; a symbol for g1 only
        Dataset d = SyntheticData.classes(7, 24, 60, 2, 3, "A", "B");
        List<String> symbols = new ArrayList<>();
        for (int f = 0; f < d.featureCount(); f++) {
            symbols.add(f == 1 ? "CST3" : null);
        }
        d = d.withFeatureAnnotations(new FeatureAnnotations(Map.of(FeatureAnnotations.SYMBOL, symbols), d.featureCount()));
        data = dir.resolve("d.xfd");
        DatasetFile.write(d, data);
        genes = dir.resolve("genes.tsv");
        GeneTable.write(genes, List.of("A", "B"), List.of(
                new GeneTable.Row("g1", "CST3", 3, 1, 1, "B-A", 3, 0.1, new double[] {8, 11}),
                new GeneTable.Row("g0", null, 3, 1, 2, "B-A", -3, 0.05, new double[] {11, 8}),
                new GeneTable.Row("not_in_data", null, 1, 0.33, 5, "B-A", 0.1, 0, new double[] {8, 8})));
        qc = dir.resolve("qc.json");
        Files.writeString(qc, """
                {"exprflow_kind": "qc", "exprflow_format": 1, "dataset": "synthetic", "scale": "log",
                 "samples": [{"id": "S005", "missing_fraction": 0, "quantiles": [5, 7, 8, 9, 12], "mean": 8,
                              "mean_correlation": 0.5, "outlier": true},
                             {"id": "S006", "missing_fraction": 0, "quantiles": [5, 7, 8, 9, 12], "mean": 8,
                              "mean_correlation": 0.9, "outlier": false}],
                 "checks": []}
                """);
    }

    private String report(String name, String... extra) throws Exception {
        Path html = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("report", "--output", html.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return Files.readString(html);
    }

    @Test
    void pcaAndHeatmapWithOutliersClassOrderLabelsAndCaptions() throws Exception {
        String html = report("r.html", "--qc", qc.toString(), "--dataset", data.toString(), "--genes", genes.toString());
        String pca = ReportHtml.plots(html, "plot pca").get(0);
        assertEquals(1, ReportHtml.count(pca, "QC outlier</title></path>"), "S005 is marked");
        assertTrue(pca.contains("S005 (A), QC outlier"));
        assertTrue(Pattern.compile(">PC1 \\(\\d+\\.\\d% of variance\\)</text>").matcher(pca).find(), "PC1 axis label");
        assertTrue(Pattern.compile(">PC2 \\(\\d+\\.\\d% of variance\\)</text>").matcher(pca).find(), "PC2 axis label");
        assertTrue(html.contains("diamonds: the 1 sample(s) QC flagged as outliers"));
        assertTrue(html.contains("descriptive only: no metric is computed from this plot"));

        String heatmap = ReportHtml.plots(html, "plot heatmap").get(0);
        assertTrue(heatmap.contains(">samples (by class, clustered within class)</text>"));
        assertTrue(heatmap.contains(">genes (rank order of the Top genes table)</text>"));
        // rows: the symbol when there is one, else the probe id; a feature absent from the dataset is skipped
        assertTrue(heatmap.contains(">CST3</text>") && heatmap.contains(">g0</text>"));
        assertFalse(heatmap.contains("not_in_data"));
        assertEquals(2 * 24, ReportHtml.count(heatmap, "</title></rect><rect") + 2, "one cell per gene and sample");
        // the class bar: all 12 A samples, then all 12 B samples
        List<String> barClasses = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"class-bar\"[^>]*><title>S\\d+: (\\w+)</title>").matcher(heatmap);
        while (m.find()) {
            barClasses.add(m.group(1));
        }
        assertEquals(24, barClasses.size());
        assertEquals(List.of("A", "B"), barClasses.stream().distinct().toList());
        assertEquals("B", barClasses.get(12));
        // the heatmap comes after the top genes' place, the PCA after QC
        assertTrue(html.indexOf("id=\"pca\"") > html.indexOf("id=\"qc\""));
        assertEquals(html, report("again.html", "--qc", qc.toString(), "--dataset", data.toString(), "--genes", genes.toString()),
                "byte-identical rerun");
    }

    @Test
    void withoutQcOrGenesOnlyThePcaWithoutMarks() throws Exception {
        String html = report("r.html", "--dataset", data.toString());
        assertEquals(1, ReportHtml.plots(html, "plot pca").size());
        assertTrue(ReportHtml.plots(html, "plot heatmap").isEmpty());
        assertTrue(html.contains("no QC given, so no outliers marked"));
    }

    @Test
    void countsAreDrawnAsLog2CountPlusOne() throws Exception {
        Dataset counts = DatasetFile.read(data);
        double[][] v = counts.copyValues();
        for (double[] row : v) {
            for (int f = 0; f < row.length; f++) {
                row[f] = Math.round(Math.pow(2, row[f]));
            }
        }
        Path file = dir.resolve("counts.xfd");
        DatasetFile.write(counts.withValues(v).withValueKind(org.exprflow.data.ValueKind.COUNTS), file);
        String html = report("c.html", "--dataset", file.toString(), "--genes", genes.toString());
        assertEquals(2, ReportHtml.count(html, "counts drawn as log2(count + 1)"), "both captions say so");
    }

    @Test
    void optionErrors() {
        Cli.run("report", "--output", dir.resolve("x.html").toString(), "--genes", genes.toString())
                .assertOneLineError(2, "--genes needs --dataset");
        Cli.run("report", "--output", dir.resolve("x.html").toString(), "--dataset", data.toString(), "--target", "nope")
                .assertOneLineError(2, "no target 'nope'");
        assertFalse(Files.exists(dir.resolve("x.html")));
    }
}
