package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.testing.NextflowRun;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classify analysis on an nf-core/rnaseq gene count matrix (the simulated study of
 * test-data/counts, written by {@code exprflow simulate-counts}): import detects the gene matrix
 * and records counts, QC describes the libraries, normalise skips its per-value stage, and the run
 * trains, evaluates and reports as for any other input. -profile test's settings, without its split
 * column (the count samplesheet has none).
 */
@Tag("pipeline")
class CountsPipelineIT {
    private static final long TIMEOUT_MINUTES = 10;

    @TempDir
    Path tmp;

    @Test
    void aGeneCountMatrixRunsImportQcNormaliseAndTrain() throws Exception {
        Path project = TestEnvironment.projectDir();
        Path results = tmp.resolve("results");
        Path work = run("{\"split_column\": null}", "--input", project.resolve("test-data/counts/salmon.merged.gene_counts.tsv").toString(),
                "--samplesheet", project.resolve("test-data/counts/samplesheet.csv").toString(),
                // One flag for the count normalisation: edgeR's TMM and log-CPM, fitted in every training fold.
                "--transforms", "tmm_logcpm",
                "--outdir", results.toString());

        String taskLogs = taskErrLogs(work);
        assertTrue(taskLogs.contains("[import] format: gene-matrix (detected)"), taskLogs);
        assertTrue(taskLogs.contains("[import] shape: 24 samples x 100 features (ensembl ids), values: counts"), taskLogs);
        assertTrue(taskLogs.contains("values are counts: the per-value stage (floor, ceiling, log2) is skipped"), taskLogs);
        assertTrue(taskLogs.contains("[qc] counts: library size min "), taskLogs);
        assertTrue(taskLogs.contains("tmm_logcpm"), "the models name their count transform: " + taskLogs);

        List<String> qc = Files.readAllLines(results.resolve("qc/salmon.qc.tsv"));
        assertTrue(qc.get(0).endsWith("\tlibrary_size\tzero_fraction\tdetected_genes"), qc.get(0));
        assertEquals(25, qc.size());
        String metrics = Files.readString(results.resolve("metrics/salmon.metrics.tsv"));
        assertTrue(metrics.contains("cv\tmodel\tbalanced_accuracy\tall\t"), metrics);
        assertTrue(Files.isRegularFile(results.resolve("report/salmon.report.html")));
        assertTrue(Files.isRegularFile(results.resolve("model/salmon.xfm")));
    }

    /**
     * Per-sample salmon files listed in the samplesheet's file column, with no --input: every file
     * is named quant.sf.gz, so the pipeline stages them one folder each and the step gets them in
     * the samplesheet's row order; tx2gene comes through --tx2gene.
     */
    @Test
    void perSampleSalmonFilesFromTheSamplesheetRunWithoutInput() throws Exception {
        Path project = TestEnvironment.projectDir();
        Path results = tmp.resolve("results");
        // -profile test's --input unset: the samplesheet's files are the input
        Path work = run("{\"split_column\": null, \"input\": null}",
                "--samplesheet", project.resolve("test-data/counts/samplesheet_salmon.csv").toString(),
                "--tx2gene", project.resolve("test-data/counts/tx2gene.tsv").toString(),
                "--transforms", "tmm_logcpm",
                "--outdir", results.toString());

        String taskLogs = taskErrLogs(work);
        assertTrue(taskLogs.contains("[import] format: salmon (detected), 24 per-sample files"), taskLogs);
        assertTrue(taskLogs.contains("[import] shape: 24 samples x 100 features"), taskLogs);
        List<String> qc = Files.readAllLines(results.resolve("qc/samplesheet_salmon.qc.tsv"));
        assertEquals(25, qc.size());
        String metrics = Files.readString(results.resolve("metrics/samplesheet_salmon.metrics.tsv"));
        assertTrue(metrics.contains("cv\tmodel\tbalanced_accuracy\tall\t"), metrics);
        assertTrue(Files.isRegularFile(results.resolve("report/samplesheet_salmon.report.html")));
    }

    /**
     * Runs -profile test with paramsJson (at least its split column unset: the count samplesheets
     * have none) and args; asserts exit 0 and returns the work directory.
     */
    private Path run(String paramsJson, String... args) throws Exception {
        Path params = Files.writeString(tmp.resolve("params.json"), paramsJson + "\n");
        List<String> all = new ArrayList<>(List.of("-profile", "test", "-params-file", params.toString()));
        all.addAll(List.of(args));
        NextflowRun.Result r = NextflowRun.run(tmp, "counts", TIMEOUT_MINUTES, all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        return r.work();
    }

    /** Every task's .command.err, concatenated. */
    private static String taskErrLogs(Path work) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals(".command.err")).sorted().toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
