package org.exprflow.evaluate;

/**
 * The evaluation of one learner on one set: pooled metrics, and for cross-validation the per-fold
 * spread ({@code folds} is null for the test set, which has no folds); optionally a bootstrap interval,
 * and for the cross-validated model the permutation test ({@code permutations} and its p-value).
 */
public record LearnerEvaluation(String set, String learner, ClassificationMetrics metrics,
                                CrossValidationSummary folds, BootstrapInterval interval, Double permutationP,
                                PermutationTest permutations) {

    public LearnerEvaluation(String set, String learner, ClassificationMetrics metrics, CrossValidationSummary folds) {
        this(set, learner, metrics, folds, null, null, null);
    }
}
