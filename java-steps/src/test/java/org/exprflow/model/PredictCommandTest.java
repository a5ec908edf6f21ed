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
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict through the CLI: a model trained by train applied to new data, and the files it refuses. */
@Tag("unit")
class PredictCommandTest {
    @TempDir
    Path dir;

    private Path write(Dataset d, String name) throws Exception {
        Path p = dir.resolve(name);
        DatasetFile.write(d, p);
        return p;
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
    void predictRefusesAFileThatIsNotAModel() throws Exception {
        Path data = write(SyntheticData.classes(25, 10, 10, 2, 1, "A", "B"), "d.xfd");
        Path notModel = dir.resolve("model.xfm");
        Files.writeString(notModel, "sample\tlabel\nS1\tA\n");
        Path out = dir.resolve("p.tsv");
        Cli.run("predict", "--model", notModel.toString(), "--input", data.toString(),
                "--output", out.toString()).assertOneLineError(3, notModel + ": not an exprflow model file");
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
        Cli.run("predict", "--model", future.toString(), "--input", data.toString(),
                "--output", out.toString()).assertOneLineError(3, "model format version " + (ModelFile.FORMAT_VERSION + 1) + " is newer");
        assertFalse(Files.exists(out));
    }

    @Test
    void predictRefusesAFormatOneModelAndAsksForRetraining() throws Exception {
        // Format 1 (exprflow 0.1.0) held its features in ModelPipeline itself; deserialising it into
        // today's classes would silently leave fields empty.
        Path data = write(SyntheticData.classes(27, 10, 10, 2, 1, "A", "B"), "d.xfd");
        Path old = dir.resolve("old.xfm");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(old))) {
            out.write(new byte[] {'X', 'F', 'M', 'D'});
            out.writeInt(1);
            out.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        }
        Path out = dir.resolve("p.tsv");
        Cli.run("predict", "--model", old.toString(), "--input", data.toString(),
                "--output", out.toString()).assertOneLineError(3, "model was written by exprflow 0.1.0 (model format 1)");
        assertFalse(Files.exists(out));
    }

    /** A model of the dataset's top 5 features, as m.xfm. */
    private Path trainTopFive(Dataset d) throws Exception {
        Path model = dir.resolve("m.xfm");
        assertEquals(0, Cli.run("train", "--input", write(d, "d.xfd").toString(), "--output", model.toString(),
                "--top-k", "5").exitCode());
        return model;
    }

    @Test
    void predictRefusesAMatrixMissingModelFeatures() throws Exception {
        Dataset d = SyntheticData.classes(27, 20, 30, 4, 1, "A", "B");
        Path model = trainTopFive(d);
        Path fewer = write(d.subsetFeatures(java.util.stream.IntStream.range(1, 30).toArray()), "fewer.xfd");
        Path out = dir.resolve("p.tsv");
        Cli.run("predict", "--model", model.toString(), "--input", fewer.toString(),
                "--output", out.toString()).assertOneLineError(4, "lacks 1 of the model's 30 features (first: g0)");
        assertFalse(Files.exists(out));
    }

    @Test
    void imputationIsRefusedWhenTooManyModelFeaturesAreAbsent() throws Exception {
        Dataset d = SyntheticData.classes(28, 20, 30, 4, 1, "A", "B");
        Path model = trainTopFive(d);
        Path out = dir.resolve("p.tsv");
        // 1 of 30 absent (3%): imputed, with a warning
        Path oneAbsent = write(d.subsetFeatures(java.util.stream.IntStream.range(1, 30).toArray()), "one.xfd");
        Cli.Result ok = Cli.run("predict", "--model", model.toString(), "--input", oneAbsent.toString(),
                "--output", out.toString(), "--impute-missing-features");
        assertEquals(0, ok.exitCode(), ok.stderr());
        assertTrue(ok.stderr().contains("imputing 1 of 30 model features"), ok.stderr());
        // 4 of 30 absent (13%) is more than the default 10%: refused, nothing written
        Files.delete(out);
        Path fourAbsent = write(d.subsetFeatures(java.util.stream.IntStream.range(4, 30).toArray()), "four.xfd");
        Cli.run("predict", "--model", model.toString(), "--input", fourAbsent.toString(), "--output", out.toString(),
                "--impute-missing-features").assertOneLineError(4, "lacks 4 of the model's 30 features");
        assertFalse(Files.exists(out));
        // a larger share allowed on purpose
        assertEquals(0, Cli.run("predict", "--model", model.toString(), "--input", fourAbsent.toString(),
                "--output", out.toString(), "--impute-missing-features", "--max-imputed-fraction", "0.2").exitCode());
    }
    /**
     * Issue 14: new samples with labels. Every row keeps its truth (the dataset's target of the model's
     * name), repeat and fold are NA (no CV fold; never 0), the model's and ZeroR's rows are told apart by
     * the learner column, ZeroR gives every sample the saved model's training prior, and evaluate scores
     * the rows as the set predict, model beside ZeroR.
     */
    @Test
    void labelledNewSamplesKeepTheirTruthWithNoFoldAndEvaluateScoresThem() throws Exception {
        Dataset d = SyntheticData.classes(31, 40, 30, 6, 2, "A", "B");
        Path model = trainTopFive(d.subsetSamples(java.util.stream.IntStream.range(0, 30).toArray()));
        Dataset fresh = d.subsetSamples(java.util.stream.IntStream.range(30, 40).toArray());
        Path out = dir.resolve("new.predictions.tsv");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--input", write(fresh, "new.xfd").toString(),
                "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("(10 with a known 'label' label"), r.stderr());

        List<String> lines = Files.readAllLines(out);
        assertEquals("## exprflow predictions 1", lines.get(0));
        for (String line : lines.subList(2, lines.size())) {
            assertTrue(line.startsWith("predict\tNA\tNA\t"), line);
        }
        PredictionTable table = PredictionTable.read(out);
        List<PredictionTable.Row> modelRows = table.rows("predict", "model");
        List<PredictionTable.Row> zeroR = table.rows("predict", "ZeroR");
        assertEquals(10, modelRows.size());
        assertEquals(10, zeroR.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(fresh.targets().get(0).label(fresh.sampleIds().indexOf(modelRows.get(i).sample())), modelRows.get(i).truth());
            assertEquals(PredictionTable.NO_FOLD, modelRows.get(i).repeat());
            assertArrayEquals(ModelFile.read(model).predictBaseline(1)[0], zeroR.get(i).probabilities(), 0,
                    "ZeroR: the training prior");
        }

        Path metrics = dir.resolve("m.json");
        Path tsv = dir.resolve("m.tsv");
        assertEquals(0, Cli.run("evaluate", "--predictions", out.toString(), "--output-tsv", tsv.toString(),
                "--output-json", metrics.toString(), "--bootstrap", "0").exitCode());
        List<String> metricLines = Files.readAllLines(tsv);
        assertTrue(metricLines.stream().anyMatch(l -> l.startsWith("predict\tmodel\tbalanced_accuracy\tall\t")), metricLines.toString());
        assertTrue(metricLines.stream().anyMatch(l -> l.startsWith("predict\tZeroR\tbalanced_accuracy\tall\t0.5")));
        assertTrue(Files.readString(metrics).contains("\"predict\": {"));
    }
}
