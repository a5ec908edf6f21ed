package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis predict through ./nextfloww (issue 14): a model trained by hand (import, normalise,
 * train) on the 45 training samples of test-data/classify is applied to the whole matrix. With a
 * samplesheet that labels the 15 held-out samples, the run writes metrics (the model beside ZeroR,
 * set predict, exactly what `exprflow evaluate` gives on the published predictions) and a report;
 * without labels it stops at the predictions, as before. Predict rows carry repeat and fold as NA.
 */
@Tag("pipeline")
class PredictPipelineIT {
    private static final Path DATA = TestEnvironment.projectDir().resolve("test-data/classify");

    private static ResumeIT.Launch launch;
    private static ResumeIT.Result labelled;
    private static ResumeIT.Result unlabelled;

    @BeforeAll
    static void trainThenPredict() throws Exception {
        launch = new ResumeIT.Launch("predict");
        Path dir = launch.dir;
        List<String> sheet = Files.readAllLines(DATA.resolve("samplesheet.csv"));
        int split = Arrays.asList(sheet.get(0).split(",")).indexOf("split");
        List<String> train = new ArrayList<>(List.of(sheet.get(0)));
        List<String> test = new ArrayList<>(List.of(sheet.get(0)));
        for (String row : sheet.subList(1, sheet.size())) {
            (row.split(",")[split].equals("train") ? train : test).add(row);
        }
        Files.write(dir.resolve("train.csv"), train);
        Files.write(dir.resolve("labels.csv"), test);
        // train refuses unlabelled samples: a matrix of the training samples only
        Set<String> trainIds = train.stream().skip(1).map(r -> r.split(",")[0]).collect(Collectors.toSet());
        List<String> matrix = Files.readAllLines(DATA.resolve("matrix.tsv"));
        List<String> header = Arrays.asList(matrix.get(0).split("\t"));
        List<Integer> keep = new ArrayList<>(List.of(0));
        for (int j = 1; j < header.size(); j++) {
            if (trainIds.contains(header.get(j))) {
                keep.add(j);
            }
        }
        Files.write(dir.resolve("train_matrix.tsv"), matrix.stream().map(line -> {
            String[] f = line.split("\t");
            return keep.stream().map(j -> f[j]).collect(Collectors.joining("\t"));
        }).toList());
        exprflow("import", "--input", dir.resolve("train_matrix.tsv").toString(), "--samplesheet", dir.resolve("train.csv").toString(),
                "--output", dir.resolve("train.xfd").toString());
        exprflow("normalise", "--input", dir.resolve("train.xfd").toString(), "--output", dir.resolve("train.n.xfd").toString());
        exprflow("train", "--input", dir.resolve("train.n.xfd").toString(), "--output", dir.resolve("model.xfm").toString(),
                "--learner", "weka.classifiers.bayes.NaiveBayes", "--top-k", "20");

        List<String> common = List.of("--analysis", "predict", "--model", dir.resolve("model.xfm").toString(),
                "--input", DATA.resolve("matrix.tsv").toString(), "--multiqc", "never");
        List<String> withLabels = new ArrayList<>(common);
        withLabels.addAll(List.of("--samplesheet", dir.resolve("labels.csv").toString()));
        labelled = launch.run("labelled", Map.of(), withLabels.toArray(String[]::new));
        assertEquals(0, labelled.exitCode(), labelled.describe());
        unlabelled = launch.run("unlabelled", Map.of(), common.toArray(String[]::new));
        assertEquals(0, unlabelled.exitCode(), unlabelled.describe());
    }

