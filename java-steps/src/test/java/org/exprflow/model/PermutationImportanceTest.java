package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Permutation importance on held-out samples: seeded, and large for the features that separate the classes. */
@Tag("unit")
class PermutationImportanceTest {

    @Test
    void informativeFeaturesMatterAndTheValuesAreSeeded() {
        // features 0 and 1 are shifted by 3 SD for class A and B; the rest is noise
        Dataset d = SyntheticData.classes(5, 80, 30, 2, 3, "A", "B");
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < d.sampleCount(); i++) {
            (i % 5 == 0 ? held : train).add(i); // labels cycle A, B: every 5th sample mixes them
        }
        Dataset training = d.subsetSamples(train.stream().mapToInt(Integer::intValue).toArray());
        Dataset heldOut = d.subsetSamples(held.stream().mapToInt(Integer::intValue).toArray());
        ModelPipeline model = ModelPipeline.fit(training, training.primaryTarget(),
                new ModelSpec(List.of("standardise"), 6, ModelSpec.DEFAULT_LEARNER, 1));
        double[] a = PermutationImportance.of(model, heldOut, d.primaryTarget().name(), 42, 1, 1, 1);
        double[] b = PermutationImportance.of(model, heldOut, d.primaryTarget().name(), 42, 1, 1, 1);
        assertArrayEquals(a, b, 0.0);
        // the same values on 2 and 4 threads (blocks of features, each with its own copy of the model)
        assertArrayEquals(a, PermutationImportance.of(model, heldOut, d.primaryTarget().name(), 42, 1, 1, 2), 0.0);
        assertArrayEquals(a, PermutationImportance.of(model, heldOut, d.primaryTarget().name(), 42, 1, 1, 4), 0.0);
        List<String> selected = model.selectedFeatureIds();
        assertEquals(6, a.length);
        double informative = 0;
        double noise = 0;
        int nInformative = 0;
        for (int k = 0; k < selected.size(); k++) {
            int j = d.featureIds().indexOf(selected.get(k));
            if (j < 2) {
                informative += a[k];
                nInformative++;
            } else {
                noise += a[k] / (selected.size() - 2);
            }
        }
        assertEquals(2, nInformative, "the two shifted features are selected: " + selected);
        assertTrue(informative / nInformative > 0.1, "informative: " + informative / nInformative);
        assertTrue(informative / nInformative > noise + 0.1, "informative " + informative / nInformative + ", noise " + noise);
        // another seed draws other shuffles
        double[] c = PermutationImportance.of(model, heldOut, d.primaryTarget().name(), 7, 1, 1, 1);
        assertTrue(!java.util.Arrays.equals(a, c) || java.util.Arrays.stream(a).allMatch(x -> x == 0));
    }
}
