package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.testing.Cli;
import org.exprflow.testing.GolubTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model comparison on real data: Golub's 38 training patients (ALL/AML, 7,129 probes), 5 outer
 * folds x 2 repeats, grid {SMO, NaiveBayes} x k {20, 200}, every TRAIN_CV task's candidate scores
 * exactly as the pipeline makes them; every comparison equals Weka's PairedCorrectedTTester on the
 * same per-fold values (tolerances in {@link ModelComparisonWekaTest}).
 */
@Tag("realdata")
class ModelComparisonGolubTest {
    @TempDir
    Path dir;

    @Test
    void golubComparisonsMatchPairedCorrectedTTester() throws Exception {
        Path data = GolubTraining.normalised(dir);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "5",
                "--repeats", "2").exitCode());
        List<Path> files = new ArrayList<>();
        for (int r = 1; r <= 2; r++) {
            for (int f = 1; f <= 5; f++) {
                Path scores = dir.resolve("r" + r + "f" + f + ".candidates.tsv");
                Cli.Result run = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat",
                        Integer.toString(r), "--fold", Integer.toString(f), "--predictions",
                        dir.resolve("r" + r + "f" + f + ".tsv").toString(), "--learner",
                        "weka.classifiers.functions.SMO -M;weka.classifiers.bayes.NaiveBayes", "--top-k", "20,200",
                        "--inner-repeats", "1", "--candidate-scores", scores.toString(), "--compare-models");
                assertEquals(0, run.exitCode(), run.stderr());
                files.add(scores);
            }
        }
        ModelComparison comparison = ModelComparison.read(files);
        assertEquals(7, comparison.comparisons().size());
        ModelComparison.Comparison modelVsZeroR = comparison.comparisons().get(0);
        assertEquals(10, modelVsZeroR.folds());
        // 38 patients in 5 folds: n_test/n_train = 2·38 / (2·4·38) = 1/4
        assertEquals(0.25, modelVsZeroR.testTrainRatio(), 1e-15);
        assertTrue(modelVsZeroR.meanDifference() > 0.3 && modelVsZeroR.p() < 0.01,
                "the nested procedure beats ZeroR on Golub: " + modelVsZeroR);
        double[] max = new double[3];
        ModelComparisonWekaTest.assertAllAgree(comparison, max);
        System.out.printf("PairedCorrectedTTester, Golub 2 x 5 folds (%d comparisons): model - ZeroR %.3f (p %.2e); max relative"
                + " difference corrected variance %.2e, t %.2e, p %.2e%n", comparison.comparisons().size(),
                modelVsZeroR.meanDifference(), modelVsZeroR.p(), max[0], max[1], max[2]);
    }
}
