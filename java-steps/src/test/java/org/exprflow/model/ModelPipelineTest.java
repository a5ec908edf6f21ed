package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ModelPipelineTest {
    private static final ModelSpec SPEC = new ModelSpec(List.of("quantile"), 10, ModelSpec.DEFAULT_LEARNER, 42);

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void learnsPlantedSignalAndPredictsHeldOutSamples() {
        Dataset d = SyntheticData.classes(11, 60, 300, 30, 2.5, "A", "B", "C");
        Dataset train = d.subsetSamples(range(0, 45));
        Dataset test = d.subsetSamples(range(45, 60));
        ModelPipeline m = ModelPipeline.fit(train, train.primaryTarget(), SPEC);
        double[][] p = m.predict(test);
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            assertEquals(1.0, java.util.Arrays.stream(p[i]).sum(), 1e-9);
            if (m.levels().get(ModelPipeline.predictedClass(p[i])).equals(test.primaryTarget().label(i))) {
                correct++;
            }
        }
        assertTrue(correct >= 14, "only " + correct + "/15 correct on a strong planted signal");
        // the selected features are the informative ones (0..29), found from training samples alone
        assertTrue(m.selectedFeatureIds().stream().allMatch(id -> Integer.parseInt(id.substring(1)) < 30),
                m.selectedFeatureIds().toString());
    }

    @Test
    void predictingASampleDoesNotDependOnTheOtherSamplesPredicted() {
        Dataset d = SyntheticData.classes(12, 40, 200, 20, 1.5, "A", "B");
        ModelPipeline m = ModelPipeline.fit(d.subsetSamples(range(0, 30)), d.subsetSamples(range(0, 30)).primaryTarget(), SPEC);
        double[][] together = m.predict(d.subsetSamples(range(30, 40)));
        for (int i = 30; i < 40; i++) {
            assertArrayEquals(together[i - 30], m.predict(d.subsetSamples(new int[] {i}))[0], 0.0);
        }
    }

    @Test
    void reorderedFeaturesWithExtraColumnsPredictIdentically() {
        Dataset d = SyntheticData.classes(13, 40, 100, 20, 1.5, "A", "B");
        Dataset train = d.subsetSamples(range(0, 30));
        ModelPipeline m = ModelPipeline.fit(train, train.primaryTarget(), SPEC);
        Dataset test = d.subsetSamples(range(30, 40));
        // reverse the feature order and append two features the model never saw
        int n = test.featureCount();
        double[][] v = new double[test.sampleCount()][n + 2];
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            ids.add(test.featureIds().get(n - 1 - j));
        }
        ids.add("extra1");
        ids.add("extra2");
        for (int i = 0; i < test.sampleCount(); i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = test.value(i, n - 1 - j);
            }
            v[i][n] = 1e6;
            v[i][n + 1] = -3;
        }
        Dataset reordered = new Dataset("reordered", test.sampleIds(), ids, test.featureIdType(), v, new LinkedHashMap<>(),
                test.targets());
        double[][] a = m.predict(test);
        double[][] b = m.predict(reordered);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
    }

    @Test
    void missingModelFeatureIsAClearError() {
        Dataset d = SyntheticData.classes(14, 30, 50, 10, 1.5, "A", "B");
        ModelPipeline m = ModelPipeline.fit(d, d.primaryTarget(), SPEC);
        Dataset fewer = d.subsetFeatures(range(0, 48));
        UserException e = assertThrows(UserException.class, () -> m.predict(fewer));
        assertEquals(ExitCode.UNSUITABLE_DATA, e.exitCode());
        assertTrue(e.getMessage().contains("lacks 2 of the model's 50 features (first: g48, g49)"), e.getMessage());
    }

    @Test
    void featureSelectionSeesOnlyTrainingSamples() {
        // Feature g0 separates the classes perfectly in the last 10 samples only; a model trained on
        // the first 30 must not select it, however the held-out samples look.
        Dataset d = SyntheticData.classes(15, 40, 60, 0, 0, "A", "B");
        double[][] v = d.copyValues();
        for (int i = 30; i < 40; i++) {
            v[i][0] = d.primaryTarget().label(i).equals("A") ? 100 : -100;
        }
        Dataset leakyLooking = d.withValues(v);
        Dataset train = leakyLooking.subsetSamples(range(0, 30));
        ModelPipeline m = ModelPipeline.fit(train, train.primaryTarget(),
                new ModelSpec(List.of("none"), 5, ModelSpec.DEFAULT_LEARNER, 1));
        assertTrue(!m.selectedFeatureIds().contains("g0"), m.selectedFeatureIds().toString());
        ModelPipeline again = ModelPipeline.fit(d.subsetSamples(range(0, 30)), train.primaryTarget(),
                new ModelSpec(List.of("none"), 5, ModelSpec.DEFAULT_LEARNER, 1));
        assertEquals(again.selectedFeatureIds(), m.selectedFeatureIds());
    }

    @Test
    void badLearnerIsAUsageError() {
        UserException e = assertThrows(UserException.class,
                () -> WekaLearnerSpec.parse("weka.classifiers.NoSuchThing", "learner"));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }
}
