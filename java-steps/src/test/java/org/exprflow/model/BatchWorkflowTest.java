package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch path through the steps, as the pipeline runs it: import takes the batch from a
 * samplesheet column (--batch-column), split makes leave-one-batch-out folds, train fits ComBat in
 * each fold and meets the held-out batch with the own-batch fallback, evaluate breaks held-out
 * accuracy down by batch and records the fallback, the report states all three. Regression gets
 * ComBat through the same feature pipeline.
 */
@Tag("unit")
class BatchWorkflowTest {
    @TempDir
    Path dir;

    @Test
    void leaveOneBatchOutWithComBatReportsPerBatchAccuracyAndTheFallback() throws Exception {
        Path matrix = dir.resolve("m.tsv");
        Path sheet = dir.resolve("sheet.tsv");
        writeStudy(matrix, sheet, 5);
        Path data = dir.resolve("d.xfd");
        Cli.Result imported = Cli.run("import", "--input", matrix.toString(), "--format", "tsv", "--samplesheet",
                sheet.toString(), "--batch-column", "run", "--output", data.toString());
        assertEquals(0, imported.exitCode(), imported.stderr());
        assertEquals("run3", Batches.of(DatasetFile.read(data))[20]);

        Path splits = dir.resolve("splits.tsv");
        Cli.Result split = Cli.run("split", "--input", data.toString(), "--output", splits.toString(),
                "--group-column", "batch", "--leave-one-group-out");
        assertEquals(0, split.exitCode(), split.stderr());
        SplitPlan plan = SplitPlan.read(splits);
        List<String> args = new ArrayList<>(List.of("evaluate"));
        for (int fold = 1; fold <= 5; fold++) {
            List<String> held = new ArrayList<>(plan.heldOut(1, fold));
            assertEquals(10, held.size());
            Path pred = dir.resolve("f" + fold + ".tsv");
            Cli.Result train = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(fold), "--predictions", pred.toString(), "--output",
                    dir.resolve("f" + fold + ".xfm").toString(), "--transforms", "combat", "--top-k", "20",
                    "--learner", "weka.classifiers.functions.SMO");
            assertEquals(0, train.exitCode(), train.stderr());
            assertTrue(train.stderr().contains("own-batch fallback"), train.stderr());
            args.add("--predictions");
            args.add(pred.toString());
        }
        // The permutation test keeps the leave-one-batch-out folds (they do not depend on the labels).
        Path perm = dir.resolve("perm.tsv");
        Cli.Result permuted = Cli.run("permute", "--input", data.toString(), "--splits", splits.toString(), "--from", "1",
                "--to", "1", "--output", perm.toString(), "--transforms", "combat", "--top-k", "20", "--learner",
                "weka.classifiers.functions.SMO", "--folds-from-splits");
        assertEquals(0, permuted.exitCode(), permuted.stderr());
        assertTrue(permuted.stderr().contains("own-batch fallback"), permuted.stderr());

        // The saved model carries the fitted ComBat: predict adjusts new samples by their batch...
        Cli.Result predicted = Cli.run("predict", "--model", dir.resolve("f1.xfm").toString(), "--input", data.toString(),
                "--output", dir.resolve("p.tsv").toString());
        assertEquals(0, predicted.exitCode(), predicted.stderr());
        // ...and refuses samples without one.
        Path noBatch = dir.resolve("nobatch.xfd");
        assertEquals(0, Cli.run("--quiet", "import", "--input", matrix.toString(), "--format", "tsv", "--output",
                noBatch.toString()).exitCode());
        Cli.run("--quiet", "predict", "--model", dir.resolve("f1.xfm").toString(), "--input", noBatch.toString(), "--output",
                dir.resolve("q.tsv").toString()).assertOneLineError(4, "needs the batch of every sample");
        assertFalse(Files.exists(dir.resolve("q.tsv")));

        Path json = dir.resolve("m.json");
        args.addAll(List.of("--dataset", data.toString(), "--cv-scheme", "leave_one_batch_out", "--transforms", "combat",
                "--bootstrap", "0", "--output-tsv", dir.resolve("m.tsv").toString(), "--output-json", json.toString()));
        Cli.Result evaluated = Cli.run(args.toArray(String[]::new));
        assertEquals(0, evaluated.exitCode(), evaluated.stderr());
        JsonNode metrics = StepJson.METRICS.read(json);
        assertEquals("leave_one_batch_out", metrics.path("cv_scheme").path("kind").asText());
        assertEquals("batch", metrics.path("cv_scheme").path("group_column").asText());
        JsonNode batches = metrics.path("batches");
        assertEquals(5, batches.path("by_batch").size());
        assertEquals(5, batches.path("unseen_in_training").size());
        assertTrue(batches.path("own_batch_fallback").asBoolean());
        for (JsonNode b : batches.path("by_batch")) {
            assertEquals(10, b.path("samples").asInt());
            assertNotNull(b.path("balanced_accuracy").numberValue());
        }

