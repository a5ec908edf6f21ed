package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.RegressionTable;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.Cli;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgBoxPlot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peak and RNA input QC section of the report, rendered from a JSON that {@code peaks-qc} wrote
 * for small files: every number of the JSON is in the section's tables (formatted as the report
 * formats it), the peak counts are those of the files, and the box plots draw one box per file with
 * the JSON's quantiles. The files: two narrowPeak samples (one with a peak on a contig absent from the
 * sizes file), one BED3 sample (no score or signal: in the tables as NA, not drawn), two RNA files
 * with ids partly outside the annotation.
 */
@Tag("unit")
class PeaksQcReportTest {
    @TempDir
    Path dir;

    private Path qcJson;
    private JsonNode json;
    /** Records per peak file, counted as the files are written. */
    private final Map<String, Integer> written = new LinkedHashMap<>();

    private Path peakFile(String name, List<String> lines) throws IOException {
        written.put(name, lines.size());
        return Files.write(dir.resolve(name + ".bed"), lines);
    }

    @BeforeEach
    void runPeaksQc() throws IOException {
        Path sizes = Files.writeString(dir.resolve("g.sizes"), "chr1\t100000\nchr2\t50000\n");
        Path genes = Files.writeString(dir.resolve("genes.bed"), "chr1\t10000\t10001\tENSG00000000001\t0\t+\n"
                + "chr1\t50000\t50001\tENSG00000000002\t0\t-\nchr2\t20000\t20001\tENSG00000000003\t0\t+\n");
        Path alpha = peakFile("alpha", List.of(
                "chr1\t9800\t10200\t.\t120\t.\t4.5\t-1\t-1\t200",
                "chr1\t30000\t30300\t.\t350\t.\t12.25\t-1\t-1\t150",
                "chr1\t49500\t50100\t.\t1000\t.\t80\t-1\t-1\t300",
                "chr2\t19000\t19400\t.\t80\t.\t2\t-1\t-1\t200",
                "chr2\t40000\t40250\t.\t600\t.\t31\t-1\t-1\t100",
                "chrUn_KI270742v1\t100\t300\t.\t50\t.\t1\t-1\t-1\t100"));
        Path beta = peakFile("beta", List.of(
                "chr1\t70000\t70500\t.\t200\t.\t3\t-1\t-1\t250",
                "chr2\t20100\t20400\t.\t900\t.\t45.5\t-1\t-1\t150",
                "chr2\t45000\t45100\t.\t400\t.\t7\t-1\t-1\t50"));
        Path bed3 = peakFile("bed3", List.of("chr1\t10000\t10500", "chr2\t1000\t1200"));
        // ENSG...0004 and ...0005 are not annotated; the annotation's ...0003 is absent from colon.
        Path colon = Files.writeString(dir.resolve("colon.tsv"), "ENSG00000000001.5\t25.5\nENSG00000000002.1\t0.4\n"
                + "ENSG00000000004.2\t3\nENSG00000000005.1\t0\n");
        Path stomach = Files.writeString(dir.resolve("stomach.tsv"), "ENSG00000000001.5\t12\nENSG00000000002.1\t150\n"
                + "ENSG00000000003.1\t1\n");
        qcJson = dir.resolve("qc.json");
        Cli.Result r = Cli.run("--quiet", "peaks-qc", "--peaks", alpha.toString(), beta.toString(), bed3.toString(),
                "--names", "alpha", "beta", "bed3", "--rna", colon.toString(), stomach.toString(),
                "--rna-names", "colon", "stomach", "--annotation", genes.toString(), "--chrom-sizes", sizes.toString(),
                "--output-tsv", dir.resolve("qc.tsv").toString(), "--output-json", qcJson.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        json = StepJson.PEAKS_QC.read(qcJson);
    }

    private String report(String name, String... inputs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--quiet", "report", "--output", dir.resolve(name).toString()));
        args.addAll(List.of(inputs));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return Files.readString(dir.resolve(name));
    }

    private List<JsonNode> entries(String section) {
        List<JsonNode> out = new ArrayList<>();
        JsonFile.list(json, section).forEach(o -> out.add(JsonFile.object(o)));
        return out;
    }

    @Test
    void peakTableHasEachSamplesCountsAndFractions() throws IOException {
        String html = report("r.html", "--qc", qcJson.toString());
        assertTrue(html.contains("<section id=\"peaks-qc\">\n<h2>Peak and RNA input QC</h2>"), html);
        assertFalse(html.contains("<section id=\"qc\">"), "a peaks-qc JSON is not read as exprflow qc's");
        Map<String, List<String>> rows = rows(html, "peak-samples");
        assertEquals(List.copyOf(written.keySet()), List.copyOf(rows.keySet()), "one row per peak file, in order");
        int total = 0;
        for (JsonNode e : entries("peaks")) {
            String name = JsonFile.string(e, "name");
            List<String> cells = rows.get(name);
            // The count the file was written with, as read by peaks-qc and shown by the report.
            assertEquals(written.get(name).intValue(), (int) JsonFile.number(e, "peaks"), name);
            assertEquals(String.valueOf(written.get(name)), cells.get(0), name);
            total += written.get(name);
            assertEquals(List.of(Markup.fixed(JsonFile.number(e, "peaks"), 0), Markup.fixed(JsonFile.number(e, "on_known_contigs"), 0),
                    Markup.fixed(JsonFile.number(e, "unknown_contig"), 0), Markup.fixed(JsonFile.number(e, "fraction_primary_contigs"), 3),
                    Markup.fixed(JsonFile.number(e, "fraction_within_1kb_of_tss"), 3),
                    Markup.trimmed(JsonFile.number(e, "width_median"), 1)), cells, name);
        }
        // The unknown contig of alpha is dropped and shown as such; 3 of alpha's 6 peaks are within 1 kb
        // of a TSS (10000, 50000 and chr2's 20000), a figure the table must carry unrounded to 3 digits.
        assertEquals(List.of("6", "5", "1", "0.833", "0.600"), rows.get("alpha").subList(0, 5));
        assertTrue(html.contains("<tr><th>peak files (QC)</th><td>3 files, " + total + " peaks</td></tr>"), html);
    }

    @Test
    void scoreAndSignalQuantilesAreTabledAndDrawn() throws IOException {
        String html = report("r.html", "--qc", qcJson.toString());
        Map<String, List<String>> rows = rows(html, "peak-quantiles", 2);
        for (JsonNode e : entries("peaks")) {
            String name = JsonFile.string(e, "name");
            for (String[] value : new String[][] {{"score", "score"}, {"signal", "signalValue"}}) {
                List<String> expected = PeaksQcSection.QUANTILES.stream()
                        .map(q -> Markup.trimmed(JsonFile.number(e, value[0] + "_" + q), 3)).toList();
                assertEquals(expected, rows.get(name + "|" + value[1]), name + " " + value[0]);
            }
        }
        // beta's scores 200, 400, 900: the median and max as written, without decimals.
        assertEquals("400", rows.get("beta|score").get(3));
        assertEquals("900", rows.get("beta|score").get(6));
        // A BED3 file has no score or signal: NA in the table, no box, and said so.
        assertEquals("NA", rows.get("bed3|score").get(3));
        assertTrue(html.contains("No score or signalValue (not in the file, or no peaks): bed3."));

        List<String> plots = ReportHtml.plots(section(html), "plot");
        assertEquals(3, plots.size(), "score, signal and log2(TPM + 1)");
        for (int p = 0; p < 2; p++) {
            String prefix = p == 0 ? "score" : "signal";
            assertEquals(2, ReportHtml.count(plots.get(p), "<g class=\"box\">"), prefix + ": alpha and beta, not bed3");
            for (JsonNode e : entries("peaks").subList(0, 2)) {
                assertTrue(plots.get(p).contains(tooltip(e, prefix)), prefix + " " + JsonFile.string(e, "name"));
            }
        }
    }

    @Test
    void rnaTableHasDetectedAndMatchedGenesAndTheTpmDistribution() throws IOException {
        String html = report("r.html", "--qc", qcJson.toString());
        Map<String, List<String>> rows = rows(html, "rna-samples");
        assertEquals(List.of("colon", "stomach"), List.copyOf(rows.keySet()), "named by --rna-names");
        for (JsonNode e : entries("rna")) {
            String name = JsonFile.string(e, "name");
            double genes = JsonFile.number(e, "genes");
            double matched = JsonFile.number(e, "matched_annotation");
            assertEquals(genes - matched, JsonFile.number(e, "unmatched_annotation"), name);
            assertEquals(List.of(Markup.fixed(genes, 0), Markup.fixed(JsonFile.number(e, "detected_tpm_gt_1"), 0),
                    Markup.fixed(JsonFile.number(e, "detected_tpm_gt_1") / genes, 3), Markup.fixed(matched, 0),
                    Markup.fixed(JsonFile.number(e, "unmatched_annotation"), 0),
                    Markup.fixed(JsonFile.number(e, "fraction_matched_annotation"), 3),
                    Markup.fixed(JsonFile.number(e, "annotation_genes_missing"), 0)), rows.get(name), name);
        }
        // colon: 4 genes, 2 with TPM > 1 (25.5 and 3), 2 annotated, 2 not, annotation gene 3 absent.
        assertEquals(List.of("4", "2", "0.500", "2", "2", "0.500", "1"), rows.get("colon"));
        // stomach: TPM = 1 is not "detected" (the threshold is TPM > 1).
        assertEquals("2", rows.get("stomach").get(1));

        Map<String, List<String>> quantiles = rows(html, "rna-quantiles", 2);
        for (JsonNode e : entries("rna")) {
            String name = JsonFile.string(e, "name");
            for (String[] value : new String[][] {{"tpm", "TPM"}, {"log2_tpm_plus_1", "log2(TPM + 1)"}}) {
                assertEquals(PeaksQcSection.QUANTILES.stream().map(q -> Markup.trimmed(JsonFile.number(e, value[0] + "_" + q), 3))
                        .toList(), quantiles.get(name + "|" + Markup.escape(value[1])), name + " " + value[0]);
            }
        }
        assertEquals("150", quantiles.get("stomach|TPM").get(6));
        // log2(150 + 1) = 7.238: the target's own maximum.
        assertEquals("7.238", quantiles.get("stomach|log2(TPM + 1)").get(6));
        String tpmPlot = ReportHtml.plots(section(html), "plot").get(2);
        assertEquals(2, ReportHtml.count(tpmPlot, "<g class=\"box\">"));
        for (JsonNode e : entries("rna")) {
            assertTrue(tpmPlot.contains(tooltip(e, "log2_tpm_plus_1")), JsonFile.string(e, "name"));
        }
    }

    @Test
    void peaksQcBesideRegressionMetricsGivesBothSectionsAndIsDeterministic() throws IOException {
        List<RegressionTable.Row> rows = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            double y = s;
            rows.add(new RegressionTable.Row("log2_tpm_plus_1", "test", 0, 0, "g" + s, "model", y, y + 0.1 * (s % 2)));
            rows.add(new RegressionTable.Row("log2_tpm_plus_1", "test", 0, 0, "g" + s, "mean", y, 2.0));
        }
        Path table = dir.resolve("reg.tsv");
        new RegressionTable(rows).write(table);
        Path metrics = dir.resolve("m.json");
        assertEquals(0, Cli.run("--quiet", "evaluate-regression", "--predictions", table.toString(), "--output-tsv",
                dir.resolve("m.tsv").toString(), "--output-json", metrics.toString()).exitCode());
        String html = report("a.html", "--qc", qcJson.toString(), "--metrics", metrics.toString());
        assertTrue(html.indexOf("<section id=\"peaks-qc\">") >= 0 && html.indexOf("<section id=\"regression\">")
                > html.indexOf("<section id=\"peaks-qc\">"), "input QC first, then the regression");
        report("b.html", "--qc", qcJson.toString(), "--metrics", metrics.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.html")), Files.readAllBytes(dir.resolve("b.html")));
    }

    @Test
    void peaksQcWithoutAnnotationSaysIdsWereNotMatched() throws IOException {
        Path json2 = dir.resolve("plain.json");
        assertEquals(0, Cli.run("--quiet", "peaks-qc", "--rna", dir.resolve("colon.tsv").toString(), "--chrom-sizes",
                dir.resolve("g.sizes").toString(), "--output-tsv", dir.resolve("plain.tsv").toString(),
                "--output-json", json2.toString()).exitCode());
        String html = report("p.html", "--qc", json2.toString());
        Map<String, List<String>> rows = rows(html, "rna-samples");
        // Named by the file without --rna-names; no annotation, so no matching figures.
        assertEquals(List.of("4", "2", "0.500", "NA", "NA", "NA", "NA"), rows.get("colon.tsv"));
        assertTrue(html.contains("No annotation was given to peaks-qc: ids were not matched."));
        assertFalse(html.contains("<table class=\"peak-samples\">"), "no peak files, no peak table");
    }

    /** The tooltip SvgBoxPlot writes for an entry's q05..q95 box. */
    private static String tooltip(JsonNode e, String prefix) {
        return "<title>" + Markup.escape(JsonFile.string(e, "name")) + ": q05 " + Markup.fixed(JsonFile.number(e, prefix + "_q05"), 3)
                + ", q25 " + Markup.fixed(JsonFile.number(e, prefix + "_q25"), 3)
                + ", median " + Markup.fixed(JsonFile.number(e, prefix + "_median"), 3)
                + ", q75 " + Markup.fixed(JsonFile.number(e, prefix + "_q75"), 3)
                + ", q95 " + Markup.fixed(JsonFile.number(e, prefix + "_q95"), 3) + "</title>";
    }

    private static String section(String html) {
        int start = html.indexOf("<section id=\"peaks-qc\">");
        assertTrue(start >= 0, "no peaks-qc section");
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The body rows of a table, keyed by the first cell: the other cells. */
    static Map<String, List<String>> rows(String html, String tableClass) {
        return rows(html, tableClass, 1);
    }

    /** The body rows of a table keyed by its first {@code keyCells} cells joined with '|'. */
    static Map<String, List<String>> rows(String html, String tableClass, int keyCells) {
        int start = html.indexOf("<table class=\"" + tableClass + "\">");
        assertTrue(start >= 0, "no table " + tableClass);
        String table = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>").matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td>(.*?)</td>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            String key = String.join("|", cells.subList(0, keyCells));
            assertFalse(out.containsKey(key), "row " + key + " twice in " + tableClass);
            out.put(key, cells.subList(keyCells, cells.size()));
        }
        return out;
    }
}
