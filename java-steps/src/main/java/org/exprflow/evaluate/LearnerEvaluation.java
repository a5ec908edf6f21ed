package org.exprflow.evaluate;

/**
 * The evaluation of one learner on one set: pooled metrics, and for cross-validation the per-fold
 * spread ({@code folds} is null for the test set, which has no folds).
 */
public record LearnerEvaluation(String set, String learner, ClassificationMetrics metrics,
                                CrossValidationSummary folds) {
}
