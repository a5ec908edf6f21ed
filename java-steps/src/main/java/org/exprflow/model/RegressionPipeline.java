package org.exprflow.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.core.Versions;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stats.RegressionMetrics;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.CrossSampleTransforms;

import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * A fitted model for one numeric target, the regression counterpart of {@link ModelPipeline}: the
 * cross-sample transforms, the top-k features by |Pearson r| with the target on the training rows
 * (0 = all), imputation of NAs with training means, and a Weka regressor — every step fitted on the
 * training rows only — plus the training mean of the target, the baseline every metric is reported
 * beside. New data are matched to the training features by id.
 */
public final class RegressionPipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> featureIds;
    private final List<CrossSampleTransform.Fitted> transforms;
    private final int[] selected;
    private final double[] imputeMeans;
    private final Instances header;
    private final Classifier regressor;
    private final double trainingMean;
    private final String targetName;
    private final LinkedHashMap<String, String> metadata;

    private RegressionPipeline(List<String> featureIds, List<CrossSampleTransform.Fitted> transforms, int[] selected,
                               double[] imputeMeans, Instances header, Classifier regressor, double trainingMean,
                               String targetName, LinkedHashMap<String, String> metadata) {
        this.featureIds = List.copyOf(featureIds);
        this.transforms = List.copyOf(transforms);
        this.selected = selected;
        this.imputeMeans = imputeMeans;
        this.header = header;
        this.regressor = regressor;
        this.trainingMean = trainingMean;
        this.targetName = targetName;
        this.metadata = metadata;
    }

    /** Fits on the rows of the training dataset that have a value for the target. */
    public static RegressionPipeline fit(Dataset training, Target target, List<String> transformNames, int topK,
                                         String learner, long seed) {
        if (target.isNominal()) {
            throw UserException.unsuitable("target '" + target.name() + "' is nominal; regression needs a numeric target");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < training.sampleCount(); i++) {
            if (!target.isMissing(i)) {
                rows.add(i);
            }
        }
        if (rows.size() < 3) {
            throw UserException.unsuitable("target '" + target.name() + "' has " + rows.size()
                    + " training rows with a value; regression needs at least 3");
        }
        Dataset train = training.subsetSamples(rows.stream().mapToInt(Integer::intValue).toArray());
        double[] y = train.target(target.name()).values();
        double[][] x = train.copyValues();
        List<CrossSampleTransform.Fitted> fitted = new ArrayList<>();
        for (CrossSampleTransform t : CrossSampleTransforms.parse(String.join(",", transformNames))) {
            CrossSampleTransform.Fitted f = t.fit(x);
            x = f.applyToTraining(x);
            fitted.add(f);
        }
        int[] selected = topByCorrelation(x, y, topK);
        double[] means = ModelPipeline.trainingMeans(x, selected);
        ArrayList<Attribute> attrs = new ArrayList<>();
        for (int j : selected) {
            attrs.add(new Attribute(train.featureIds().get(j)));
        }
        attrs.add(new Attribute("target"));
        Instances header = new Instances("exprflow-regression", attrs, 0);
        header.setClassIndex(selected.length);
        Instances data = new Instances(header, y.length);
        for (int i = 0; i < y.length; i++) {
            data.add(WekaData.instance(header, ModelPipeline.selectAndImpute(x[i], selected, means), y[i]));
        }
        Classifier regressor = ModelPipeline.newClassifier(new ModelSpec(transformNames, topK, learner, seed));
        try {
            regressor.buildClassifier(data);
        } catch (Exception e) {
            throw UserException.unsuitable("Weka could not train '" + learner + "' on target '" + target.name() + "': "
                    + e.getMessage());
        }
        double mean = Arrays.stream(y).average().orElse(Double.NaN);
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        meta.put("exprflow_version", Versions.exprflow());
        meta.put("weka_version", Versions.weka());
        meta.put("learner", learner);
        meta.put("top_k", Integer.toString(topK));
        meta.put("transforms", String.join(",", transformNames));
        meta.put("seed", Long.toString(seed));
        meta.put("target", target.name());
        meta.put("training_rows", Integer.toString(y.length));
        return new RegressionPipeline(train.featureIds(), fitted, selected, means, header, regressor, mean, target.name(), meta);
    }

    /** Predicted values for every row of the dataset. */
    public double[] predict(Dataset data) {
        double[][] x = align(data);
        for (CrossSampleTransform.Fitted f : transforms) {
            x = f.apply(x);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            try {
                out[i] = regressor.classifyInstance(
                        WekaData.instance(header, ModelPipeline.selectAndImpute(x[i], selected, imputeMeans), Double.NaN));
            } catch (Exception e) {
                throw new IllegalStateException("Weka failed to predict row " + data.sampleId(i), e);
            }
        }
        return out;
    }

    public double trainingMean() {
        return trainingMean;
    }

    public String targetName() {
        return targetName;
    }

    public Map<String, String> metadata() {
        return java.util.Collections.unmodifiableMap(metadata);
    }

    private double[][] align(Dataset data) {
        if (data.featureIds().equals(featureIds)) {
            return data.copyValues();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < data.featureCount(); j++) {
            index.putIfAbsent(data.featureIds().get(j), j);
        }
        int[] source = new int[featureIds.size()];
        for (int j = 0; j < source.length; j++) {
            Integer s = index.get(featureIds.get(j));
            if (s == null) {
                throw UserException.unsuitable("'" + data.name() + "' lacks feature '" + featureIds.get(j)
                        + "' of the model (the model needs the same features it was trained on)");
            }
            source[j] = s;
        }
        double[][] out = new double[data.sampleCount()][source.length];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < source.length; j++) {
                out[i][j] = data.value(i, source[j]);
            }
        }
        return out;
    }

    /** Feature indices of the k largest |Pearson r| with y (all features when k ≤ 0), in feature order. */
    static int[] topByCorrelation(double[][] x, double[] y, int k) {
        int p = x.length == 0 ? 0 : x[0].length;
        if (k <= 0 || k >= p) {
            int[] all = new int[p];
            Arrays.setAll(all, j -> j);
            return all;
        }
        double[] score = new double[p];
        double[] col = new double[x.length];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < x.length; i++) {
                col[i] = x[i][j];
            }
            double r = RegressionMetrics.of(y, col).pearson();
            score[j] = Double.isNaN(r) ? Double.NaN : Math.abs(r);
        }
        int[] selected = Arrays.copyOf(FeatureRanking.order(score), k);
        Arrays.sort(selected);
        return selected;
    }
}
