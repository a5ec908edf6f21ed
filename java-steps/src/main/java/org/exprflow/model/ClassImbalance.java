package org.exprflow.model;

import org.exprflow.core.UserException;
import org.exprflow.io.Canonical;

import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.WeightedInstancesHandler;

/**
 * How the learner of one fit is told about unequal class sizes ({@code --imbalance}). It acts on the
 * training rows handed to the learner, after the feature pipeline (transforms and top-k on those
 * same rows), inside every fit: each inner fold, each outer fold and the final model. Held-out rows
 * never pass through it, so no synthetic or reweighted sample is ever scored.
 * <ul>
 *   <li>{@code none}: every row once, weight 1 (the default);</li>
 *   <li>{@code weights}: inverse class frequency of this fit's rows ({@link ClassWeights});</li>
 *   <li>{@code smote}: every smaller class topped up to the largest with synthetic rows made from
 *       this fit's rows of that class ({@link Smote}, Weka's SMOTE filter).</li>
 * </ul>
 */
public enum ClassImbalance {
    none, weights, smote;

    /** The rows the learner sees, and a line for the model's metadata saying what it saw per class. */
    record LearnerRows(Instances rows, String description) {
    }

    /**
     * Applies this handling to a fit's training rows (original rows first, in their order).
     *
     * @param seed the step's seed: SMOTE's random choices (neighbour and gap) depend on it only
     */
    LearnerRows apply(Instances training, long seed) {
        return switch (this) {
            case none -> new LearnerRows(training, describe(training, new int[training.numClasses()]));
            case weights -> {
                ClassWeights.apply(training);
                yield new LearnerRows(training, describe(training, new int[training.numClasses()]));
            }
            case smote -> {
                Smote.Result r = Smote.balance(training, seed);
                yield new LearnerRows(r.rows(), describe(r.rows(), r.synthetic()));
            }
        };
    }

    /**
     * Instance weights mean nothing to a learner that ignores them: refuse such a learner with
     * {@code weights} rather than fit it as if unweighted. (Every learner of Weka 3.8's usual set
     * handles weights: SMO, Logistic, IBk, J48, RandomForest, NaiveBayes, ...)
     */
    void requireSupport(Classifier learner, String text) {
        if (this == weights && !(learner instanceof WeightedInstancesHandler)) {
            throw UserException.badParameter("--imbalance weights: the learner '" + text + "' ignores instance weights; "
                    + "use --imbalance smote with it");
        }
    }

    /** Per class in level order: "A: 30 rows × 0.6; B: 6 + 24 SMOTE rows". */
    private static String describe(Instances rows, int[] synthetic) {
        int k = rows.numClasses();
        int[] count = new int[k];
        double[] weight = new double[k];
        for (Instance inst : rows) {
            int c = (int) inst.classValue();
            count[c]++;
            weight[c] = inst.weight();
        }
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < k; c++) {
            if (c > 0) {
                out.append("; ");
            }
            out.append(rows.classAttribute().value(c)).append(": ").append(count[c] - synthetic[c]);
            if (synthetic[c] > 0) {
                out.append(" + ").append(synthetic[c]).append(" SMOTE");
            }
            out.append(" rows");
            if (count[c] > 0 && weight[c] != 1.0) {
                out.append(" × ").append(Canonical.number(weight[c]));
            }
        }
        return out.toString();
    }
}
