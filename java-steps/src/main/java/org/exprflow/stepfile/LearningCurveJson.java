package org.exprflow.stepfile;

/**
 * The keys of the metrics JSON's {@code learning_curve} block ({@link MetricsJson}), written by
 * {@code exprflow evaluate --learning-curve} and read by the report:
 * <pre>
 * "learning_curve": {"subsets": "...how the training subsets were drawn...",
 *   "interval": {"method", "replicates", "level"},          (only with bootstrap replicates)
 *   "zero_r_balanced_accuracy": 0.5,
 *   "points": [{"fraction", "folds", "training_samples": {"mean", "min", "max"}, "predictions",
 *               "balanced_accuracy", "balanced_accuracy_interval": [lo, hi],
 *               "fold_balanced_accuracy": {"mean", "sd"}}, ...]}     (increasing fraction; the last is 1)
 * </pre>
 */
public final class LearningCurveJson {
    public static final String LEARNING_CURVE = "learning_curve";
    public static final String SUBSETS = "subsets";
    public static final String ZERO_R_BALANCED_ACCURACY = "zero_r_balanced_accuracy";
    public static final String POINTS = "points";
    public static final String FRACTION = "fraction";
    public static final String TRAINING_SAMPLES = "training_samples";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String BALANCED_ACCURACY_INTERVAL = "balanced_accuracy_interval";
    public static final String FOLD_BALANCED_ACCURACY = "fold_balanced_accuracy";

    /** How the subsets were drawn, stated in the metrics and the report. */
    public static final String SUBSETS_TEXT = "per outer fold, a seeded, class-stratified draw of the fraction of its "
            + "training samples (groups, with a group column), at least 2 per class; nested across fractions; the inner "
            + "loop and the final fit run on the subset, the held-out fold is scored unchanged; fraction 1 is the main CV";

    private LearningCurveJson() {
    }
}
