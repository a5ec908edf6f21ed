package org.exprflow.model;

import java.io.Serializable;
import java.util.List;

/**
 * What to fit: the cross-sample transforms (by name, in order), how many top-ranked features to
 * keep (0 = all), and the Weka learner as a class name with its option string, exactly as Weka's
 * command line takes it (e.g. "weka.classifiers.functions.SMO -C 1.0 -M"), and how the learner is told
 * about unequal class sizes.
 */
public record ModelSpec(List<String> transforms, int topK, String learner, long seed, ClassImbalance imbalance)
        implements Serializable {

    /** Without class-imbalance handling ({@link ClassImbalance#none}). */
    public ModelSpec(List<String> transforms, int topK, String learner, long seed) {
        this(transforms, topK, learner, seed, ClassImbalance.none);
    }

    /**
     * Default for p much larger than n: the 50 top-ranked genes of each training fold, then a linear
     * SVM with logistic calibration (-M) so that class probabilities, and therefore ROC curves and
     * AUC, are meaningful.
     */
    public static final String DEFAULT_LEARNER = "weka.classifiers.functions.SMO -M";
    public static final int DEFAULT_TOP_K = 50;
}
