package org.exprflow.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;

/** Small in-memory datasets for unit tests that must not depend on any file reader. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * Samples S001.. with labels cycling through the given classes; the first {@code informative}
     * features are shifted by +shift for samples of class c on feature c (mod informative), the rest
     * are pure noise. Values are log-scale-like (mean 8, SD 1).
     */
    public static Dataset classes(long seed, int samples, int features, int informative, double shift, String... classes) {
        Random rng = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[][] v = new double[samples][features];
        for (int i = 0; i < samples; i++) {
            ids.add(String.format("S%03d", i + 1));
            int c = i % classes.length;
            labels.add(classes[c]);
            for (int j = 0; j < features; j++) {
                v[i][j] = 8 + rng.nextGaussian();
                if (j < informative && j % classes.length == c) {
                    v[i][j] += shift;
                }
            }
        }
        List<String> fids = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            fids.add("g" + j);
        }
        return new Dataset("synthetic", ids, fids, FeatureIdType.OTHER, v, new LinkedHashMap<>(),
                List.of(Target.nominal("label", labels)));
    }

    /** The dataset with an annotation column added. */
    public static Dataset annotate(Dataset d, String column, List<String> values) {
        Map<String, List<String>> ann = new LinkedHashMap<>(d.annotations());
        ann.put(column, values);
        return d.withAnnotations(ann);
    }

    /** The same samples in a different row order (a seeded permutation). */
    public static Dataset shuffleRows(Dataset d, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < d.sampleCount(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        return d.subsetSamples(order.stream().mapToInt(Integer::intValue).toArray());
    }
}
