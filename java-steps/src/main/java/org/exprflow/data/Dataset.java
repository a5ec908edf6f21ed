package org.exprflow.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.exprflow.core.UserException;

/**
 * exprflow's internal representation of an expression dataset: samples are rows, features are
 * columns, values are doubles with NaN for NA. Every input format is read into this, every stage
 * reads and writes it (through {@link DatasetFile}), and Weka Instances are built from it only at
 * the learner, for the few features the model actually uses.
 *
 * <p>Sample ids are unique. Feature ids may repeat (some platforms repeat probe ids); QC reports
 * that, and matching by id refuses ambiguous ids. Sample annotations are free-form string columns
 * named after the samplesheet (batch, group, split, assay, tissue, ...). Targets are the labels or
 * numeric responses to predict; a dataset may have none (new samples for prediction) or several
 * (multi-label). The value kind says whether the values are counts; feature annotations (symbol,
 * length, ...) are per-feature string columns that follow the features through every subset.
 */
public final class Dataset {
    private final String name;
    private final List<String> sampleIds;
    private final List<String> featureIds;
    private final FeatureIdType featureIdType;
    private final double[][] values;
    private final Map<String, List<String>> annotations;
    private final List<Target> targets;
    private final ValueKind valueKind;
    private final FeatureAnnotations featureAnnotations;
    private Map<String, Integer> sampleIndex;

    /** An expression dataset without feature annotations. */
    public Dataset(String name, List<String> sampleIds, List<String> featureIds, FeatureIdType featureIdType,
                   double[][] values, Map<String, List<String>> annotations, List<Target> targets) {
        this(name, sampleIds, featureIds, featureIdType, values, annotations, targets, ValueKind.EXPRESSION,
                FeatureAnnotations.NONE);
    }

    public Dataset(String name, List<String> sampleIds, List<String> featureIds, FeatureIdType featureIdType,
                   double[][] values, Map<String, List<String>> annotations, List<Target> targets,
                   ValueKind valueKind, FeatureAnnotations featureAnnotations) {
        this.valueKind = Objects.requireNonNull(valueKind);
        this.featureAnnotations = featureAnnotations.requireSize(featureIds.size());
        this.name = Objects.requireNonNull(name);
        this.sampleIds = List.copyOf(sampleIds);
        this.featureIds = List.copyOf(featureIds);
        this.featureIdType = Objects.requireNonNull(featureIdType);
        this.values = values;
        if (values.length != sampleIds.size()) {
            throw new IllegalArgumentException("values has " + values.length + " rows for " + sampleIds.size() + " samples");
        }
        for (double[] row : values) {
            if (row.length != featureIds.size()) {
                throw new IllegalArgumentException("row length " + row.length + " != " + featureIds.size() + " features");
            }
        }
        LinkedHashMap<String, List<String>> ann = new LinkedHashMap<>();
        annotations.forEach((k, v) -> {
            if (v.size() != sampleIds.size()) {
                throw new IllegalArgumentException("annotation " + k + " has " + v.size() + " values");
            }
            ann.put(k, Collections.unmodifiableList(new ArrayList<>(v)));
        });
        this.annotations = Collections.unmodifiableMap(ann);
        for (Target t : targets) {
            if (t.size() != sampleIds.size()) {
                throw new IllegalArgumentException("target " + t.name() + " has " + t.size() + " values");
            }
        }
        this.targets = List.copyOf(targets);
    }

    public String name() {
        return name;
    }

    public int sampleCount() {
        return sampleIds.size();
    }

    public int featureCount() {
        return featureIds.size();
    }

    public List<String> sampleIds() {
        return sampleIds;
    }

    public String sampleId(int i) {
        return sampleIds.get(i);
    }

    public List<String> featureIds() {
        return featureIds;
    }

    public FeatureIdType featureIdType() {
        return featureIdType;
    }

    /** What the values measure (counts, abundance, expression); set at import. */
    public ValueKind valueKind() {
        return valueKind;
    }

    /** Per-feature annotation columns (symbol, length, ...); empty when the input had none. */
    public FeatureAnnotations featureAnnotations() {
        return featureAnnotations;
    }

    public double value(int sample, int feature) {
        return values[sample][feature];
    }

    /** The row of one sample. The array is shared, not copied: callers must not modify it. */
    public double[] row(int sample) {
        return values[sample];
    }

