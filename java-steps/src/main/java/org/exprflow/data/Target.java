package org.exprflow.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One prediction target over the samples of a dataset: nominal (class labels) or numeric
 * (e.g. log2 TPM of a gene). Values are per sample, in the dataset's sample order; NaN means the
 * sample has no value for this target. Nominal values are indices into {@link #levels()}.
 */
public final class Target {
    public enum Kind { NOMINAL, NUMERIC }

    private final String name;
    private final Kind kind;
    private final List<String> levels;
    private final double[] values;

    private Target(String name, Kind kind, List<String> levels, double[] values) {
        this.name = Objects.requireNonNull(name);
        this.kind = kind;
        this.levels = List.copyOf(levels);
        this.values = values;
    }

    public static Target numeric(String name, double[] values) {
        return new Target(name, Kind.NUMERIC, List.of(), values.clone());
    }

    /**
     * A nominal target from per-sample labels (null or empty = unlabelled). Levels are sorted so that
     * the class order, and therefore every metric file, does not depend on sample order.
     */
    public static Target nominal(String name, List<String> labels) {
        List<String> levels = labels.stream().filter(l -> l != null && !l.isEmpty()).distinct().sorted().toList();
        double[] values = new double[labels.size()];
        for (int i = 0; i < values.length; i++) {
            String l = labels.get(i);
            values[i] = (l == null || l.isEmpty()) ? Double.NaN : levels.indexOf(l);
        }
        return new Target(name, Kind.NOMINAL, levels, values);
    }

    /** A nominal target with explicit levels (used when reading stored datasets). */
    public static Target nominal(String name, List<String> levels, double[] values) {
        return new Target(name, Kind.NOMINAL, levels, values.clone());
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNominal() {
        return kind == Kind.NOMINAL;
    }

    public List<String> levels() {
        return levels;
    }

    public int size() {
        return values.length;
    }

    public double value(int sample) {
        return values[sample];
    }

    public boolean isMissing(int sample) {
        return Double.isNaN(values[sample]);
    }

    /** The class label of a sample, or null when it has none. Nominal targets only. */
    public String label(int sample) {
        double v = values[sample];
        return Double.isNaN(v) ? null : levels.get((int) v);
    }

    public double[] values() {
        return values.clone();
    }

    /** The target restricted to the given samples, in that order; levels are kept. */
    public Target subset(int[] samples) {
        double[] v = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            v[i] = values[samples[i]];
        }
        return new Target(name, kind, levels, v);
    }

    /** Number of samples per level, in level order. Nominal targets only. */
    public int[] classCounts() {
        int[] counts = new int[levels.size()];
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts[(int) v]++;
            }
        }
        return counts;
    }

    public List<String> labels() {
        List<String> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            out.add(isNominal() ? label(i) : (Double.isNaN(values[i]) ? null : Double.toString(values[i])));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && t.name.equals(name) && t.kind == kind && t.levels.equals(levels)
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, levels, Arrays.hashCode(values));
    }
}
