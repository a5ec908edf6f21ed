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
 * --imbalance on the Golub training patients (27 ALL, 11 AML): (1) every handling runs the nested CV
 * and scores each patient once per repeat, with a balanced accuracy as high as the plain one; (2) on
 * permuted labels, where there is nothing to learn, SMOTE on all patients before the CV lets 1-NN find
 * each held-out AML patient's synthetic children in training and scores above chance, while SMOTE
 * inside the folds stays at chance.
 */
@Tag("realdata")
class ImbalanceRealDataTest {
    private static final String ONE_NN = "weka.classifiers.lazy.IBk -K 1";
    private static final int PERMUTATIONS = 10;

    @TempDir
    Path dir;

    private Dataset golub() {
        Path norm = GolubTraining.normalised(dir);
        return DatasetFile.read(norm);
    }

    private static List<PredictionTable.Row> model(List<PredictionTable.Row> rows) {
        return rows.stream().filter(r -> r.learner().equals("model")).toList();
    }

    @Test
    void everyHandlingScoresEachPatientOnceAndAsWell() {
        Dataset golub = golub();
        Target truth = golub.primaryTarget();
        double plain = Double.NaN;
        for (ClassImbalance handling : ClassImbalance.values()) {
            ModelOptions options = ModelOptions.of(List.of("weka.classifiers.functions.SMO -M"), List.of(50), "standardise",
                    3, 1, 42, null).withImbalance(handling);
            List<PredictionTable.Row> rows = model(NestedCrossValidation.run(golub, truth, 5, 3, 42, options));
            assertEquals(3 * 38, rows.size());
            for (int r = 1; r <= 3; r++) {
                int repeat = r;
                assertEquals(38, rows.stream().filter(x -> x.repeat() == repeat).map(PredictionTable.Row::sample).distinct()
                        .count());
            }
            ConfusionMatrix cm = ConfusionMatrix.of(truth.levels(), rows);
            System.out.printf("Golub training set, SMO -M, top 50, 5-fold CV x 3: --imbalance %s balanced accuracy %.3f, "
                    + "accuracy %.3f%n", handling, cm.balancedAccuracy(), cm.accuracy());
            if (handling == ClassImbalance.none) {
                plain = cm.balancedAccuracy();
            }
            assertTrue(cm.balancedAccuracy() >= 0.85, handling + ": " + cm.balancedAccuracy());
            assertTrue(cm.balancedAccuracy() >= plain - 0.05, handling + ": " + cm.balancedAccuracy() + " vs none " + plain);
        }
    }

    @Test
    void smoteBeforeTheSplitLeaksOnPermutedLabelsAndSmoteInTheFoldsDoesNot() {
        Dataset golub = golub();
        Target truth = golub.primaryTarget();
        ModelOptions inFold = ModelOptions.of(List.of(ONE_NN), List.of(50), "standardise", 3, 1, 42, null)
                .withImbalance(ClassImbalance.smote);
        ModelOptions plain = ModelOptions.of(List.of(ONE_NN), List.of(50), "standardise", 3, 1, 42, null);
        double honestSum = 0;
        double leakySum = 0;
        for (int p = 1; p <= PERMUTATIONS; p++) {
            Target permuted = PermuteCommand.permute(truth, 42, p);
            Dataset shuffled = golub.withTargets(List.of(permuted));
            honestSum += SmoteLeakageTest.balancedAccuracy(NestedCrossValidation.run(shuffled, permuted, 5, 1, 42, inFold),
                    shuffled.sampleIds(), permuted);
            Dataset oversampled = SmoteLeakageTest.smoteAllSamples(shuffled, 42);
            leakySum += SmoteLeakageTest.balancedAccuracy(
                    NestedCrossValidation.run(oversampled, oversampled.primaryTarget(), 5, 1, 42, plain),
                    shuffled.sampleIds(), permuted);
        }
        double honest = honestSum / PERMUTATIONS;
        double leaky = leakySum / PERMUTATIONS;
        System.out.printf("Golub, %d permutations, 1-NN: SMOTE in the folds mean balanced accuracy %.3f, "
                + "SMOTE before the split %.3f%n", PERMUTATIONS, honest, leaky);
        assertTrue(honest >= 0.35 && honest <= 0.65, "in-fold SMOTE on permuted labels: " + honest + ", not chance");
        assertTrue(leaky >= honest + 0.15, "SMOTE before the split " + leaky + " is not clearly above in-fold " + honest);
    }
}
