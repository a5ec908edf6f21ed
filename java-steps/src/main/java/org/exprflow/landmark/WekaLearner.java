package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.model.WekaLearnerSpec;

import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * One Weka regressor per target. Each target gets fresh Instances: several Weka learners keep
 * references to their training instances (IBk predicts from them), so reusing one set and
 * rewriting its class values would silently change fitted models.
 */
final class WekaLearner implements LandmarkLearner {
    private final String label;
    private final WekaLearnerSpec learner;
    private final long seed;

    WekaLearner(String label, String spec, long seed) {
        this.label = label;
        this.seed = seed;
        // a bad class or option is a usage error now, not after the data are read
        this.learner = WekaLearnerSpec.parse(spec, "--learner " + label);
    }

    @Override
    public String label() {
        return label;
    }

    /** A fresh regressor; randomised learners get --seed unless the spec sets -S itself. */
    Classifier newRegressor() {
        return learner.newInstance(seed, "--learner " + label);
    }

    @Override
    public FittedTargets fit(double[][] trainX, double[][] trainY) {
        Instances header = header(trainX.length == 0 ? 0 : trainX[0].length);
        int targets = trainY.length == 0 ? 0 : trainY[0].length;
        Classifier[] models = new Classifier[targets];
        for (int t = 0; t < targets; t++) {
            models[t] = fitTarget(header, trainX, trainY, t);
        }
        return new Models(label, header, models);
    }

    /** One target at a time: a forest per target for thousands of targets would not fit in memory. */
    @Override
    public double[][][] fitPredict(double[][] trainX, double[][] trainY, List<double[][]> newX) {
        Instances header = header(trainX.length == 0 ? 0 : trainX[0].length);
        int targets = trainY.length == 0 ? 0 : trainY[0].length;
        double[][][] out = new double[targets][newX.size()][];
        for (int t = 0; t < targets; t++) {
            Classifier c = fitTarget(header, trainX, trainY, t);
            for (int s = 0; s < newX.size(); s++) {
                out[t][s] = predict(label, header, c, t, newX.get(s));
            }
        }
        return out;
    }

    private static Instances header(int p) {
        ArrayList<Attribute> attrs = new ArrayList<>(p + 1);
        for (int j = 0; j < p; j++) {
            attrs.add(new Attribute("l" + j));
        }
        attrs.add(new Attribute("target"));
        Instances header = new Instances("landmarks", attrs, 0);
        header.setClassIndex(p);
        return header;
    }

    /** A fresh regressor fitted on target t's training rows with a value. */
    private Classifier fitTarget(Instances header, double[][] trainX, double[][] trainY, int t) {
        Instances data = new Instances(header, trainX.length);
        for (int i = 0; i < trainX.length; i++) {
            if (!Double.isNaN(trainY[i][t])) {
                data.add(instance(header, trainX[i], trainY[i][t]));
            }
        }
        Classifier c = newRegressor();
        try {
            c.buildClassifier(data);
        } catch (UserException e) {
            throw e;
        } catch (Exception e) {
            throw UserException.unsuitable("Weka could not fit '" + label + "' for target " + (t + 1) + ": " + e.getMessage());
        }
        return c;
    }

    private static double[] predict(String label, Instances header, Classifier c, int t, double[][] rows) {
        double[] out = new double[rows.length];
        try {
            for (int i = 0; i < rows.length; i++) {
                out[i] = c.classifyInstance(instance(header, rows[i], Double.NaN));
            }
        } catch (Exception e) {
            throw UserException.unsuitable("Weka could not predict '" + label + "' for target " + (t + 1) + ": " + e.getMessage());
        }
        return out;
    }

    /** The fitted regressors of every target, with the attribute header they were fitted on. */
    private record Models(String label, Instances header, Classifier[] models) implements FittedTargets {
        @Override
        public int targets() {
            return models.length;
        }

        @Override
        public String describe() {
            return "one Weka " + (models.length == 0 ? "model" : models[0].getClass().getSimpleName()) + " per target";
        }

        @Override
        public double[][] predict(double[][] landmarkRows) {
            double[][] out = new double[models.length][];
            for (int t = 0; t < models.length; t++) {
                out[t] = WekaLearner.predict(label, header, models[t], t, landmarkRows);
            }
            return out;
        }
    }

    private static Instance instance(Instances header, double[] x, double y) {
        double[] v = Arrays.copyOf(x, x.length + 1);
        v[x.length] = Double.isNaN(y) ? Utils.missingValue() : y;
        Instance inst = new DenseInstance(1.0, v);
        inst.setDataset(header);
        return inst;
    }
}
