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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the whole Nextflow pipeline through ./nextfloww, as a user would, on the simulated study of
 * -profile test, and checks what it publishes. Also checks that bad parameters stop the run
 * before any task starts.
 *
 * <p>Runs in Maven's integration-test phase (maven-failsafe), after `package` has built the jar.
 * The jar's path arrives as the system property exprflow.jar and is handed to nextfloww as
 * EXPRFLOW_JAR, so nextfloww never starts a Maven build inside this Maven build.
 */
@Tag("pipeline")
class PipelineIT {

    private static final long TIMEOUT_MINUTES = 10;

    @TempDir
    static Path tmp;

    private static Run testProfile;
    private static Path results;

    record Run(int exitCode, String output, Path workDir) {
    }

    @BeforeAll
    static void runTestProfile() throws Exception {
        results = tmp.resolve("results");
        testProfile = nextflow("ok", "-profile", "test", "--outdir", results.toString());
    }

    /** ./nextfloww -log ... run . ARGS -w <tmp>/work-NAME, from the repository root. */
    static Run nextflow(String name, String... args) throws IOException, InterruptedException {
        Path projectDir = TestEnvironment.projectDir();
        Path work = tmp.resolve("work-" + name);
        List<String> command = new ArrayList<>(List.of("./nextfloww", "-log", tmp.resolve(name + ".nextflow.log").toString(),
                "run", ".", "-ansi-log", "false", "-w", work.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true);
        Path log = tmp.resolve(name + ".out");
        pb.redirectOutput(log.toFile());
        String jar = System.getProperty("exprflow.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            pb.environment().put("EXPRFLOW_JAR", jar);
        }
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("nextfloww " + String.join(" ", args) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), work);
    }

    private static Path published(String relative) {
        Path f = results.resolve(relative);
        assertTrue(Files.isRegularFile(f), relative + " was not published; output:\n" + testProfile.output());
        return f;
    }

    private static Path onlyFile(String dir, String glob) throws IOException {
        try (Stream<Path> files = Files.list(results.resolve(dir))) {
            List<Path> matches = files.filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
                    .toList();
            assertEquals(1, matches.size(), dir + "/" + glob + ": " + matches);
            return matches.get(0);
        }
    }

    @Test
    void testProfileSucceeds() {
        assertEquals(0, testProfile.exitCode(), testProfile.output());
    }

    @Test
    void qcIsPublished() throws IOException {
        assertTrue(Files.readString(published("qc/matrix.qc.tsv")).lines().count() > 1);
        assertTrue(Files.readString(published("qc/matrix.qc.json")).trim().startsWith("{"));
    }

    @Test
    void metricsHaveAccuracyOfModelAndBaseline() throws IOException {
        List<String> lines = Files.readAllLines(published("metrics/matrix.metrics.tsv"));
        assertEquals("set\tlearner\tmetric\tclass\tvalue", lines.get(0));
        for (String set : List.of("cv", "test")) {
            for (String learner : List.of("model", "ZeroR")) {
                String prefix = set + "\t" + learner + "\taccuracy\tall\t";
                String row = lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                        .orElseThrow(() -> new AssertionError("no " + prefix.trim() + " row in metrics"));
                double accuracy = Double.parseDouble(row.substring(prefix.length()));
                assertTrue(accuracy >= 0 && accuracy <= 1, row);
            }
        }
        assertTrue(Files.readString(published("metrics/matrix.metrics.json")).trim().startsWith("{"));
    }

    /** The test profile's grid (2 learners x 2 k): model against ZeroR and the 6 candidate pairs, in metrics and report. */
    @Test
    void modelComparisonCoversEveryPairOfTheGrid() throws IOException {
        List<String> lines = Files.readAllLines(published("metrics/matrix.metrics.tsv"));
        List<String> pairs = lines.stream().filter(l -> l.contains("\tcomparison_p\t")).map(l -> l.split("\t")[1]).toList();
        assertEquals(List.of("model-ZeroR", "candidate1-candidate2", "candidate1-candidate3", "candidate1-candidate4",
                "candidate2-candidate3", "candidate2-candidate4", "candidate3-candidate4"), pairs);
        String html = Files.readString(published("report/matrix.report.html"));
        assertTrue(html.contains("<h2>Model comparison</h2>"), "no model comparison in the report");
    }

