package org.exprflow.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.CrossSampleTransforms;

/**
 * The input's rows after the per-sample transforms that lead the chain ({@link
 * CrossSampleTransform#perSample()}: standardise), computed once per process instead of in every
 * inner fold, outer fold, candidate prediction and permutation. A per-sample transform learns nothing
 * from the training rows and transforms each row on its own, so the row a fold would compute is, bit
 * for bit, the row computed here: the same method on the same row array.
 *
 * <p>Train and permute open a scope over the dataset they read ({@link #open}); while it is open,
 * {@link PreparedTraining#prepare} and {@link FeaturePipeline}'s transform of new rows take the leading
 * per-sample transforms' output from here and apply only the transforms after them. The fitted
 * transforms still go into the model, so a saved model is unchanged and applies them to new samples.
 * Rows are recognised by identity: {@link Dataset#subsetSamples} shares the row arrays, and a dataset
 * whose values are new arrays (a shuffled column, a reordered or imputed feature set) is not found
 * here and goes the ordinary way. Row arrays of a dataset are never modified in place (its contract),
 * which is what makes identity a safe key; the rows returned here are shared too and must not be
 * modified either. Cross-sample transforms (quantile, zscore, ComBat, count transforms) are never
 * cached: they stay fitted on each fold's training rows.
 */
final class PerSampleRows {
    /** The rows in force, or null: read by the fold jobs of every thread. */
    private static volatile PerSampleRows current;

    /** Names of the leading per-sample transforms these rows went through, in order. */
    private final List<String> names;
    /** The classes of their fitted forms (what a {@link FeaturePipeline} holds), in order. */
    private final List<Class<?>> fittedClasses;
    /** Input row (the dataset's own array) to that row after the transforms; read-only once built. */
    private final IdentityHashMap<double[], double[]> byRow;

    private PerSampleRows(List<String> names, List<Class<?>> fittedClasses, IdentityHashMap<double[], double[]> byRow) {
        this.names = names;
        this.fittedClasses = fittedClasses;
        this.byRow = byRow;
    }

    /** Closes a scope: the rows it opened are dropped. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Transforms every row of the dataset with the leading per-sample transforms of the chain, once, and
     * makes the rows available until the scope is closed. A chain that does not start with a per-sample
     * transform caches nothing.
     */
    static Scope open(Dataset data, List<String> transformNames) {
        List<CrossSampleTransform> chain = CrossSampleTransforms.parse(String.join(",", transformNames));
        int leading = leading(chain);
        if (leading == 0 || data.sampleCount() == 0) {
            return () -> { };
        }
        double[][] raw = rowsOf(data);
        double[][] x = raw;
        List<String> names = new ArrayList<>();
        List<Class<?>> classes = new ArrayList<>();
        for (CrossSampleTransform t : chain.subList(0, leading)) {
            CrossSampleTransform.Fitted f = t.fit(x);
            if (!f.perSample()) {
                throw new IllegalStateException(t.name() + " says it is per-sample but its fitted form does not");
            }
            x = f.apply(x);
            names.add(t.name());
            classes.add(f.getClass());
        }
        IdentityHashMap<double[], double[]> byRow = new IdentityHashMap<>(raw.length * 2);
        for (int i = 0; i < raw.length; i++) {
            byRow.put(raw[i], x[i]);
        }
        PerSampleRows previous = current;
        current = new PerSampleRows(List.copyOf(names), List.copyOf(classes), byRow);
        return () -> current = previous;
    }

    /** How many transforms at the start of the chain are per-sample. */
    static int leading(List<CrossSampleTransform> chain) {
        int n = 0;
        while (n < chain.size() && chain.get(n).perSample()) {
            n++;
        }
        return n;
    }

    /** How many fitted transforms at the start of a model's chain are per-sample. */
    static int leadingFitted(List<CrossSampleTransform.Fitted> chain) {
        int n = 0;
        while (n < chain.size() && chain.get(n).perSample()) {
            n++;
        }
        return n;
    }

    /**
     * The dataset's rows after exactly these leading per-sample transforms (by name), or null when no
     * scope is open for them or a row is not one of the rows it transformed.
     */
    static double[][] after(Dataset data, List<CrossSampleTransform> leadingTransforms) {
        PerSampleRows rows = current;
        if (rows == null || !rows.names.equals(leadingTransforms.stream().map(CrossSampleTransform::name).toList())) {
            return null;
        }
        return rows.lookUp(data);
    }

    /** As {@link #after}, for a model's fitted transforms (matched by class: they hold no parameters). */
    static double[][] afterFitted(Dataset data, List<CrossSampleTransform.Fitted> leadingFitted) {
        PerSampleRows rows = current;
        if (rows == null || !rows.fittedClasses.equals(leadingFitted.stream().map(f -> (Class<?>) f.getClass()).toList())) {
            return null;
        }
        return rows.lookUp(data);
    }

    private double[][] lookUp(Dataset data) {
        double[][] out = new double[data.sampleCount()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = byRow.get(data.row(i));
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    /** The dataset's own row arrays (shared, not copied). */
    static double[][] rowsOf(Dataset data) {
        double[][] out = new double[data.sampleCount()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.row(i);
        }
        return out;
    }
}
