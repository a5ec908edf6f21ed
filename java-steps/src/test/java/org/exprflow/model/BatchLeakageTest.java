package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.normalise.ComBatWithClassCovariate;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Batch correction must not leak. Null data (no gene differs between the classes) with strong batch
 * effects, and batches unbalanced in class (Nygaard et al. 2016: 13 of one class and 2 of the other
 * per batch). ComBat on ALL samples with the class as covariate, before cross-validation, bakes the
 * noise-fitted class effect into every sample, held-out ones included, and CV then scores far above
 * chance; ComBat inside the folds (mod = NULL, fitted on the training rows only) stays at chance. If
 * the pipeline's ComBat were moved before the split, the honest figure would rise to the leaky one
 * and the difference this test asserts would vanish.
 */
@Tag("unit")
class BatchLeakageTest {
    private static final String SMO = "weka.classifiers.functions.SMO";

    @Test
    void comBatWithClassOnAllSamplesOverstatesAccuracyWhileInFoldComBatStaysAtChance() {
        int datasets = 3;
        double honestSum = 0;
        double leakySum = 0;
        for (int seed = 1; seed <= datasets; seed++) {
            Dataset data = nullDataWithUnbalancedBatches(seed);
            Target labels = data.primaryTarget();
            ModelOptions inFold = ModelOptions.of(List.of(SMO), List.of(20), "combat", 3, 1, 42, null);
            honestSum += balancedAccuracy(NestedCrossValidation.run(data, labels, 5, 1, 42, inFold), labels);

            int[] classOf = new int[data.sampleCount()];
            for (int i = 0; i < classOf.length; i++) {
                classOf[i] = (int) labels.value(i);
            }
            Dataset leaky = data.withValues(ComBatWithClassCovariate.adjust(data.copyValues(), Batches.of(data), classOf));
            ModelOptions none = ModelOptions.of(List.of(SMO), List.of(20), "none", 3, 1, 42, null);
            leakySum += balancedAccuracy(NestedCrossValidation.run(leaky, labels, 5, 1, 42, none), labels);
        }
        double honest = honestSum / datasets;
        double leaky = leakySum / datasets;
        System.out.printf("null data, unbalanced batches: in-fold ComBat balanced accuracy %.3f, "
                + "ComBat(mod = class) on all samples %.3f%n", honest, leaky);
        assertTrue(honest <= 0.65, "in-fold ComBat scored " + honest + " on null data");
        assertTrue(leaky >= honest + 0.2, "ComBat with class on all samples (" + leaky
                + ") is not clearly above in-fold ComBat (" + honest + ")");
    }

    /** A held-out row of a training batch is adjusted with the training estimates alone: other held-out rows do not matter. */
    @Test
    void heldOutRowsOfTrainingBatchesDoNotDependOnEachOther() {
        Dataset data = nullDataWithUnbalancedBatches(7);
        int n = data.sampleCount();
        int[] trainRows = java.util.stream.IntStream.range(0, n).filter(i -> i % 4 != 0).toArray();
        int[] heldRows = java.util.stream.IntStream.range(0, n).filter(i -> i % 4 == 0).toArray();
        Dataset train = data.subsetSamples(trainRows);
        PreparedTraining prepared = PreparedTraining.prepare(train, train.primaryTarget(), List.of("combat"));
        FeaturePipeline pipeline = FeaturePipeline.fit(prepared, 0);
        double[][] together = pipeline.apply(data.subsetSamples(heldRows), -1, null);
        double[][] alone = pipeline.apply(data.subsetSamples(new int[] {heldRows[0]}), -1, null);
        assertArrayEquals(together[0], alone[0], 0.0);
    }

    /**
     * 60 samples in 4 batches of 15 (13 of one class, 2 of the other, alternating), 1,000 genes of
     * pure noise plus per-batch shifts (SD 1) and scales (0.5 to 2).
     */
    static Dataset nullDataWithUnbalancedBatches(long seed) {
        Random rng = new Random(seed);
        int batches = 4;
        int perBatch = 15;
        int genes = 1000;
        int n = batches * perBatch;
        double[][] v = new double[n][genes];
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> batchOf = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            double[] shift = new double[genes];
            double[] scale = new double[genes];
            for (int g = 0; g < genes; g++) {
                shift[g] = rng.nextGaussian();
                scale[g] = 0.5 + 1.5 * rng.nextDouble();
            }
            for (int k = 0; k < perBatch; k++) {
                int i = b * perBatch + k;
                ids.add(String.format("S%03d", i + 1));
                boolean majority = k < 13;
                labels.add((b % 2 == 0) == majority ? "A" : "B");
                batchOf.add("batch" + (b + 1));
                for (int g = 0; g < genes; g++) {
                    v[i][g] = 8 + shift[g] + scale[g] * rng.nextGaussian();
                }
            }
        }
        List<String> fids = new ArrayList<>();
        for (int g = 0; g < genes; g++) {
            fids.add("g" + g);
        }
        Map<String, List<String>> ann = new LinkedHashMap<>();
        ann.put(Batches.ANNOTATION, batchOf);
        return new Dataset("null-batches", ids, fids, FeatureIdType.OTHER, v, ann, List.of(Target.nominal("label", labels)));
    }

    private static double balancedAccuracy(List<PredictionTable.Row> rows, Target labels) {
        return ConfusionMatrix.of(labels.levels(), rows.stream().filter(r -> r.learner().equals("model")).toList())
                .balancedAccuracy();
    }
}
