package org.exprflow.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.core.Versions;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;

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

    private final FeaturePipeline features;
    private final Instances header;
    private final Classifier regressor;
    private final double trainingMean;
    private final String targetName;
    private final LinkedHashMap<String, String> metadata;

    private RegressionPipeline(FeaturePipeline features, Instances header, Classifier regressor, double trainingMean,
                               String targetName, LinkedHashMap<String, String> metadata) {
        this.features = features;
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
        FeaturePipeline.requireUniqueIds(training);
        Dataset train = training.subsetSamples(rows.stream().mapToInt(Integer::intValue).toArray());
        Target trainTarget = train.target(target.name());
        double[] y = trainTarget.values();
        PreparedTraining prepared = PreparedTraining.prepare(train, trainTarget, transformNames);
        FeaturePipeline features = FeaturePipeline.fit(prepared, topK);
        ArrayList<Attribute> attrs = new ArrayList<>();
        for (String id : features.selectedFeatureIds()) {
            attrs.add(new Attribute(id));
        }
        attrs.add(new Attribute("target"));
        Instances header = new Instances("exprflow-regression", attrs, 0);
        header.setClassIndex(attrs.size() - 1);
        Instances data = new Instances(header, y.length);
        double[][] x = features.trainingRows(prepared);
        for (int i = 0; i < y.length; i++) {
            data.add(WekaData.instance(header, x[i], y[i]));
        }
        Classifier regressor = WekaLearnerSpec.instantiate(learner, seed, "--learner");
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
        meta.put("learner", WekaLearnerSpec.canonical(regressor));
        meta.put("candidate_learner", learner);
        meta.put("top_k", Integer.toString(topK));
        meta.put("transforms", String.join(",", transformNames));
        meta.put("seed", Long.toString(seed));
        meta.put("target", target.name());
        meta.put("training_rows", Integer.toString(y.length));
        return new RegressionPipeline(features, header, regressor, mean, target.name(), meta);
    }

    /** Predicted values for every row of the dataset. */
    public double[] predict(Dataset data) {
        double[][] x = features.apply(data, -1, null);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            try {
                out[i] = regressor.classifyInstance(WekaData.instance(header, x[i], Double.NaN));
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
}
