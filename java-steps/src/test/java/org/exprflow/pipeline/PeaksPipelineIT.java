package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.RegressionTable;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis peaks, design (a), through ./nextfloww with -profile test_peaks (the simulated study in
 * test-data/peaks: 12 samples, 24 genes of which 12 are planted): the published metrics, merged
 * predictions, splits, QC and report are there and well-formed, the planted genes are recovered
 * (their median per-gene r far above the null genes'), the report shows the peak and RNA input QC
 * with each sample's peak count, the scatter is keyed by (region, chunk, repeat, fold), and a
 * -resume with nothing changed runs no task and publishes the same bytes.
 */
@Tag("pipeline")
class PeaksPipelineIT {
    static final String ID = "test_peaks";

    private static ResumeIT.Launch launch;
    private static ResumeIT.Result run;

    @BeforeAll
    static void runTestPeaksProfile() throws Exception {
        launch = new ResumeIT.Launch("peaks");
        run = launch.run("a", Map.of(), "-profile", "test_peaks");
        assertEquals(0, run.exitCode(), run.describe());
    }

    private static Path published(String relative) {
        Path f = run.outdir().resolve(relative);
        assertTrue(Files.isRegularFile(f), relative + " was not published: " + run.describe());
        return f;
    }

    /** gene_id -> planted, from the simulator's truth table. */
    private static Map<String, Boolean> truth() throws IOException {
        Map<String, Boolean> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(TestEnvironment.projectDir().resolve("test-data/peaks/truth.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            out.put(f[0], Boolean.parseBoolean(f[4]));
        }
        return out;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    @Test
    void metricsScoreEveryGeneForModelAndBaseline() throws IOException {
        List<String> lines = Files.readAllLines(published("metrics/" + ID + ".metrics.tsv"));
        assertEquals("set\tlearner\ttarget\tmetric\tvalue", lines.get(0));
        for (String learner : List.of("model", "mean")) {
            assertTrue(lines.contains("cv\t" + learner + "\tall\ttargets\t24"), learner + ": " + lines);
            // 24 genes x 12 samples, each sample held out once.
            assertTrue(lines.contains("cv\t" + learner + "\tall\tn\t288"), learner);
        }
        Set<String> genes = lines.stream().skip(1).map(l -> l.split("\t")[2]).filter(t -> !t.equals("all"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(truth().keySet(), genes);
    }

    @Test
    void plantedGenesAreRecovered() {
        JsonNode targets = StepJson.REGRESSION_METRICS.read(published("metrics/" + ID + ".metrics.json"))
                .path("sets").path("cv").path("model").path("targets");
        List<Double> planted = new ArrayList<>();
        List<Double> nulls = new ArrayList<>();
        try {
            truth().forEach((gene, isPlanted) -> {
                JsonNode r = targets.path(gene).path("pearson");
                assertTrue(r.isNumber(), gene + ": " + r);
                (isPlanted ? planted : nulls).add(r.doubleValue());
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        System.out.printf("test_peaks: median per-gene r planted %.3f, null %.3f%n", median(planted), median(nulls));
        assertTrue(median(planted) >= 0.7, "planted " + planted);
        assertTrue(median(nulls) <= 0.3, "null " + nulls);
        assertTrue(median(planted) - median(nulls) >= 0.5);
    }

    @Test
    void mergedPredictionsSplitsAndQcArePublished() throws IOException {
        List<String> table = Files.readAllLines(published("predictions/" + ID + ".regression.tsv"));
        assertEquals("## exprflow regression-predictions 1", table.get(0));
        assertEquals(RegressionTable.HEADER, table.get(1));
        assertEquals(288, table.stream().filter(l -> l.contains("\tcv\t") && l.contains("\tmodel\t")).count());
        List<String> splits = Files.readAllLines(published("splits/" + ID + ".splits.tsv"));
        assertEquals("## exprflow splits 1", splits.get(0));
        assertEquals("sample\tpartition\trepeat\tfold", splits.get(1));
        assertEquals(12, splits.size() - 2);
        assertEquals(Set.of("1", "2", "3"), splits.stream().skip(2).map(l -> l.split("\t")[3]).collect(Collectors.toSet()));
        assertTrue(Files.readAllLines(published("qc/" + ID + ".peaks_qc.tsv")).size() > 12);
        assertTrue(Files.readString(published("qc/" + ID + ".peaks_qc.json")).trim().startsWith("{"));
    }

    @Test
    void reportHasTheScatterAndTheHistogramAndIsSelfContained() throws IOException {
        String html = Files.readString(published("report/" + ID + ".report.html"));
        assertTrue(html.contains("<section id=\"regression\">"));
        assertTrue(html.contains("<svg class=\"plot histogram\""), "no histogram of per-gene r");
        assertTrue(html.contains("CV (held-out folds): 24 targets, median r "));
        int scatter = html.indexOf("<svg class=\"plot scatter\"");
        assertTrue(scatter >= 0, "no predicted-vs-measured scatter");
        String svg = html.substring(scatter, html.indexOf("</svg>", scatter));
        assertEquals(288, svg.split("<circle", -1).length - 1);
        assertFalse(Pattern.compile("https?://").matcher(html).find(), "the report links to the network");
    }

    /**
     * The report's "Peak and RNA input QC" section (from PEAKS_QC's JSON): one row per sample with the
     * number of peaks its file holds, counted here from the files the samplesheet names, and the RNA
     * table with every annotated gene found in each sample's file.
     */
    @Test
    void reportHasThePeakAndRnaQcWithEachSamplesPeakCount() throws IOException {
        String html = Files.readString(published("report/" + ID + ".report.html"));
        int start = html.indexOf("<section id=\"peaks-qc\">");
        assertTrue(start >= 0, "no peak and RNA QC section in the report");
        String section = html.substring(start, html.indexOf("</section>", start));
        assertTrue(section.contains("<h2>Peak and RNA input QC</h2>"));
        Map<String, List<String>> peakRows = tableRows(section, "peak-samples");
        Map<String, List<String>> rnaRows = tableRows(section, "rna-samples");
        Path sheet = TestEnvironment.projectDir().resolve("conf/test_peaks.samplesheet.csv");
        List<String> lines = Files.readAllLines(sheet);
        assertEquals(List.of("sample", "peaks", "rna"), List.of(lines.get(0).split(",")));
        long annotated = Files.readAllLines(TestEnvironment.projectDir().resolve("test-data/peaks/genes.bed")).stream()
                .filter(l -> !l.isBlank()).count();
        Map<String, Long> expected = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            expected.put(f[0], peakRecords(sheet.getParent().resolve(f[1])));
            // RNA columns: genes, detected, fraction detected, matched, unmatched, fraction matched, absent.
            // Every annotated gene is in every sample's file (the even samples' RSEM files add a spike-in,
            // counted as not in the annotation).
            List<String> rna = rnaRows.get(f[0]);
            assertTrue(rna != null, "no RNA row for " + f[0] + ": " + rnaRows.keySet());
            assertEquals(String.valueOf(annotated), rna.get(3), f[0] + ": ids matched");
            assertEquals("0", rna.get(6), f[0] + ": annotation genes absent");
            assertEquals(Long.parseLong(rna.get(0)), Long.parseLong(rna.get(3)) + Long.parseLong(rna.get(4)), f[0]);
        }
        assertEquals(expected.keySet(), new TreeSet<>(peakRows.keySet()), "one peak row per sample");
        // Peak columns: peaks, on known contigs, dropped (unknown contig), fraction primary, near a TSS.
        expected.forEach((sample, n) -> {
            List<String> row = peakRows.get(sample);
            assertEquals(List.of(String.valueOf(n), String.valueOf(n), "0", "1.000"), row.subList(0, 4), sample);
            assertTrue(Double.parseDouble(row.get(4)) > 0, sample + ": the simulator plants peaks at TSSs");
        });
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(html.contains("<tr><th>peak files (QC)</th><td>" + expected.size() + " files, " + total + " peaks</td></tr>"));
        // Box plots of score and signal (12 samples each) and of log2(TPM + 1) (12 files).
        assertEquals(36, section.split("<g class=\"box\">", -1).length - 1);
    }

    /** Peak records of a (gzipped) narrowPeak file: its lines other than track, browser and comments. */
    private static long peakRecords(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("track")
                    && !l.startsWith("browser")).count();
        }
    }

    /** The body rows of the report table with this class: first cell to the other cells. */
    static Map<String, List<String>> tableRows(String html, String tableClass) {
        int start = html.indexOf("<table class=\"" + tableClass + "\">");
        assertTrue(start >= 0, "no table " + tableClass);
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, List<String>> rows = new TreeMap<>();
        Matcher row = Pattern.compile("<tr><td>(.*?)</tr>").matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td>(.*?)</td>").matcher("<td>" + row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return rows;
    }

    @Test
    void scatterIsOneTaskPerRegionChunkAndFoldAndResumeCachesIt() throws Exception {
        List<ResumeIT.Task> regress = run.of("PEAKS:REGRESS");
        // 3 regions x 2 chunks x 3 folds, each its own task.
        assertEquals(18, regress.size(), run.describe());
        assertEquals(18, regress.stream().map(t -> t.fields().get("tag")).distinct().count());
        assertEquals(6, run.of("PEAKS:REGION_DATASET").size());
        run.trace().forEach(t -> assertEquals("COMPLETED", t.status(), t.toString()));

        ResumeIT.Result again = launch.run("b", Map.of(), "-profile", "test_peaks", "-resume");
        assertEquals(0, again.exitCode(), again.describe());
        assertEquals(run.trace().size(), again.trace().size(), again.describe());
        again.trace().forEach(t -> assertEquals("CACHED", t.status(), "a task key is not stable: " + t));
        for (String f : List.of("metrics/" + ID + ".metrics.tsv", "metrics/" + ID + ".metrics.json",
                "predictions/" + ID + ".regression.tsv", "report/" + ID + ".report.html")) {
            assertEquals(-1L, Files.mismatch(run.outdir().resolve(f), again.outdir().resolve(f)), f);
        }
    }
}