    /** Issue 14: one row per gene any outer fold selected, and the report's top-genes table. */
    @Test
    void genesTableIsPublishedAndReported() throws IOException {
        List<String> genes = Files.readAllLines(published("metrics/matrix.genes.tsv"));
        assertEquals("## exprflow genes 1", genes.get(0));
        assertTrue(genes.get(1).startsWith("feature\tsymbol\tfolds\tfraction\tmean_rank\tcontrast\tdifference\timportance\tmean:"),
                genes.get(1));
        assertTrue(genes.size() > 2, "no gene rows");
        assertTrue(Files.readString(published("report/matrix.report.html")).contains("<h2>Top genes</h2>"));
    }

    /**
     * Issue 14: the report draws the normalised dataset (the PCA plot, with the simulated outlier marked,
     * and the top genes' heatmap); QC describes the normalised (log2) values, and the end of the run
     * still warns about the outlier.
     */
    @Test
    void reportDrawsTheSamplesAndQcDescribesTheNormalisedValues() throws IOException {
        String html = Files.readString(published("report/matrix.report.html"));
        assertTrue(html.contains("<h2>Samples: principal components</h2>"), "no PCA plot in the report");
        assertTrue(html.contains("<h2>Top genes across samples</h2>"), "no heatmap in the report");
        String planted = Files.readAllLines(TestEnvironment.projectDir().resolve("test-data/classify/truth.tsv")).stream()
                .filter(l -> l.startsWith("outlier\t")).map(l -> l.split("\t")[1]).findFirst().orElseThrow();
        assertTrue(Pattern.compile("<title>" + Pattern.quote(planted) + " \\([^)]*\\), QC outlier</title></path>").matcher(html).find(),
                "the simulated outlier " + planted + " is not marked in the PCA plot");
        assertEquals("log", StepJson.QC.read(published("qc/matrix.qc.json")).path("scale").textValue(),
                "QC did not read the normalised (log2) values");
        assertTrue(testProfile.output().contains("QC warn matrix: outliers: 1 outlier sample(s): " + planted),
                testProfile.output());
    }

    @Test
    void modelPredictionsAndSplitsArePublished() throws IOException {
        assertTrue(Files.size(published("model/matrix.xfm")) > 0);
        List<String> predictions = Files.readAllLines(published("predictions/matrix.predictions.tsv"));
        assertEquals("## exprflow predictions 1", predictions.get(0));
        assertTrue(predictions.get(1).startsWith("set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:"),
                predictions.get(1));
        assertTrue(predictions.stream().anyMatch(l -> l.startsWith("cv\t")));
        assertTrue(predictions.stream().anyMatch(l -> l.startsWith("test\t")));
        assertTrue(Files.readString(published("splits/matrix.splits.tsv")).startsWith("## exprflow splits 1\nsample\tpartition\trepeat\tfold\n"));
    }

    @Test
    void reportIsSelfContained() throws IOException {
        String html = Files.readString(published("report/matrix.report.html"));
        assertTrue(html.toLowerCase().contains("<html"), "not HTML");
        assertFalse(Pattern.compile("https?://").matcher(html).find(), "the report links to the network");
    }

    @Test
    void provenanceIsPublished() throws IOException {
        assertTrue(Files.readString(onlyFile("pipeline_info", "pipeline_dag_*.mmd")).startsWith("flowchart"));
        onlyFile("pipeline_info", "pipeline_dag_*.html");
        onlyFile("pipeline_info", "execution_report_*.html");
        onlyFile("pipeline_info", "execution_timeline_*.html");
        List<String> trace = Files.readAllLines(onlyFile("pipeline_info", "execution_trace_*.tsv"));
        List<String> header = List.of(trace.get(0).split("\t"));
        for (String field : List.of("hash", "name", "status", "exit", "attempt")) {
            assertTrue(header.contains(field), "trace lacks " + field + ": " + header);
        }
        int status = header.indexOf("status");
        assertTrue(trace.size() > 8, "too few tasks in the trace");
        trace.stream().skip(1).forEach(row -> assertEquals("COMPLETED", row.split("\t")[status], row));
        String versions = Files.readString(published("pipeline_info/software_versions.yml"));
        assertTrue(versions.contains("CLASSIFY:TRAIN_CV") && versions.contains("exprflow:") && versions.contains("weka:"),
                versions);
        assertTrue(Files.readString(published("pipeline_info/params.json")).contains("\"folds\": 3"));
    }

