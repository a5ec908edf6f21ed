package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.DatasetFile;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.CandidateScores;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train's per-fold candidate scores (--candidate-scores, --compare-models), the input of the model comparison. */
@Tag("unit")
class FoldComparisonTest {
    private static final String GRID = "weka.classifiers.bayes.NaiveBayes;weka.classifiers.lazy.IBk -K 3";

    @TempDir
    Path dir;
    private Path data;
    private Path splits;

    @BeforeEach
    void data() throws Exception {
        data = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(41, 30, 50, 6, 0.9, "A", "B"), data);
        splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
    }

    private List<CandidateScores.Row> train(String... extra) {
        Path scores = dir.resolve("scores.tsv");
        List<String> args = new ArrayList<>(List.of("train", "--input", data.toString(), "--splits", splits.toString(),
                "--repeat", "1", "--fold", "2", "--predictions", dir.resolve("pred.tsv").toString(),
                "--inner-repeats", "1", "--candidate-scores", scores.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return CandidateScores.read(scores);
    }

    private double fromPredictions(String learner) {
        PredictionTable t = PredictionTable.read(dir.resolve("pred.tsv"));
        return ConfusionMatrix.of(t.levels(), t.rows("cv", learner)).balancedAccuracy();
    }

    @Test
    void singleCandidateIsTheModelAndComesWithZeroR() {
        List<CandidateScores.Row> rows = train("--top-k", "10");
        assertEquals(List.of("1", "model", "ZeroR"), rows.stream().map(CandidateScores.Row::candidate).toList());
        int held = 10;
        for (CandidateScores.Row r : rows) {
            assertEquals(held, r.nTest());
            assertEquals(30 - held, r.nTrain());
            assertEquals(1, r.repeat());
            assertEquals(2, r.fold());
        }
        assertEquals(fromPredictions("model"), rows.get(0).balancedAccuracy(), 1e-11);
        assertEquals(rows.get(0).balancedAccuracy(), rows.get(1).balancedAccuracy());
        assertEquals(fromPredictions("ZeroR"), rows.get(2).balancedAccuracy(), 1e-11);
        assertEquals(0.5, rows.get(2).balancedAccuracy(), "ZeroR predicts one class: balanced accuracy 1/2");
    }

    @Test
    void gridWithoutCompareModelsWritesTheModelAndZeroROnly() {
        List<CandidateScores.Row> rows = train("--learner", GRID, "--top-k", "5,20");
        assertEquals(List.of("model", "ZeroR"), rows.stream().map(CandidateScores.Row::candidate).toList());
    }

    @Test
    void compareModelsScoresEveryCandidateAndReusesTheChosenOne() throws Exception {
        List<CandidateScores.Row> rows = train("--learner", GRID, "--top-k", "5,20", "--compare-models");
        assertEquals(List.of("1", "2", "3", "4", "model", "ZeroR"), rows.stream().map(CandidateScores.Row::candidate).toList());
        assertEquals(List.of("weka.classifiers.bayes.NaiveBayes", "weka.classifiers.bayes.NaiveBayes",
                "weka.classifiers.lazy.IBk -K 3", "weka.classifiers.lazy.IBk -K 3"),
                rows.subList(0, 4).stream().map(CandidateScores.Row::learner).toList());
        assertEquals(List.of("5", "20", "5", "20"), rows.subList(0, 4).stream().map(CandidateScores.Row::topK).toList());
        CandidateScores.Row model = rows.get(4);
        CandidateScores.Row chosen = rows.subList(0, 4).stream()
                .filter(r -> r.learner().equals(model.learner()) && r.topK().equals(model.topK())).findFirst().orElseThrow();
        assertEquals(model.balancedAccuracy(), chosen.balancedAccuracy());
        assertEquals(fromPredictions("model"), model.balancedAccuracy(), 1e-11);
        // Each candidate fitted on the outer training rows as the final fit of selection would fit it.
        Path single = dir.resolve("single.tsv");
        for (CandidateScores.Row r : rows.subList(0, 4)) {
            assertEquals(0, Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", "2", "--predictions", dir.resolve("pred.tsv").toString(), "--learner", r.learner(),
                    "--top-k", r.topK(), "--candidate-scores", single.toString()).exitCode());
            assertEquals(CandidateScores.read(single).get(0).balancedAccuracy(), r.balancedAccuracy(), r.toString());
        }
        // Same inputs, same bytes.
        byte[] first = Files.readAllBytes(dir.resolve("scores.tsv"));
        train("--learner", GRID, "--top-k", "5,20", "--compare-models");
        assertEquals(new String(first), Files.readString(dir.resolve("scores.tsv")));
    }

    @Test
    void optionsThatNeedAFoldOrTheScoresAreRefused() {
        Path model = dir.resolve("m.xfm");
        Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--candidate-scores",
                dir.resolve("s.tsv").toString()).assertOneLineError(2, "--candidate-scores needs a CV fold");
        Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1", "--fold", "2",
                "--predictions", dir.resolve("p.tsv").toString(), "--compare-models")
                .assertOneLineError(2, "--compare-models needs --candidate-scores");
        assertFalse(Files.exists(model));
    }
}
