package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The pipeline run from an accession (--accession, --test_accession) against a loopback GEO mirror:
 * the downloaded file must reach the analysis exactly like the same file given locally, a verified
 * download must come from the cache (DOWNLOAD's storeDir) on every later run, and --offline must stop
 * at once when the cache lacks the accession.
 *
 * <p>The mirror serves the project's simulated series matrix under a made-up accession. The runs
 * share one cache: the first fills it, the rerun after deleting its work directory must make no
 * request at all. Like PipelineIT, this runs ./nextfloww in Maven's integration-test phase.
 */
@Tag("pipeline")
class DownloadIT {

    private static final long TIMEOUT_MINUTES = 10;
    /** Made up: no real series is involved, and the request log shows every fetch. */
    private static final String ACCESSION = "GSE424242";
    private static final String MATRIX = ACCESSION + "_series_matrix.txt.gz";
    /** GEO's layout: series/<accession with its last three digits as nnn>/<accession>/matrix/. */
    private static final String MATRIX_PATH = "/geo/series/GSE424nnn/" + ACCESSION + "/matrix/" + MATRIX;
    /** Small settings: the runs test the plumbing, not the model. */
    private static final List<String> ANALYSIS = List.of("--label_key", "disease state", "--folds", "3",
            "--permutations", "0", "--bootstrap", "200");

    @TempDir
    static Path tmp;

    private static HttpServer server;
    private static final List<String> requests = new ArrayList<>();
    private static byte[] matrix;
    private static Path cache;

    private static Run fromAccession;
    private static List<String> fromAccessionRequests;
    private static Run fromLocalFile;
    private static Run rerun;
    private static List<String> rerunRequests;

    record Run(int exitCode, String output, Path workDir, Path results) {
    }

    @BeforeAll
    static void runFromAccessionLocallyAndAgain() throws Exception {
        Path local = TestEnvironment.projectDir().resolve("test-data/classify/series_matrix.txt.gz");
        matrix = Files.readAllBytes(local);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", DownloadIT::serve);
        server.start();
        cache = tmp.resolve("cache");

        // The same accession as training and test data: one DOWNLOAD serves both.
        fromAccession = nextflow("accession", withAnalysis("--accession", ACCESSION, "--test_accession", ACCESSION,
                "--geo_base", base() + "/geo", "--download_cache", cache.toString()));
        fromAccessionRequests = takeRequests();

        // Local files are checked for shared samples before any task; this test shares them on purpose.
        fromLocalFile = nextflow("local", withAnalysis("--input", local.toString(), "--test_input", local.toString(),
                "--allow_sample_overlap"));

        // Nothing of the first run's work directory survives; the cache alone must serve the file.
        deleteTree(fromAccession.workDir());
        rerun = nextflow("accession", withAnalysis("--accession", ACCESSION, "--test_accession", ACCESSION,
                "--geo_base", base() + "/geo", "--download_cache", cache.toString()));
        rerunRequests = takeRequests();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void accessionRunFetchesTheFileOnceIntoTheCache() throws IOException {
        assertEquals(0, fromAccession.exitCode(), fromAccession.output());
        assertEquals(List.of("GET " + MATRIX_PATH), fromAccessionRequests);
        assertArrayEquals(matrix, Files.readAllBytes(cache.resolve(ACCESSION).resolve(MATRIX)), "cached file differs from the served one");
        assertTrue(Files.isRegularFile(cache.resolve(ACCESSION).resolve("manifest.tsv")));
    }

    @Test
    void downloadManifestIsInPipelineInfo() throws Exception {
        List<String> manifest = Files.readAllLines(fromAccession.results().resolve("pipeline_info/download_manifest.tsv"));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(matrix));
        assertEquals(List.of("accession\tkind\tfile\tsize\tmd5\turl",
                String.join("\t", ACCESSION, "geo-series-matrix", MATRIX, Integer.toString(matrix.length), md5, base() + MATRIX_PATH)),
                manifest);
    }

    /** Named after the downloaded file, as a local file of that name would be; the contents must not differ at all. */
    @Test
    void accessionRunEqualsLocalFileRun() throws IOException {
        assertEquals(0, fromAccession.exitCode(), fromAccession.output());
        assertEquals(0, fromLocalFile.exitCode(), fromLocalFile.output());
        String downloaded = ACCESSION + "_series_matrix";
        for (String[] pair : new String[][] {
            {"metrics/" + downloaded + ".metrics.tsv", "metrics/series_matrix.metrics.tsv"},
            {"metrics/" + downloaded + ".metrics.json", "metrics/series_matrix.metrics.json"},
            {"predictions/" + downloaded + ".predictions.tsv", "predictions/series_matrix.predictions.tsv"},
            // The test data share the training data's name, so they get the .test id either way.
            {"predictions/" + downloaded + ".test.predictions.tsv", "predictions/series_matrix.test.predictions.tsv"},
        }) {
            assertIdentical(fromAccession.results().resolve(pair[0]), fromLocalFile.results().resolve(pair[1]));
        }
    }

    @Test
    void rerunAfterDeletingWorkMakesNoRequest() throws IOException {
        assertEquals(0, rerun.exitCode(), rerun.output());
        assertEquals(List.of(), rerunRequests, "the cache should have served every file");
        assertTrue(rerun.output().contains("Stored process > FETCH_INPUTS:DOWNLOAD"), rerun.output());
        String metrics = "metrics/" + ACCESSION + "_series_matrix.metrics.tsv";
        assertIdentical(fromAccession.results().resolve(metrics), rerun.results().resolve(metrics));
    }

    /** --offline with an empty cache: one error line naming the accession, no task, no request. */
    @Test
    void offlineWithEmptyCacheFailsNamingTheAccession() throws Exception {
        Run run = nextflow("offline", withAnalysis("--accession", ACCESSION, "--offline",
                "--geo_base", base() + "/geo", "--download_cache", tmp.resolve("empty-cache").toString()));
        assertNotEquals(0, run.exitCode(), run.output());
        List<String> errors = run.output().lines().filter(l -> l.contains("error")).toList();
        assertEquals(1, errors.size(), run.output());
        assertTrue(errors.get(0).startsWith("exprflow: error: --offline: accession " + ACCESSION + " "), errors.get(0));
        assertEquals(List.of(), taskDirs(run.workDir()), "a task ran: " + run.output());
        assertEquals(List.of(), takeRequests());
    }

    // ---- helpers ----

    /** The mirror: the matrix at its GEO path, 404 elsewhere; every request is logged. */
    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        synchronized (requests) {
            requests.add(exchange.getRequestMethod() + " " + path);
        }
        try (exchange) {
            if (!path.equals(MATRIX_PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, matrix.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(matrix);
            }
        }
    }

    private static List<String> takeRequests() {
        synchronized (requests) {
            List<String> taken = List.copyOf(requests);
            requests.clear();
            return taken;
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String[] withAnalysis(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(ANALYSIS);
        return all.toArray(String[]::new);
    }

    /** ./nextfloww -log ... run . ARGS -w <tmp>/work-NAME --outdir <tmp>/results-NAME-<n>, from the repository root. */
    private static Run nextflow(String name, String... args) throws IOException, InterruptedException {
        Path work = tmp.resolve("work-" + name);
        Path results = Files.createTempDirectory(tmp, "results-" + name + "-");
        Path log = Files.createTempFile(tmp, name + "-", ".out");
        List<String> command = new ArrayList<>(List.of("./nextfloww", "-log", log + ".nextflow.log",
                "run", ".", "-ansi-log", "false", "-w", work.toString(), "--outdir", results.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(TestEnvironment.projectDir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
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
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), work, results);
    }

    /** Byte for byte, like cmp. */
    private static void assertIdentical(Path expected, Path actual) throws IOException {
        assertTrue(Files.isRegularFile(expected), expected + " was not published");
        assertTrue(Files.isRegularFile(actual), actual + " was not published");
        assertEquals(-1L, Files.mismatch(expected, actual), expected + " and " + actual + " differ");
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

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