    /** bin/exprflow ARGS with the jar under test; fails on a non-zero exit. */
    private static void exprflow(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestEnvironment.projectDir().resolve("bin/exprflow").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(launch.dir, "cli-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(launch.dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String jar = System.getProperty("exprflow.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            pb.environment().put("EXPRFLOW_JAR", jar);
        }
        pb.environment().remove("EXPRFLOW_TASK_MEMORY_MB");
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("exprflow " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        assertEquals(0, p.exitValue(), "exprflow " + String.join(" ", args) + ": " + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path published(ResumeIT.Result run, String relative) {
        Path f = run.outdir().resolve(relative);
        assertTrue(Files.isRegularFile(f), relative + " was not published: " + run.describe());
        return f;
    }

    @Test
    void labelledNewSamplesGetMetricsAndAReport() throws Exception {
        for (String process : List.of("IMPORT", "NORMALISE", "PREDICT", "EVALUATE_PREDICTED", "REPORT")) {
            List<ResumeIT.Task> tasks = labelled.of("PREDICT_SAMPLES:" + process);
            assertEquals(1, tasks.size(), process + ": " + labelled.describe());
            assertEquals("COMPLETED", tasks.get(0).status(), tasks.get(0).toString());
        }
        List<String> metrics = Files.readAllLines(published(labelled, "metrics/matrix.metrics.tsv"));
        for (String learner : List.of("model", "ZeroR")) {
            String prefix = "predict\t" + learner + "\tsamples\tall\t";
            assertTrue(metrics.contains(prefix + "15"), "15 labelled new samples scored for " + learner + ": " + metrics);
            assertTrue(metrics.stream().anyMatch(l -> l.startsWith("predict\t" + learner + "\tbalanced_accuracy\tall\t")));
        }
        // The published metrics are what evaluate writes on the published predictions (the same defaults).
        Path cli = Files.createDirectories(launch.dir.resolve("cli-evaluate"));
        exprflow("evaluate", "--predictions", published(labelled, "predictions/matrix.predictions.tsv").toString(),
                "--output-tsv", cli.resolve("m.tsv").toString(), "--output-json", cli.resolve("m.json").toString());
        assertEquals(-1L, Files.mismatch(cli.resolve("m.tsv"), published(labelled, "metrics/matrix.metrics.tsv")));
        assertEquals(-1L, Files.mismatch(cli.resolve("m.json"), published(labelled, "metrics/matrix.metrics.json")));

        String html = Files.readString(published(labelled, "report/matrix.report.html"));
        assertTrue(html.contains("<th>new samples model</th><th>new samples ZeroR</th>"), "metrics of the new samples");
        assertTrue(html.contains("New samples with known labels (15)"), "their ROC curves");
        assertTrue(labelled.output().contains("matrix: new-sample balanced accuracy "), labelled.output());
    }

    @Test
    void predictRowsHaveNoFoldAndTheLearnerColumnKeepsModelAndZeroRApart() throws IOException {
        List<String> lines = Files.readAllLines(published(labelled, "predictions/matrix.predictions.tsv"));
        assertEquals("## exprflow predictions 1", lines.get(0));
        List<String> rows = lines.subList(2, lines.size());
        assertEquals(2 * 60, rows.size(), "a model and a ZeroR row per sample");
        for (String row : rows) {
            String[] f = row.split("\t");
            assertEquals(List.of("predict", "NA", "NA"), List.of(f[0], f[1], f[2]), row);
            assertTrue(f[4].equals("model") || f[4].equals("ZeroR"), row);
        }
        assertEquals(15, rows.stream().filter(r -> r.split("\t")[4].equals("model") && !r.split("\t")[5].equals("NA")).count());
    }

    @Test
    void withoutLabelsTheRunStopsAtThePredictions() throws IOException {
        assertEquals(List.of(), unlabelled.of("PREDICT_SAMPLES:EVALUATE_PREDICTED"), unlabelled.describe());
        assertEquals(List.of(), unlabelled.of("PREDICT_SAMPLES:REPORT"), unlabelled.describe());
        assertFalse(Files.exists(unlabelled.outdir().resolve("metrics")), "metrics without labels");
        assertFalse(Files.exists(unlabelled.outdir().resolve("report")), "a report without labels");
        List<String> lines = Files.readAllLines(published(unlabelled, "predictions/matrix.predictions.tsv"));
        assertTrue(lines.subList(2, lines.size()).stream().allMatch(r -> r.startsWith("predict\tNA\tNA\t") && r.split("\t")[5].equals("NA")));
    }
}
