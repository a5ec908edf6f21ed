package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class TrainPredictCommandTest {
    @TempDir
    Path dir;

    private Path write(Dataset d, String name) throws Exception {
        Path p = dir.resolve(name);
        DatasetFile.write(d, p);
        return p;
    }

    private static void assertOneLineError(Cli.Result r, int code, String fragment) {
        assertEquals(code, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), "expected one line, got: " + r.stderr());
        assertTrue(r.stderr().contains(fragment), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "stack trace printed: " + r.stderr());
    }

    @Test
    void foldTaskWritesHeldOutPredictionsForModelAndZeroR() throws Exception {
        Path data = write(SyntheticData.classes(21, 30, 80, 10, 2, "A", "B"), "d.xfd");
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        Path pred = dir.resolve("fold.tsv");
        Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                "--fold", "2", "--predictions", pred.toString(), "--top-k", "10");
        assertEquals(0, r.exitCode(), r.stderr());
        PredictionTable t = PredictionTable.read(pred);
        List<String> held = new ArrayList<>(SplitPlan.read(splits).heldOut(1, 2));
        assertEquals(held.size(), t.rows("cv", "model").size());
        assertEquals(held.size(), t.rows("cv", "ZeroR").size());
        assertEquals(held, t.rows("cv", "model").stream().map(PredictionTable.Row::sample).toList());
        // ZeroR predicts the training majority with Weka's Laplace-smoothed class frequencies
        for (PredictionTable.Row row : t.rows("cv", "ZeroR")) {
            assertEquals(1.0, row.probabilities()[0] + row.probabilities()[1], 1e-12);
        }
    }

    @Test
    void savedModelPredictsReorderedInputWithExtraColumnsExactlyAsTheOriginal() throws Exception {
        Dataset d = SyntheticData.classes(22, 40, 60, 10, 2, "A", "B", "C");
        Path train = write(d.subsetSamples(java.util.stream.IntStream.range(0, 30).toArray()), "train.xfd");
        Dataset test = d.subsetSamples(java.util.stream.IntStream.range(30, 40).toArray());
        Path model = dir.resolve("m.xfm");
        assertEquals(0, Cli.run("train", "--input", train.toString(), "--output", model.toString(), "--top-k", "15").exitCode());

        int n = test.featureCount();
        int[] reversed = java.util.stream.IntStream.range(0, n).map(j -> n - 1 - j).toArray();
        Dataset shuffled = SyntheticData.shuffleRows(test.subsetFeatures(reversed), 5);
        double[][] v = new double[shuffled.sampleCount()][n + 1];
        List<String> ids = new ArrayList<>(shuffled.featureIds());
        ids.add("not_in_model");
        for (int i = 0; i < v.length; i++) {
            System.arraycopy(shuffled.row(i), 0, v[i], 0, n);
            v[i][n] = 42;
        }
        Dataset extra = new Dataset("extra", shuffled.sampleIds(), ids, shuffled.featureIdType(), v,
                shuffled.annotations(), shuffled.targets());

        Path p1 = dir.resolve("p1.tsv");
        Path p2 = dir.resolve("p2.tsv");
        assertEquals(0, Cli.run("predict", "--model", model.toString(), "--input", write(test, "t.xfd").toString(),
                "--output", p1.toString(), "--set", "test").exitCode());
        assertEquals(0, Cli.run("predict", "--model", model.toString(), "--input", write(extra, "e.xfd").toString(),
                "--output", p2.toString(), "--set", "test").exitCode());
        assertArrayEquals(Files.readAllBytes(p1), Files.readAllBytes(p2));
        assertEquals(10, PredictionTable.read(p1).rows("test", "model").size());
    }

    @Test
    void unlabelledTrainingSamplesAreRefused() throws Exception {
        Dataset d = SyntheticData.classes(23, 12, 10, 2, 1, "A", "B");
        List<String> labels = new ArrayList<>(d.primaryTarget().labels());
        labels.set(3, null);
        Path data = write(d.withTargets(List.of(Target.nominal("label", labels))), "u.xfd");
        Path model = dir.resolve("m.xfm");
        assertOneLineError(Cli.run("train", "--input", data.toString(), "--output", model.toString()), 4,
                "1 training sample(s) of 'synthetic' have no 'label' label (first: S004)");
        assertFalse(Files.exists(model));
    }

    @Test
    void singleSampleClassIsRefused() throws Exception {
        // 7 samples cycling over A, B, C: C gets S003 and S006; relabelling S006 leaves C one sample
        Dataset d = SyntheticData.classes(24, 7, 10, 2, 1, "A", "B", "C");
        List<String> labels = new ArrayList<>(d.primaryTarget().labels());
        labels.set(5, "A");
        Path data = write(d.withTargets(List.of(Target.nominal("label", labels))), "s.xfd");
        Path model = dir.resolve("m.xfm");
        assertOneLineError(Cli.run("train", "--input", data.toString(), "--output", model.toString()), 4,
                "class 'C' of target 'label' has a single training sample");
        assertFalse(Files.exists(model));
    }

    @Test
    void predictRefusesAFileThatIsNotAModel() throws Exception {
        Path data = write(SyntheticData.classes(25, 10, 10, 2, 1, "A", "B"), "d.xfd");
        Path notModel = dir.resolve("model.xfm");
        Files.writeString(notModel, "sample\tlabel\nS1\tA\n");
        Path out = dir.resolve("p.tsv");
        assertOneLineError(Cli.run("predict", "--model", notModel.toString(), "--input", data.toString(),
                "--output", out.toString()), 3, notModel + ": not an exprflow model file");
        assertFalse(Files.exists(out));
    }

    @Test
    void predictRefusesAModelFromANewerFormatVersion() throws Exception {
        Path data = write(SyntheticData.classes(26, 10, 10, 2, 1, "A", "B"), "d.xfd");
        Path future = dir.resolve("future.xfm");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(future))) {
            out.write(new byte[] {'X', 'F', 'M', 'D'});
            out.writeInt(ModelFile.FORMAT_VERSION + 1);
        }
        Path out = dir.resolve("p.tsv");
        assertOneLineError(Cli.run("predict", "--model", future.toString(), "--input", data.toString(),
                "--output", out.toString()), 3, "model format version " + (ModelFile.FORMAT_VERSION + 1) + " is newer");
        assertFalse(Files.exists(out));
    }

    @Test
    void predictRefusesAMatrixMissingModelFeatures() throws Exception {
        Dataset d = SyntheticData.classes(27, 20, 30, 4, 1, "A", "B");
        Path model = dir.resolve("m.xfm");
        assertEquals(0, Cli.run("train", "--input", write(d, "d.xfd").toString(), "--output", model.toString(),
                "--top-k", "5").exitCode());
        Path fewer = write(d.subsetFeatures(java.util.stream.IntStream.range(1, 30).toArray()), "fewer.xfd");
        Path out = dir.resolve("p.tsv");
        assertOneLineError(Cli.run("predict", "--model", model.toString(), "--input", fewer.toString(),
                "--output", out.toString()), 4, "lacks 1 of the model's 30 features (first: g0)");
        assertFalse(Files.exists(out));
    }
}
