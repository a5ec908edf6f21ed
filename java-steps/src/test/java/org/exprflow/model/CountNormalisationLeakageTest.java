package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.CrossSampleTransforms;
import org.exprflow.normalise.SampleContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leakage guard for the count normalisations. Fitted on ALL samples, TMM (reference sample,
 * geometric mean, mean library size) and the VST (geometric means, dispersion trend) would transform
 * a held-out sample differently from the fit on the training samples alone; the model the pipeline
 * saves (ModelPipeline through FeaturePipeline) must transform it exactly as the training-only fit.
 */
@Tag("unit")
class CountNormalisationLeakageTest {
    @TempDir
    Path dir;

    /** Negative-binomial-like counts: gamma-Poisson noise, 4-fold library sizes, 40 genes up in class B. */
    static Dataset counts(long seed, int samples, int genes) {
        Random r = new Random(seed);
        double[] mu = new double[genes];
        for (int g = 0; g < genes; g++) {
            mu[g] = Math.exp(Math.log(50) + 1.8 * r.nextGaussian());
        }
        double[][] values = new double[samples][genes];
        List<String> labels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            boolean b = s % 2 == 1;
            labels.add(b ? "B" : "A");
            ids.add("S" + s);
            double lib = Math.exp(Math.log(0.5) + r.nextDouble() * Math.log(4));
            for (int g = 0; g < genes; g++) {
                double mean = mu[g] * lib * (b && g < 40 ? 4 : 1) * Math.exp(0.3 * r.nextGaussian());
                values[s][g] = poisson(r, mean);
            }
        }
        List<String> features = IntStream.range(0, genes).mapToObj(g -> "G" + g).toList();
        return new Dataset("counts", ids, features, FeatureIdType.LOCUS, values, Map.of(),
                List.of(Target.nominal("class", labels)));
    }

    private static double poisson(Random r, double mean) {
        if (mean > 500) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tmm_logcpm", "deseq_vst"})
    void savedModelTransformsHeldOutRowsWithTheTrainingOnlyFit(String transform) throws Exception {
        Dataset all = counts(5, 40, 600);
        Dataset train = all.subsetSamples(range(0, 30));
        Dataset held = all.subsetSamples(range(30, 40));
        ModelPipeline fitted = ModelPipeline.fit(train, train.primaryTarget(),
                new ModelSpec(List.of(transform), 0, ModelSpec.DEFAULT_LEARNER, 42));
        Path file = dir.resolve("model.bin");
        ModelFile.write(fitted, file);
        ModelPipeline saved = ModelFile.read(file);
        double[][] fromModel = saved.features().apply(held, -1, null);

        CrossSampleTransform t = CrossSampleTransforms.parse(transform).get(0);
        double[][] inFold = t.fit(train.copyValues(), context(train)).apply(held.copyValues());
        double[][] allSamples = t.fit(all.copyValues(), context(all)).apply(held.copyValues());
        for (int i = 0; i < inFold.length; i++) {
            assertArrayEquals(inFold[i], fromModel[i], 0.0, "held-out sample " + i + ": the model must use the in-fold fit");
        }
        double largest = 0;
        for (int i = 0; i < inFold.length; i++) {
            for (int g = 0; g < inFold[i].length; g++) {
                largest = Math.max(largest, Math.abs(inFold[i][g] - allSamples[i][g]));
            }
        }
        assertTrue(largest > 1e-3, transform + " fitted on all samples should transform held-out rows differently; "
                + "largest difference " + largest);
    }

    @Test
    void lowCountFilterIsDecidedOnTrainingSamplesAndTheModelLivesInItsKeptSpace() {
        Dataset all = counts(6, 40, 600);
        // A gene counted only in samples 20-39: in 20 of 40 samples all samples keep it (needs 17), in 10
        // of the 30 training samples the fold drops it (needs 13.5).
        double[][] values = all.copyValues();
        for (int s = 0; s < values.length; s++) {
            values[s][7] = s < 20 ? 0 : 500;
        }
        all = all.withValues(values);
        Dataset train = all.subsetSamples(range(0, 30));
        ModelPipeline model = ModelPipeline.fit(train, train.primaryTarget(),
                new ModelSpec(List.of("filter_expr", "tmm_logcpm"), 0, ModelSpec.DEFAULT_LEARNER, 42));
        int[] inFold = CrossSampleTransforms.parse("filter_expr").get(0).fit(train.copyValues(), context(train)).keptColumns();
        int[] allSamples = CrossSampleTransforms.parse("filter_expr").get(0).fit(all.copyValues(), context(all)).keptColumns();
        assertTrue(IntStream.of(allSamples).anyMatch(j -> j == 7), "all samples keep the planted gene");
        assertTrue(IntStream.of(inFold).noneMatch(j -> j == 7), "training samples drop it");
        List<String> expected = IntStream.of(inFold).mapToObj(j -> "G" + j).toList();
        assertEquals(expected, model.selectedFeatureIds(), "top_k 0 selects every kept gene, in order");
        assertEquals(all.featureIds(), model.featureIds(), "the model still reads every input gene");
        assertEquals(10, model.predict(all.subsetSamples(range(30, 40))).length);
        assertNotEquals(all.featureCount(), model.selectedFeatureIds().size());
    }

    private static SampleContext context(Dataset d) {
        Target t = d.primaryTarget();
        int[] classOf = new int[d.sampleCount()];
        for (int i = 0; i < classOf.length; i++) {
            classOf[i] = (int) t.value(i);
        }
        return new SampleContext(classOf, t.levels().size(), null);
    }
}
