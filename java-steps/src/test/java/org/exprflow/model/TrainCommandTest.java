package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** train through the CLI: fold tasks, final models, refused training data. (Its models applied: PredictCommandTest.) */
@Tag("unit")
class TrainCommandTest {
    @TempDir
    Path dir;

    private Path write(Dataset d, String name) throws Exception {
        Path p = dir.resolve(name);
        DatasetFile.write(d, p);
        return p;
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
    void unlabelledTrainingSamplesAreRefused() throws Exception {
        Dataset d = SyntheticData.classes(23, 12, 10, 2, 1, "A", "B");
        List<String> labels = new ArrayList<>(d.primaryTarget().labels());
        labels.set(3, null);
        Path data = write(d.withTargets(List.of(Target.nominal("label", labels))), "u.xfd");
        Path model = dir.resolve("m.xfm");
        Cli.run("train", "--input", data.toString(), "--output", model.toString()).assertOneLineError(4,
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
        Cli.run("train", "--input", data.toString(), "--output", model.toString()).assertOneLineError(4,
                "class 'C' of target 'label' has a single training sample");
        assertFalse(Files.exists(model));
    }

    @Test
    void imbalanceIsRecordedInTheModelAndNoneChangesNothing() throws Exception {
        Path data = write(ClassImbalanceTest.imbalanced(4, 27, 9, 40, 5, 1.5), "i.xfd");
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        Path plain = dir.resolve("plain.tsv");
        Path none = dir.resolve("none.tsv");
        assertEquals(0, Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                "--fold", "1", "--predictions", plain.toString(), "--top-k", "10").exitCode());
        assertEquals(0, Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                "--fold", "1", "--predictions", none.toString(), "--top-k", "10", "--imbalance", "none").exitCode());
        assertEquals(Files.readString(plain), Files.readString(none)); // the default is none, byte for byte
        for (String handling : List.of("none", "weights", "smote")) {
            Path model = dir.resolve(handling + ".xfm");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--top-k", "10",
                    "--imbalance", handling);
            assertEquals(0, r.exitCode(), r.stderr());
            ModelPipeline m = ModelFile.read(model);
            assertEquals(handling, m.metadata().get("imbalance"));
            assertEquals(switch (handling) {
                case "none" -> "A: 27 rows; B: 9 rows";
                case "weights" -> "A: 27 rows × 0.666666666667; B: 9 rows × 2";
                default -> "A: 27 rows; B: 9 + 18 SMOTE rows";
            }, m.metadata().get("learner_rows"));
        }
    }

    @Test
    void badImbalanceIsOneLineAndWritesNothing() throws Exception {
        Path data = write(SyntheticData.classes(21, 12, 10, 2, 1, "A", "B"), "b.xfd");
        Path model = dir.resolve("m.xfm");
        Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--imbalance", "oversample")
                .assertOneLineError(2, "--imbalance");
    }

    @Test
    void trainFractionTrainsOnASubsetAndScoresTheWholeHeldOutFold() throws Exception {
        Path data = write(SyntheticData.classes(21, 30, 80, 10, 2, "A", "B"), "d.xfd");
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        Path curve = dir.resolve("fold.lc.tsv");
        String[] args = {"train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1", "--fold", "2",
                "--predictions", curve.toString(), "--output", dir.resolve("fold.xfm").toString(), "--top-k", "10",
                "--learner", "weka.classifiers.functions.SMO -M;weka.classifiers.bayes.NaiveBayes", "--train-fraction", "0.5"};
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
        List<org.exprflow.stepfile.LearningCurveTable.Row> rows = org.exprflow.stepfile.LearningCurveTable.read(curve);
        SplitPlan plan = SplitPlan.read(splits);
        List<String> held = new ArrayList<>(plan.heldOut(1, 2));
        assertEquals(held, rows.stream().map(org.exprflow.stepfile.LearningCurveTable.Row::sample).toList());
        // 20 training samples, 10 per class: half of each class
        assertEquals(20, plan.trainingSamples().size() - held.size());
        for (org.exprflow.stepfile.LearningCurveTable.Row row : rows) {
            assertEquals(10, row.trainingSamples());
            assertEquals(0.5, row.fraction());
            assertEquals(1, row.repeat());
            assertEquals(2, row.fold());
        }
        byte[] first = Files.readAllBytes(curve);
        assertEquals(0, Cli.run(args).exitCode());
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(curve)), "a rerun wrote other bytes");
    }

    @Test
    void trainFractionNeedsAFoldAndARange() throws Exception {
        Path data = write(SyntheticData.classes(21, 12, 10, 2, 1, "A", "B"), "d.xfd");
        Path model = dir.resolve("m.xfm");
        Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--train-fraction", "0.5")
                .assertOneLineError(2, "--train-fraction needs a CV fold");
        Cli.run("train", "--input", data.toString(), "--splits", "s.tsv", "--repeat", "1", "--fold", "1",
                "--predictions", "p.tsv", "--train-fraction", "0").assertOneLineError(2,
                "--train-fraction must be above 0 and at most 1, got 0.0");
        assertFalse(Files.exists(model));
    }
}
