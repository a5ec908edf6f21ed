package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.testing.GolubTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards against leakage. On the Golub training patients with permuted labels there is nothing to
 * learn, so an honest procedure must score near chance. A deliberately leaky variant, which ranks
 * genes on all samples before cross-validating, is run on the same permutations and must score
 * clearly above chance: if the pipeline ever starts to leak, the two converge and this test fails.
 * Light tier of the issue: 20 permutations, 5 outer folds x 1 repeat, 3 inner folds, grid
 * {SMO, NaiveBayes} x k {20, 200}.
 */
@Tag("realdata")
class LeakageRealDataTest {
    private static final int PERMUTATIONS = 20;

    @TempDir
    Path dir;

    @Test
    void honestNestedCvStaysAtChanceWhereLeakySelectionDoesNot() {
        Path norm = GolubTraining.normalised(dir);
        Dataset golub = DatasetFile.read(norm);
        Target truth = golub.primaryTarget();

        ModelOptions honest = ModelOptions.of(
                List.of("weka.classifiers.functions.SMO -M", "weka.classifiers.bayes.NaiveBayes"), List.of(20, 200),
                "standardise", 3, 1, 42, null);
        ModelOptions fixedFeatures = ModelOptions.of(List.of("weka.classifiers.functions.SMO -M"), List.of(0),
                "standardise", 3, 1, 42, null);

        double honestSum = 0;
        double leakySum = 0;
        for (int p = 1; p <= PERMUTATIONS; p++) {
            Target permuted = PermuteCommand.permute(truth, 42, p);
            Dataset shuffled = golub.withTargets(List.of(permuted));
            honestSum += balancedAccuracy(NestedCrossValidation.run(shuffled, permuted, 5, 1, 42, honest), permuted);

            // The leak: the 50 top genes ranked on all 38 samples, before any fold is held out.
            int[] top = PreparedTraining.prepare(shuffled, permuted, List.of("standardise")).topFeatures(50);
            Dataset leaky = shuffled.subsetFeatures(top);
            leakySum += balancedAccuracy(NestedCrossValidation.run(leaky, permuted, 5, 1, 42, fixedFeatures), permuted);
        }
        double honestMean = honestSum / PERMUTATIONS;
        double leakyMean = leakySum / PERMUTATIONS;
        System.out.printf("Golub, %d permutations: honest nested CV mean balanced accuracy %.3f, leaky %.3f%n",
                PERMUTATIONS, honestMean, leakyMean);
        assertTrue(honestMean >= 0.40 && honestMean <= 0.60, "honest mean " + honestMean + " is not at chance");
        assertTrue(leakyMean >= honestMean + 0.15, "leaky mean " + leakyMean + " is not clearly above honest " + honestMean);
    }

    private static double balancedAccuracy(List<PredictionTable.Row> rows, Target labels) {
        return ConfusionMatrix.of(labels.levels(), rows.stream().filter(r -> r.learner().equals("model")).toList())
                .balancedAccuracy();
    }
}
