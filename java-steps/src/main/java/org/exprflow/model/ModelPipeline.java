package org.exprflow.model;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.core.Versions;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.split.TrainingLabels;

import weka.classifiers.Classifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * A fitted model: every step learned from the training samples, in the order it is applied.
 * <ol>
 *   <li>cross-sample transforms (quantile target, feature means and SDs, ...),</li>
 *   <li>feature selection: the top-k features by ANOVA F on the transformed training samples,</li>
 *   <li>imputation of remaining NAs with the training mean of each selected feature,</li>
 *   <li>the Weka classifier,</li>
 *   <li>optionally a probability calibrator ({@code --calibration}, {@link Calibration}), fitted on the
 *   training samples' out-of-fold probabilities.</li>
 * </ol>
 * The same object is applied in a CV fold's held-out samples, to an independent test set and in
 * {@code predict}, so a saved model predicts new patients exactly as it was evaluated. New data are
 * matched to the training features by id, so column order and extra columns do not matter.
 */
public final class ModelPipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FeaturePipeline features;
    private final Instances header;
    private final Classifier classifier;
    /** Weka ZeroR's class distribution on the same training samples: the baseline beside every metric. */
    private final double[] baseline;
    private final String targetName;
    private final List<String> levels;
    private final LinkedHashMap<String, String> metadata;
    /** Null without --calibration (and in models saved before it existed, which Java serialisation reads so). */
    private final ProbabilityCalibrator calibrator;

    private ModelPipeline(FeaturePipeline features, Instances header, Classifier classifier, double[] baseline,
                          String targetName, List<String> levels, LinkedHashMap<String, String> metadata) {
        this(features, header, classifier, baseline, targetName, levels, metadata, null);
    }

    private ModelPipeline(FeaturePipeline features, Instances header, Classifier classifier, double[] baseline,
                          String targetName, List<String> levels, LinkedHashMap<String, String> metadata,
                          ProbabilityCalibrator calibrator) {
        this.calibrator = calibrator;
        this.features = features;
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
        FeaturePipeline.requireUniqueIds(training);
        return fit(PreparedTraining.prepare(training, target, spec.transforms()), spec.topK(), spec.learner(),
                spec.seed(), spec.imbalance(), new LinkedHashMap<>());
    }

    /** Fits one chosen candidate on training samples that have passed {@link TrainingLabels#require}. */
    static ModelPipeline fitChecked(Dataset training, Target target, List<String> transforms, Candidate chosen, long seed,
                                    ClassImbalance imbalance, LinkedHashMap<String, String> extraMetadata) {
        FeaturePipeline.requireUniqueIds(training);
        return fit(PreparedTraining.prepare(training, target, transforms), chosen.topK(), chosen.learner(), seed,
                imbalance, extraMetadata);
    }

    /**
     * Fits the learner on the top-k features of prepared training samples.
     *
     * @param imbalance     what the learner is told about unequal class sizes: applied to these training
     *                      rows only, after the transforms and top-k (never to rows it will predict)
     * @param extraMetadata recorded in the model after the standard entries (e.g. the model-selection scores)
     */
    static ModelPipeline fit(PreparedTraining prepared, int topK, String learner, long seed, ClassImbalance imbalance,
                             LinkedHashMap<String, String> extraMetadata) {
        return fit(prepared, topK, learner, seed, imbalance, extraMetadata, true);
    }

    /**
     * The same fit for a model that is only scored and then dropped (inner-loop candidates, the model
     * comparison's candidates, calibration folds): no metadata, whose training-data SHA-256 alone was
     * a seventh of the inner loop's CPU. Its predictions are those of {@link #fit}.
     */
    static ModelPipeline fitForScoring(PreparedTraining prepared, int topK, String learner, long seed,
                                       ClassImbalance imbalance) {
        return fit(prepared, topK, learner, seed, imbalance, new LinkedHashMap<>(), false);
    }

    private static ModelPipeline fit(PreparedTraining prepared, int topK, String learner, long seed,
                                     ClassImbalance imbalance, LinkedHashMap<String, String> extraMetadata,
                                     boolean recordMetadata) {
        Dataset training = prepared.training;
        Target target = prepared.target;
        FeaturePipeline features = FeaturePipeline.fit(prepared, topK);
        Instances header = WekaData.header(features.selectedFeatureIds(), target.levels());
        Instances data = new Instances(header, training.sampleCount());
        double[][] rows = features.trainingRows(prepared);
        for (int i = 0; i < training.sampleCount(); i++) {
            data.add(WekaData.instance(header, rows[i], target.value(i)));
        }
        Classifier classifier = WekaLearnerSpec.instantiate(learner, seed, "learner");
        imbalance.requireSupport(classifier, learner);
        ClassImbalance.LearnerRows learnerRows = imbalance.apply(data, seed);
        double[] baseline;
        try {
            classifier.buildClassifier(learnerRows.rows());
            // ZeroR stays the unweighted training majority: the baseline of always guessing it.
            baseline = zeroR(target);
        } catch (Exception e) {
            throw UserException.unsuitable("Weka could not train '" + learner + "': " + e.getMessage());
        }
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        if (!recordMetadata) {
            return new ModelPipeline(features, header, classifier, baseline, target.name(), target.levels(), meta);
        }
        meta.put("exprflow_version", Versions.exprflow());
        meta.put("weka_version", Versions.weka());
        meta.put("java_version", Versions.java());
        // What the learner really ran with (defaults and seed included), beside the grid entry it came from.
        meta.put("learner", WekaLearnerSpec.canonical(classifier));
        meta.put("candidate_learner", learner);
        meta.put("top_k", Integer.toString(topK));
        meta.put("transforms", String.join(",", prepared.transformNames));
        meta.put("seed", Long.toString(seed));
        meta.put("imbalance", imbalance.name());
        meta.put("learner_rows", learnerRows.description());
        meta.put("target", target.name());
        meta.put("classes", String.join(",", target.levels()));
        meta.put("training_name", training.name());
        meta.put("training_samples", Integer.toString(training.sampleCount()));
        meta.put("training_features", Integer.toString(training.featureCount()));
        meta.put("training_sha256", checksum(training, target));
        String symbols = selectedSymbols(training, features.selectedFeatureIds());
        if (symbols != null) {
            meta.put("selected_symbols", symbols);
        }
        meta.putAll(extraMetadata);
        return new ModelPipeline(features, header, classifier, baseline, target.name(), target.levels(), meta);
    }

    /**
     * The gene symbols of the selected features, comma-separated in their order (NA where a feature
     * has none), so that the model names its genes as the dataset did; null when the dataset has no
     * symbol column.
     */
    private static String selectedSymbols(Dataset training, List<String> selected) {
        List<String> symbols = training.featureAnnotations().column(org.exprflow.data.FeatureAnnotations.SYMBOL);
        if (symbols == null) {
            return null;
        }
        Map<String, String> byId = new java.util.HashMap<>();
        for (int j = 0; j < training.featureCount(); j++) {
            byId.put(training.featureIds().get(j), symbols.get(j));
        }
        StringBuilder out = new StringBuilder();
        for (String id : selected) {
            String s = byId.get(id);
            out.append(out.length() == 0 ? "" : ",").append(s == null ? "NA" : s);
        }
        return out.toString();
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
        return predict(data, -1);
    }

    /**
     * Class probabilities for every sample of the dataset, [sample][class in level order].
     *
     * @param maxImputedFraction below 0: a model feature absent from the data is an error; otherwise
     *                           absent features are filled with their training means (before the
     *                           transforms) as long as at most this share of the model's features is
     *                           absent, and the number imputed is logged
     */
    public double[][] predict(Dataset data, double maxImputedFraction) {
        return calibrate(predictUncalibrated(data, maxImputedFraction));
    }

    /** The classifier's own probabilities, before the calibrator (the same as {@link #predict} without one). */
    public double[][] predictUncalibrated(Dataset data, double maxImputedFraction) {
        return classify(features.apply(data, maxImputedFraction, "--impute-missing-features"), data);
    }

    /**
     * {@link #predict} of a dataset from its rows through this model's transforms, before top-k
     * ({@link FeaturePipeline#transformNew} of the training the model was fitted on).
     */
    double[][] predictTransformed(double[][] transformed, Dataset data) {
        return calibrate(classify(features.selectAndImpute(transformed), data));
    }

    /** The classifier's probabilities for rows as the learner sees them (selected, imputed). */
    private double[][] classify(double[][] x, Dataset data) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            Instance inst = WekaData.instance(header, x[i], Double.NaN);
            try {
                out[i] = classifier.distributionForInstance(inst);
            } catch (Exception e) {
                throw new IllegalStateException("Weka failed to predict sample " + data.sampleId(i), e);
            }
        }
        return out;
    }

    /** The calibrator applied to the classifier's probabilities; unchanged when the model has none. */
    public double[][] calibrate(double[][] uncalibrated) {
        if (calibrator == null) {
            return uncalibrated;
        }
        double[][] out = new double[uncalibrated.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = calibrator.apply(uncalibrated[i]);
        }
        return out;
    }

    /** True when the model calibrates its probabilities ({@code --calibration platt|isotonic}). */
    public boolean calibrated() {
        return calibrator != null;
    }

    /** The calibrator, or null. */
    ProbabilityCalibrator calibrator() {
        return calibrator;
    }

    /** This model with a calibrator, recorded in the metadata (method, folds, fitted maps). */
    ModelPipeline withCalibrator(ProbabilityCalibrator fitted, int folds) {
        LinkedHashMap<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("calibration", fitted.method().name());
        meta.put("calibration_folds", Integer.toString(folds));
        List<String> maps = fitted.describe();
        for (int i = 0; i < maps.size(); i++) {
            String cls = maps.size() == levels.size() ? levels.get(i) : levels.get(levels.size() - 1);
            meta.put("calibration." + cls, maps.get(i));
        }
        return new ModelPipeline(features, header, classifier, baseline, targetName, levels, meta, fitted);
    }

    /**
     * A deep copy (through Java serialisation, as Weka's makeCopy): predicts exactly as this model, for a
     * thread of its own, since Weka learners keep state while they predict.
     */
    ModelPipeline copy() {
        try {
            return (ModelPipeline) new weka.core.SerializedObject(this).getObject();
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy the model", e);
        }
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
        return features.featureIds();
    }

    /** Ids of the features the classifier uses, in attribute order. */
    /** The fitted front (transforms, selection, imputation); for tests that inspect the transforms. */
    FeaturePipeline features() {
        return features;
    }

    public List<String> selectedFeatureIds() {
        return features.selectedFeatureIds();
    }

    /** What each cross-sample transform learned from the training samples, in order (exprflow inspect). */
    public List<String> transformDescriptions() {
        return features.describeTransforms();
    }

    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    public Classifier classifier() {
        return classifier;
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