    /**
     * Issue 14: the report opens with the headline sentence, says what normalisation changed, and closes
     * with the methods paragraph and the provenance table (Nextflow's version, the command line, the
     * changed parameters, the input's SHA-256 as sha256sum gives it); the provenance file lives in the
     * work directory, and the metric files hold no time or path.
     */
    @Test
    void reportHasHeadlineMethodsAndProvenance() throws Exception {
        String html = Files.readString(published("report/matrix.report.html"));
        assertTrue(html.contains("<p class=\"headline\" id=\"headline\">Cross-validated balanced accuracy "), html);
        assertTrue(Pattern.compile("against [0-9.]+ for ZeroR, permutation p = [0-9.e-]+ \\(N = 4\\);").matcher(html).find(), html);
        assertTrue(html.contains("<section id=\"normalisation\">") && html.contains("<li>log2 (auto): applied</li>"), html);
        assertTrue(html.contains("<section id=\"methods\">"), html);
        assertTrue(html.contains("nested cross-validation (Varma and Simon 2006) with an outer stratified 3-fold cross-validation"), html);
        assertTrue(html.contains("(Hastie, Tibshirani and Friedman 2009)") && html.contains("(Ojala and Garriga 2010)"), html);
        assertTrue(html.contains("<section id=\"provenance\">"), html);
        assertTrue(Pattern.compile("<tr><th>Nextflow</th><td>24\\.10\\.\\d+</td></tr>").matcher(html).find(), html);
        assertTrue(html.contains("<tr><th>Weka</th><td>3.8.6</td></tr>"), html);
        assertTrue(html.contains("-profile test"), "no command line: " + html);
        assertTrue(html.contains("<tr><td><code>--folds</code></td><td class=\"learner\">3</td><td class=\"learner\">5</td></tr>"), html);
        byte[] input = Files.readAllBytes(TestEnvironment.projectDir().resolve("test-data/classify/matrix.tsv"));
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(input));
        assertTrue(html.contains("<td>matrix.tsv</td><td>" + input.length + "</td><td class=\"learner\">" + sha256 + "</td>")
                || html.contains("<td>matrix.tsv</td><td>" + String.format(java.util.Locale.ROOT, "%,d", input.length)
                        + "</td><td class=\"learner\">" + sha256 + "</td>"), html);
        assertTrue(html.contains("<h3>Final model</h3>"), html);
        try (Stream<Path> files = Files.list(testProfile.workDir().resolve("exprflow-provenance"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".json")).count());
        }
        String metrics = Files.readString(published("metrics/matrix.metrics.json"));
        assertFalse(metrics.contains(results.toString()) || metrics.contains("-profile") || metrics.contains("started"), metrics);
    }

    /** MultiQC's custom content is written on every run, whether MultiQC runs or not. */
    @Test
    void multiqcCustomContentIsPublished() throws IOException {
        String qc = Files.readString(published("multiqc/custom_content/matrix.sample_qc_mqc.tsv"));
        assertTrue(qc.startsWith("# id: exprflow_sample_qc\n# section_name: Sample QC\n"), qc);
        assertTrue(qc.contains("# plot_type: table\n"), qc);
        assertTrue(qc.contains("\nsample\tmissing_fraction\t"), qc);
        String headline = Files.readString(published("multiqc/custom_content/matrix.classification_mqc.tsv"));
        assertTrue(headline.contains("\nmatrix\tcv\t"), headline);
        assertTrue(Files.readString(published("multiqc/custom_content/software_versions_mqc.yml"))
                .contains("id: exprflow_software_versions"));
    }

    /**
     * With multiqc on PATH (--multiqc auto; CI installs Debian's), MULTIQC's report holds exprflow's
     * sections in the order of assets/multiqc_config.yml, and its tables the run's own numbers: the
     * cross-validated balanced accuracy of metrics.tsv and the simulated outlier of QC.
     */
    @Test
    void multiqcReportHasExprflowSections() throws IOException {
        TestEnvironment.tool("multiqc");
        String html = Files.readString(published("multiqc/multiqc_report.html"));
        List<String> sections = List.of("<h2 id=\"exprflow_classification\">Classification",
                "<h2 id=\"exprflow_sample_qc\">Sample QC", "<h2 id=\"exprflow_software_versions\">Software versions");
        int previous = -1;
        for (String section : sections) {
            int at = html.indexOf(section);
            assertTrue(at > previous, section + " missing or out of order in the MultiQC report");
            previous = at;
        }
        String balancedAccuracy = Files.readAllLines(published("metrics/matrix.metrics.tsv")).stream()
                .filter(l -> l.startsWith("cv\tmodel\tbalanced_accuracy\tall\t")).findFirst().orElseThrow().split("\t")[4];
        List<String> headline = Files.readAllLines(published("multiqc/multiqc_report_data/multiqc_exprflow_classification_table.txt"));
        assertEquals("matrix", headline.get(1).split("\t")[0], headline.toString());
        assertEquals(Double.parseDouble(balancedAccuracy), Double.parseDouble(headline.get(1).split("\t")[2]), 1e-12,
                headline.toString());
        List<String> qc = Files.readAllLines(published("multiqc/multiqc_report_data/multiqc_exprflow_sample_qc_table.txt"));
        assertEquals(61, qc.size(), "60 samples and the header");
        assertTrue(qc.stream().anyMatch(l -> l.startsWith("GSM7001017\t") && l.endsWith("\ttrue")), qc.toString());
        assertTrue(html.contains("<td>weka</td>"), "no weka version in the MultiQC report");
        assertTrue(Files.readString(published("pipeline_info/software_versions.yml")).contains("multiqc: \""),
                "MULTIQC's version is not in software_versions.yml");
    }

    /** A bad parameter: exit code 2, one error line naming the parameter, and no task started. */
    @ParameterizedTest
    @ValueSource(strings = {"--folds 0", "--analysis nonsense", "--no_such_param 1", "--analysis peaks",
        "--top_k -1", "--transforms quantile,magic", "--landmark_query test-data/landmark/query_landmarks.tsv.gz",
        "--target_chunk_size 5 --analysis landmark --landmarks test-data/landmark/landmarks.txt",
        "--search random", "--search_budget 5"})
    void badParameterFailsBeforeAnyTask(String args) throws Exception {
        String name = "bad" + Integer.toHexString(args.hashCode());
        List<String> all = new ArrayList<>(List.of("-profile", "test", "--outdir", tmp.resolve(name).toString()));
        all.addAll(List.of(args.split(" ")));
        Run run = nextflow(name, all.toArray(String[]::new));
        assertNotEquals(0, run.exitCode(), run.output());
        List<String> errors = run.output().lines().filter(l -> l.contains("error")).toList();
        assertEquals(1, errors.size(), run.output());
        assertTrue(errors.get(0).startsWith("exprflow: error: "), errors.get(0));
        String param = args.split(" ")[0];
        assertTrue(errors.get(0).contains(param), errors.get(0) + " does not name " + param);
        assertEquals(List.of(), taskDirs(run.workDir()), "a task ran: " + run.output());
    }

    /** A misspelt parameter gets the closest known name, as a typo is the likeliest cause. */
    @ParameterizedTest
    @ValueSource(strings = {"--fodls 3=folds", "--top_kk 3=top_k", "--learnr x=learner", "--topK 3=top_k"})
    void aMisspeltParameterGetsADidYouMean(String caseText) throws Exception {
        String[] parts = caseText.split("=");
        String name = "typo" + Integer.toHexString(caseText.hashCode());
        List<String> all = new ArrayList<>(List.of("-profile", "test", "--outdir", tmp.resolve(name).toString()));
        all.addAll(List.of(parts[0].split(" ")));
        Run run = nextflow(name, all.toArray(String[]::new));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("(did you mean --" + parts[1] + "?)"), run.output());
        assertEquals(List.of(), taskDirs(run.workDir()), "a task ran: " + run.output());
    }

    /** Nextflow creates the work directory at start; a task adds a two-hex-digit subdirectory. */
    private static List<Path> taskDirs(Path work) throws IOException {
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(work)) {
            return dirs.filter(d -> d.getFileName().toString().matches("[0-9a-f]{2}")).toList();
        }
    }
}
