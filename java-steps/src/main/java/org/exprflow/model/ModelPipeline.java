package org.exprflow.model;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.core.Versions;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.split.TrainingLabels;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Randomizable;
import weka.core.Utils;

/**
 * A fitted model: every step learned from the training samples, in the order it is applied.
 * <ol>
 *   <li>cross-sample transforms (quantile target, feature means and SDs, ...),</li>
 *   <li>feature selection: the top-k features by ANOVA F on the transformed training samples,</li>
 *   <li>imputation of remaining NAs with the training mean of each selected feature,</li>
 *   <li>the Weka classifier.</li>
 * </ol>
 * The same object is applied in a CV fold's held-out samples, to an independent test set and in
 * {@code predict}, so a saved model predicts new patients exactly as it was evaluated. New data are
 * matched to the training features by id, so column order and extra columns do not matter.
 */
public final class ModelPipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> featureIds;
    private final List<CrossSampleTransform.Fitted> transforms;
    private final int[] selected;
    private final double[] imputeMeans;
    /** Training mean of every raw input feature: used only when the user asks to impute absent features. */
    private final double[] rawFeatureMeans;
    private final Instances header;
    private final Classifier classifier;
    /** Weka ZeroR's class distribution on the same training samples: the baseline beside every metric. */
    private final double[] baseline;
    private final String targetName;
    private final List<String> levels;
    private final LinkedHashMap<String, String> metadata;

    private ModelPipeline(List<String> featureIds, List<CrossSampleTransform.Fitted> transforms, int[] selected,
                          double[] imputeMeans, double[] rawFeatureMeans, Instances header, Classifier classifier,
                          double[] baseline,
                          String targetName,
                          List<String> levels, LinkedHashMap<String, String> metadata) {
        this.featureIds = List.copyOf(featureIds);
        this.transforms = List.copyOf(transforms);
        this.selected = selected;
        this.imputeMeans = imputeMeans;
        this.rawFeatureMeans = rawFeatureMeans;
        this.header = header;
        this.classifier = classifier;
        this.baseline = baseline;
        this.targetName = targetName;
        this.levels = List.copyOf(levels);
        this.metadata = metadata;
    }

    /** Fits every step on the given training samples (all of which must carry a label). */
    public static ModelPipeline fit(Dataset training, Target target, ModelSpec spec) {
        TrainingLabels.require(training, target);
        requireUniqueIds(training);
        return fit(PreparedTraining.prepare(training, target, spec.transforms()), spec.topK(), spec.learner(),
                spec.seed(), new LinkedHashMap<>());
    }

    /** Fits one chosen candidate on training samples that have passed {@link TrainingLabels#require}. */
    static ModelPipeline fitChecked(Dataset training, Target target, List<String> transforms, Candidate chosen, long seed,
                                    LinkedHashMap<String, String> extraMetadata) {
        requireUniqueIds(training);
        return fit(PreparedTraining.prepare(training, target, transforms), chosen.topK(), chosen.learner(), seed,
                extraMetadata);
    }

    /**
     * Fits the learner on the top-k features of prepared training samples.
     *
     * @param extraMetadata recorded in the model after the standard entries (e.g. the model-selection scores)
     */
    static ModelPipeline fit(PreparedTraining prepared, int topK, String learner, long seed,
                             LinkedHashMap<String, String> extraMetadata) {
        Dataset training = prepared.training;
        Target target = prepared.target;
        int[] selected = prepared.topFeatures(topK);
        double[] means = trainingMeans(prepared.x, selected);
        List<String> names = new ArrayList<>(selected.length);
        for (int j : selected) {
            names.add(training.featureIds().get(j));
        }
        Instances header = WekaData.header(names, target.levels());
        Instances data = new Instances(header, training.sampleCount());
        for (int i = 0; i < training.sampleCount(); i++) {
            data.add(WekaData.instance(header, selectAndImpute(prepared.x[i], selected, means), target.value(i)));
        }
        ModelSpec spec = new ModelSpec(prepared.transformNames, topK, learner, seed);
        Classifier classifier = newClassifier(spec);
        double[] baseline;
        try {
            classifier.buildClassifier(data);
            baseline = zeroR(target);
        } catch (Exception e) {
            throw UserException.unsuitable("Weka could not train '" + learner + "': " + e.getMessage());
        }
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        meta.put("exprflow_version", Versions.exprflow());
        meta.put("weka_version", Versions.weka());
        meta.put("learner", learner);
        meta.put("top_k", Integer.toString(topK));
        meta.put("transforms", String.join(",", prepared.transformNames));
        meta.put("seed", Long.toString(seed));
        meta.put("target", target.name());
        meta.put("classes", String.join(",", target.levels()));
        meta.put("training_samples", Integer.toString(training.sampleCount()));
        meta.put("training_features", Integer.toString(training.featureCount()));
        meta.put("training_sha256", checksum(training, target));
        meta.putAll(extraMetadata);
        return new ModelPipeline(training.featureIds(), prepared.transforms, selected, means, prepared.rawMeans, header,
                classifier, baseline, target.name(), target.levels(), meta);
    }

    /** Weka's ZeroR fitted on the training labels (its distribution ignores the features). */
    private static double[] zeroR(Target target) throws Exception {
        Instances header = WekaData.header(List.of(), target.levels());
        Instances data = new Instances(header, target.size());
        for (int i = 0; i < target.size(); i++) {
            data.add(WekaData.instance(header, new double[0], target.value(i)));
        }
        ZeroR zr = new ZeroR();
        zr.buildClassifier(data);
        return zr.distributionForInstance(WekaData.instance(header, new double[0], Double.NaN));
    }

    /** The ZeroR baseline's class probabilities for n samples. */
    public double[][] predictBaseline(int n) {
        double[][] out = new double[n][];
        Arrays.setAll(out, i -> baseline.clone());
        return out;
    }

    /** Class probabilities for every sample of the dataset, [sample][class in level order]. */
    public double[][] predict(Dataset data) {
        return predict(data, false);
    }

    /**
     * Class probabilities for every sample of the dataset, [sample][class in level order].
     *
     * @param imputeAbsentFeatures when true, a model feature absent from the data is filled with its
     *                             training mean (before the transforms) instead of being an error; the
     *                             number imputed is logged because predictions degrade with each one
     */
    public double[][] predict(Dataset data, boolean imputeAbsentFeatures) {
        double[][] x = alignFeatures(data, imputeAbsentFeatures);
        for (CrossSampleTransform.Fitted f : transforms) {
            x = f.apply(x);
        }
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            Instance inst = WekaData.instance(header, selectAndImpute(x[i], selected, imputeMeans), Double.NaN);
            try {
                out[i] = classifier.distributionForInstance(inst);
            } catch (Exception e) {
                throw new IllegalStateException("Weka failed to predict sample " + data.sampleId(i), e);
            }
        }
        return out;
    }

    /** The predicted class index for a probability vector: the most probable, lowest index on ties (as Weka). */
    public static int predictedClass(double[] probabilities) {
        return Utils.maxIndex(probabilities);
    }

    public List<String> levels() {
        return levels;
    }

    public String targetName() {
        return targetName;
    }

    public List<String> featureIds() {
        return featureIds;
    }

    /** Ids of the features the classifier uses, in attribute order. */
    public List<String> selectedFeatureIds() {
        List<String> out = new ArrayList<>(selected.length);
        for (int j : selected) {
            out.add(featureIds.get(j));
        }
        return out;
    }

    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    public Classifier classifier() {
        return classifier;
    }

    /** Rows of the dataset's values rearranged into the training feature order, matched by id. */
    private double[][] alignFeatures(Dataset data, boolean imputeAbsent) {
        if (data.featureIds().equals(featureIds)) {
            return data.copyValues();
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = data.featureIds();
        for (int j = 0; j < ids.size(); j++) {
            if (index.put(ids.get(j), j) != null && featureIdsContain(ids.get(j))) {
                throw UserException.unsuitable("feature id '" + ids.get(j) + "' appears more than once in '"
                        + data.name() + "'; the model cannot tell which one to use");
            }
        }
        int[] source = new int[featureIds.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < featureIds.size(); j++) {
            Integer s = index.get(featureIds.get(j));
            if (s == null) {
                missing.add(featureIds.get(j));
                source[j] = -1;
            } else {
                source[j] = s;
            }
        }
        if (!missing.isEmpty()) {
            String first = String.join(", ", missing.subList(0, Math.min(5, missing.size())));
            if (!imputeAbsent) {
                throw UserException.unsuitable("'" + data.name() + "' lacks " + missing.size() + " of the model's "
                        + featureIds.size() + " features (first: " + first + "); to fill them with training means, "
                        + "use --impute-missing-features");
            }
            org.exprflow.core.Log.warn("imputing " + missing.size() + " of " + featureIds.size()
                    + " model features absent from '" + data.name() + "' with their training means (first: " + first + ")");
        }
        double[][] out = new double[data.sampleCount()][featureIds.size()];
        for (int i = 0; i < out.length; i++) {
            double[] row = data.row(i);
            for (int j = 0; j < source.length; j++) {
                out[i][j] = source[j] < 0 ? rawFeatureMeans[j] : row[source[j]];
            }
        }
        return out;
    }

    private transient java.util.Set<String> featureIdSet;

    private boolean featureIdsContain(String id) {
        if (featureIdSet == null) {
            featureIdSet = new java.util.HashSet<>(featureIds);
        }
        return featureIdSet.contains(id);
    }

    private static void requireUniqueIds(Dataset training) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String id : training.featureIds()) {
            if (!seen.add(id)) {
                throw UserException.unsuitable("feature id '" + id + "' appears more than once in '" + training.name()
                        + "' (the QC report lists duplicated ids); make feature ids unique before training");
            }
        }
    }

    /** Training mean of each selected feature (0 when a feature has no value): the imputation values. */
    static double[] trainingMeans(double[][] x, int[] selected) {
        double[] means = new double[selected.length];
        for (int k = 0; k < selected.length; k++) {
            double sum = 0;
            int n = 0;
            for (double[] row : x) {
                double v = row[selected[k]];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            means[k] = n == 0 ? 0 : sum / n;
        }
        return means;
    }

    static double[] selectAndImpute(double[] row, int[] selected, double[] means) {
        double[] out = new double[selected.length];
        for (int k = 0; k < selected.length; k++) {
            double v = row[selected[k]];
            out[k] = Double.isNaN(v) ? means[k] : v;
        }
        return out;
    }

    static Classifier newClassifier(ModelSpec spec) {
        String[] parts;
        try {
            parts = Utils.splitOptions(spec.learner());
        } catch (Exception e) {
            throw UserException.badParameter("cannot parse learner options '" + spec.learner() + "': " + e.getMessage());
        }
        if (parts.length == 0) {
            throw UserException.badParameter("empty learner; give a Weka class name such as " + ModelSpec.DEFAULT_LEARNER);
        }
        String className = parts[0];
        String[] options = Arrays.copyOfRange(parts, 1, parts.length);
        boolean seedGiven = Arrays.asList(options).contains("-S");
        Classifier c;
        try {
            c = AbstractClassifier.forName(className, options);
        } catch (Exception e) {
            throw UserException.badParameter("invalid Weka learner '" + spec.learner() + "': " + e.getMessage());
        }
        if (c instanceof Randomizable r && !seedGiven) {
            r.setSeed((int) spec.seed());
        }
        return c;
    }

    /** SHA-256 over the training samples, features, values and labels: identifies the training data. */
    static String checksum(Dataset d, Target target) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : d.sampleIds()) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            for (String f : d.featureIds()) {
                md.update(f.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            ByteBuffer buf = ByteBuffer.allocate(8 * Math.max(1, d.featureCount()));
            for (int i = 0; i < d.sampleCount(); i++) {
                buf.clear();
                for (double v : d.row(i)) {
                    buf.putLong(Double.doubleToLongBits(v));
                }
                md.update(buf.array(), 0, buf.position());
            }
            for (int i = 0; i < d.sampleCount(); i++) {
                String l = target.label(i);
                md.update((l == null ? "" : l).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