        Path html = dir.resolve("r.html");
        assertEquals(0, Cli.run("report", "--metrics", json.toString(), "--output", html.toString()).exitCode());
        String report = Files.readString(html);
        assertTrue(report.contains("Leave-one-batch-out"), report);
        assertTrue(report.contains("Held-out accuracy by batch"), report);
        assertTrue(report.contains("own-batch fallback was used"), report);
    }

    @Test
    void comBatWithoutBatchesIsOneLineError() throws Exception {
        Path matrix = dir.resolve("m.tsv");
        Path sheet = dir.resolve("sheet.tsv");
        writeStudy(matrix, sheet, 5);
        Path data = dir.resolve("d.xfd");
        assertEquals(0, Cli.run("import", "--input", matrix.toString(), "--format", "tsv", "--samplesheet",
                sheet.toString(), "--output", data.toString()).exitCode()); // 'run' stays an annotation, no 'batch'
        Path model = dir.resolve("x.xfm");
        Cli.run("--quiet", "train", "--input", data.toString(), "--output", model.toString(), "--transforms", "combat")
                .assertOneLineError(4, "needs the batch of every sample");
        assertFalse(Files.exists(model));
        Cli.run("--quiet", "import", "--input", matrix.toString(), "--format", "tsv", "--samplesheet", sheet.toString(),
                "--batch-column", "lane", "--output", dir.resolve("e.xfd").toString())
                .assertOneLineError(2, "--batch-column 'lane' is not a samplesheet column of 'm'");
    }

    @Test
    void regressionGetsComBatThroughTheSharedFeaturePipeline() {
        Random rng = new Random(5);
        int n = 40;
        int p = 30;
        double[][] v = new double[n][p];
        List<String> ids = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids.add("s" + i);
            int b = i % 4;
            batch.add("b" + b);
            y[i] = rng.nextGaussian();
            for (int g = 0; g < p; g++) {
                v[i][g] = 8 + 3 * b + (g < 5 ? y[i] : 0) + 0.3 * rng.nextGaussian();
            }
        }
        List<String> features = new ArrayList<>();
        for (int g = 0; g < p; g++) {
            features.add("g" + g);
        }
        Map<String, List<String>> ann = new LinkedHashMap<>();
        ann.put(Batches.ANNOTATION, batch);
        Dataset d = new Dataset("reg", ids, features, FeatureIdType.OTHER, v, ann, List.of(Target.numeric("y", y)));
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> i < 32).toArray();
        int[] test = java.util.stream.IntStream.range(32, n).toArray();
        Dataset tr = d.subsetSamples(train);
        RegressionPipeline withComBat = RegressionPipeline.fit(tr, tr.target("y"), List.of("combat"), 5,
                "weka.classifiers.functions.LinearRegression", 1);
        RegressionPipeline without = RegressionPipeline.fit(tr, tr.target("y"), List.of("none"), 5,
                "weka.classifiers.functions.LinearRegression", 1);
        double errWith = 0;
        double errWithout = 0;
        double[] pw = withComBat.predict(d.subsetSamples(test));
        double[] po = without.predict(d.subsetSamples(test));
        for (int k = 0; k < test.length; k++) {
            errWith += Math.pow(pw[k] - y[test[k]], 2);
            errWithout += Math.pow(po[k] - y[test[k]], 2);
        }
        assertEquals("combat", withComBat.metadata().get("transforms"));
        assertTrue(errWith < errWithout, "ComBat " + errWith + " vs none " + errWithout);
    }

    /**
     * 50 samples in 5 runs of 10; 200 genes; genes 0-9 shifted by 1.5 in tumour; each run shifts every
     * gene (SD 1). Run 1 holds normal samples only and run 2 tumours only (the case).
     */
    static void writeStudy(Path matrix, Path sheet, long seed) throws Exception {
        Random rng = new Random(seed);
        int runs = 5;
        int per = 10;
        int genes = 200;
        int n = runs * per;
        double[][] v = new double[n][genes];
        StringBuilder ss = new StringBuilder("sample\tlabel\trun\n");
        String[] label = new String[n];
        for (int r = 0; r < runs; r++) {
            double[] shift = new double[genes];
            for (int g = 0; g < genes; g++) {
                shift[g] = rng.nextGaussian();
            }
            for (int k = 0; k < per; k++) {
                int i = r * per + k;
                label[i] = r == 0 ? "normal" : r == 1 ? "tumour" : k % 2 == 0 ? "normal" : "tumour";
                for (int g = 0; g < genes; g++) {
                    v[i][g] = 8 + shift[g] + rng.nextGaussian() + (g < 10 && label[i].equals("tumour") ? 1.5 : 0);
                }
                ss.append("S").append(i).append('\t').append(label[i]).append("\trun").append(r + 1).append('\n');
            }
        }
        StringBuilder m = new StringBuilder("id");
        for (int i = 0; i < n; i++) {
            m.append("\tS").append(i);
        }
        m.append('\n');
        for (int g = 0; g < genes; g++) {
            m.append("g").append(g);
            for (int i = 0; i < n; i++) {
                m.append('\t').append(v[i][g]);
            }
            m.append('\n');
        }
        Files.writeString(matrix, m.toString());
        Files.writeString(sheet, ss.toString());
    }
}