    /** A copy of all values, [sample][feature]. */
    public double[][] copyValues() {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    public Map<String, List<String>> annotations() {
        return annotations;
    }

    /** The annotation column, or null when the dataset has none of that name. */
    public List<String> annotation(String column) {
        return annotations.get(column);
    }

    public List<Target> targets() {
        return targets;
    }

    /** The target of that name; a user error naming the available targets when absent. */
    public Target target(String targetName) {
        for (Target t : targets) {
            if (t.name().equals(targetName)) {
                return t;
            }
        }
        throw UserException.badParameter("dataset '" + name + "' has no target '" + targetName + "'; it has "
                + (targets.isEmpty() ? "no targets" : targets.stream().map(Target::name).toList()));
    }

    /** The first target: the label for single-label analyses. */
    public Target primaryTarget() {
        if (targets.isEmpty()) {
            throw UserException.unsuitable("dataset '" + name + "' has no labels; give a samplesheet with a label column");
        }
        return targets.get(0);
    }

    /** Row index of a sample id, or -1. */
    public int sampleIndex(String sampleId) {
        if (sampleIndex == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < sampleIds.size(); i++) {
                m.put(sampleIds.get(i), i);
            }
            sampleIndex = m;
        }
        return sampleIndex.getOrDefault(sampleId, -1);
    }

    /**
     * The same dataset with other values (same shape), e.g. after a per-value transform. The value
     * kind is kept: a caller that turns counts into something else says so with {@link #withValueKind}.
     */
    public Dataset withValues(double[][] newValues) {
        return new Dataset(name, sampleIds, featureIds, featureIdType, newValues, annotations, targets, valueKind,
                featureAnnotations);
    }

    public Dataset withTargets(List<Target> newTargets) {
        return new Dataset(name, sampleIds, featureIds, featureIdType, values, annotations, newTargets, valueKind,
                featureAnnotations);
    }

    public Dataset withAnnotations(Map<String, List<String>> newAnnotations) {
        return new Dataset(name, sampleIds, featureIds, featureIdType, values, newAnnotations, targets, valueKind,
                featureAnnotations);
    }

    public Dataset withName(String newName) {
        return new Dataset(newName, sampleIds, featureIds, featureIdType, values, annotations, targets, valueKind,
                featureAnnotations);
    }

    /** The same dataset with its samples renamed (same order, ids still unique). */
    public Dataset withSampleIds(List<String> newIds) {
        if (newIds.size() != sampleIds.size()) {
            throw new IllegalArgumentException(newIds.size() + " sample ids for " + sampleIds.size() + " samples");
        }
        return new Dataset(name, newIds, featureIds, featureIdType, values, annotations, targets, valueKind,
                featureAnnotations);
    }

    public Dataset withValueKind(ValueKind newKind) {
        return new Dataset(name, sampleIds, featureIds, featureIdType, values, annotations, targets, newKind,
                featureAnnotations);
    }

    public Dataset withFeatureAnnotations(FeatureAnnotations newAnnotations) {
        return new Dataset(name, sampleIds, featureIds, featureIdType, values, annotations, targets, valueKind,
                newAnnotations);
    }

    /** The given samples, in the given order, with their annotations and targets. Rows are shared. */
    public Dataset subsetSamples(int[] rows) {
        List<String> ids = new ArrayList<>(rows.length);
        double[][] v = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            ids.add(sampleIds.get(rows[i]));
            v[i] = values[rows[i]];
        }
        Map<String, List<String>> ann = new LinkedHashMap<>();
        annotations.forEach((k, col) -> {
            List<String> sub = new ArrayList<>(rows.length);
            for (int r : rows) {
                sub.add(col.get(r));
            }
            ann.put(k, sub);
        });
        List<Target> ts = targets.stream().map(t -> t.subset(rows)).toList();
        return new Dataset(name, ids, featureIds, featureIdType, v, ann, ts, valueKind, featureAnnotations);
    }

    /** The given feature columns, in the given order. */
    public Dataset subsetFeatures(int[] columns) {
        List<String> ids = new ArrayList<>(columns.length);
        for (int c : columns) {
            ids.add(featureIds.get(c));
        }
        double[][] v = new double[values.length][columns.length];
        for (int s = 0; s < values.length; s++) {
            double[] src = values[s];
            double[] dst = v[s];
            for (int j = 0; j < columns.length; j++) {
                dst[j] = src[columns[j]];
            }
        }
        return new Dataset(name, sampleIds, ids, featureIdType, v, annotations, targets, valueKind,
                featureAnnotations.subset(columns));
    }
}
