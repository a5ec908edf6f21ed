package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;

import weka.classifiers.AbstractClassifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WeightedInstancesHandler;

/**
 * A Weka learner for tests that records every row it is trained on (values, weight, class) and every
 * row it is asked to predict, so a test can check what reached the learner. It predicts the weighted
 * class shares of its training rows. Records are static (Weka builds learners by class name); tests
 * that use it call {@link #reset()} first and run in one thread (Cli is synchronized too).
 */
public class RecordingClassifier extends AbstractClassifier implements WeightedInstancesHandler {
    private static final long serialVersionUID = 1L;

    /** One buildClassifier call: the rows as the learner received them. */
    record Fit(double[][] values, double[] weights, int[] classes) {
        int rows() {
            return values.length;
        }
    }

    private static final List<Fit> FITS = new ArrayList<>();
    private static final List<double[]> PREDICTED = new ArrayList<>();
    private static final List<Double> PREDICTED_WEIGHTS = new ArrayList<>();

    private double[] shares;

    static synchronized void reset() {
        FITS.clear();
        PREDICTED.clear();
        PREDICTED_WEIGHTS.clear();
    }

    static synchronized List<Fit> fits() {
        return List.copyOf(FITS);
    }

    static synchronized List<double[]> predicted() {
        return List.copyOf(PREDICTED);
    }

    static synchronized List<Double> predictedWeights() {
        return List.copyOf(PREDICTED_WEIGHTS);
    }

    @Override
    public void buildClassifier(Instances data) {
        int n = data.numInstances();
        int p = data.numAttributes() - 1;
        double[][] values = new double[n][p];
        double[] weights = new double[n];
        int[] classes = new int[n];
        shares = new double[data.numClasses()];
        for (int i = 0; i < n; i++) {
            Instance inst = data.instance(i);
            for (int j = 0; j < p; j++) {
                values[i][j] = inst.value(j);
            }
            weights[i] = inst.weight();
            classes[i] = (int) inst.classValue();
            shares[classes[i]] += weights[i];
        }
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        for (int c = 0; c < shares.length; c++) {
            shares[c] /= total;
        }
        synchronized (RecordingClassifier.class) {
            FITS.add(new Fit(values, weights, classes));
        }
    }

    @Override
    public double[] distributionForInstance(Instance instance) {
        double[] v = new double[instance.numAttributes() - 1];
        for (int j = 0; j < v.length; j++) {
            v[j] = instance.value(j);
        }
        synchronized (RecordingClassifier.class) {
            PREDICTED.add(v);
            PREDICTED_WEIGHTS.add(instance.weight());
        }
        return shares.clone();
    }
}
