package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stepfile.MetricsJson;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The calibrator is fitted on the training samples only: changing the held-out samples' labels leaves
 * it, and every held-out probability, unchanged, while changing one training label changes it (so the
 * comparison can see a change).
 */
@Tag("unit")
class CalibrationLeakageTest {
    private static final Dataset DATA = SyntheticData.classes(31, 60, 150, 15, 0.8, "A", "B", "C");

    private static ModelOptions options(ProbabilityCalibrator.Method method) {
        return ModelOptions.of(List.of("weka.classifiers.bayes.NaiveBayes"), List.of(10), "standardise", 3, 1, 42, null)
                .withCalibration(method, 4);
    }

    private static Dataset relabel(Dataset d, Set<String> samples) {
        Target t = d.primaryTarget();
        double[] values = new double[d.sampleCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = t.value(i);
            if (samples.contains(d.sampleId(i))) {
                values[i] = (t.value(i) + 1) % t.levels().size(); // another existing class
            }
        }
        return d.withTargets(List.of(Target.nominal(t.name(), t.levels(), values)));
    }

    /** The calibrator's output on a grid of probability vectors: equal grids, equal calibrators. */
    private static double[][] grid(ProbabilityCalibrator c) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            for (int j = 0; i + j <= 20; j++) {
                out.add(c.apply(new double[] {i / 20.0, j / 20.0, (20 - i - j) / 20.0}));
            }
        }
        return out.toArray(double[][]::new);
    }

    @ParameterizedTest
    @EnumSource(value = ProbabilityCalibrator.Method.class, names = {"platt", "isotonic"})
    void heldOutLabelsDoNotReachTheCalibrator(ProbabilityCalibrator.Method method) {
        Set<String> train = new LinkedHashSet<>(DATA.sampleIds().subList(0, 45));
        Set<String> held = new LinkedHashSet<>(DATA.sampleIds().subList(45, 60));
        Target labels = DATA.primaryTarget();
        OuterFold.Result original = OuterFold.run(DATA, labels, train, held, 1, 1, options(method));
        Dataset flipped = relabel(DATA, held);
        OuterFold.Result changed = OuterFold.run(flipped, flipped.primaryTarget(), train, held, 1, 1, options(method));

        ProbabilityCalibrator a = original.selection().model().calibrator();
        ProbabilityCalibrator b = changed.selection().model().calibrator();
        assertNotNull(a);
        assertEquals(a.describe(), b.describe());
        assertArrayEquals(grid(a), grid(b));
        assertEquals(original.rows().size(), changed.rows().size());
        for (int i = 0; i < original.rows().size(); i++) {
            PredictionTable.Row r = original.rows().get(i);
            PredictionTable.Row s = changed.rows().get(i);
            assertEquals(r.learner(), s.learner());
            assertArrayEquals(r.probabilities(), s.probabilities(), 0.0, r.sample() + " " + r.learner());
        }
        // the held-out rows: calibrated model, the probabilities before calibration, and ZeroR
        List<String> learners = original.rows().stream().map(PredictionTable.Row::learner).distinct().sorted().toList();
        assertEquals(List.of("ZeroR", "model", MetricsJson.UNCALIBRATED_LEARNER), learners);
        assertFalse(java.util.Arrays.deepEquals(probabilities(original.rows(), "model"),
                probabilities(original.rows(), MetricsJson.UNCALIBRATED_LEARNER)), "calibration changed nothing");

        // a changed training label does change the calibrator
        Dataset oneTrainingLabel = relabel(DATA, Set.of(DATA.sampleIds().get(3)));
        OuterFold.Result trained = OuterFold.run(oneTrainingLabel, oneTrainingLabel.primaryTarget(), train, held, 1, 1,
                options(method));
        assertFalse(java.util.Arrays.deepEquals(grid(a), grid(trained.selection().model().calibrator())));
    }

    private static double[][] probabilities(List<PredictionTable.Row> rows, String learner) {
        return rows.stream().filter(r -> r.learner().equals(learner)).map(PredictionTable.Row::probabilities)
                .toArray(double[][]::new);
    }

    @ParameterizedTest
    @EnumSource(value = ProbabilityCalibrator.Method.class, names = {"platt"})
    void outOfFoldProbabilitiesComeFromModelsThatDidNotSeeTheSample(ProbabilityCalibrator.Method method) {
        // 1-nearest-neighbour: on its own training samples it is always certain and right, out of fold it is not
        Dataset train = DATA.subsetSamples(java.util.stream.IntStream.range(0, 45).toArray());
        ModelOptions o = ModelOptions.of(List.of("weka.classifiers.lazy.IBk -K 1"), List.of(10), "standardise", 3, 1, 42,
                null).withCalibration(method, 4);
        double[][] oof = Calibration.outOfFoldProbabilities(train, train.primaryTarget(), o,
                o.candidates().get(0), 7);
        int wrong = 0;
        for (int i = 0; i < oof.length; i++) {
            assertNotNull(oof[i], "every training sample gets an out-of-fold prediction");
            if (oof[i][(int) train.primaryTarget().value(i)] < 0.5) {
                wrong++;
            }
        }
        assertTrue(wrong > 0, "out-of-fold 1-NN never wrong: the samples were in their own training folds");
    }
}
