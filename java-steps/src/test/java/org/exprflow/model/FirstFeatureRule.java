package org.exprflow.model;

import weka.classifiers.AbstractClassifier;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A fixed rule for tests, not fitted: the second class when the first selected feature is above
 * {@link #THRESHOLD}, else the first. On data whose minority class lies above the threshold together
 * with some majority samples it has lower accuracy than always guessing the majority but higher
 * balanced accuracy.
 */
public class FirstFeatureRule extends AbstractClassifier {
    private static final long serialVersionUID = 1L;
    static final double THRESHOLD = 0;

    @Override
    public void buildClassifier(Instances data) {
    }

    @Override
    public double[] distributionForInstance(Instance instance) {
        double[] d = new double[instance.numClasses()];
        d[instance.value(0) > THRESHOLD ? 1 : 0] = 1;
        return d;
    }
}
