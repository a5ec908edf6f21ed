package org.exprflow.stepfile;

import java.util.List;

/**
 * The keys of the classification metrics JSON ({@link StepJson#METRICS}), written by
 * {@code exprflow evaluate} and read by the report, in one place so that the two cannot drift apart:
 * <pre>
 * {"levels": [...], "unscored_predictions", "sets": {set: {learner: {"predictions", "samples",
 *   "overall": {"accuracy", "balanced_accuracy", "mcc", "kappa", "auc_weighted"},
 *   "interval": {"method", "replicates", "level", "accuracy": [lo, hi], "balanced_accuracy": [lo, hi]},
 *   "permutation": {"statistic", "count", "mean", "p"[, "repeats", "observed"]},
 *   "classes": {class: {"support", "precision", "recall", "f1", "auc"}}, "confusion": [[...]],
 *   "folds": {"count", "accuracy": {"mean", "sd"}, "balanced_accuracy": {...}, "mcc": {...},
 *             "repeats": [{"repeat", "accuracy", "balanced_accuracy"}]}}}},
 *  "model_selection": {"mean_pairwise_jaccard", "folds": [{"repeat", "fold", "learner", "top_k", "features"}]},
 *  "cv_scheme": {"kind": "stratified" | "grouped" | "leave_one_batch_out", "group_column"},
 *  "batches": {"by_batch": [{"batch", "predictions", "samples", "accuracy", "balanced_accuracy"}],
 *              "unseen_in_training": [{"repeat", "fold", "batch"}], "transforms", "own_batch_fallback"},
 *  "calibration": {"bins": 10, "sets": {set: {learner: {"predictions", "brier",
 *                  "classes": {class: {"brier", "reliability": [{"bin", "lower", "upper", "count",
 *                                                                "mean_predicted", "observed_frequency"}]}}}}}}}
 * </pre>
 *  "imbalance": "none" | "weights" | "smote"   (the class-imbalance handling of the training fits)
 * ("cv_scheme", "batches" and "imbalance" only when evaluate is told them: --cv-scheme, --dataset with
 * batches, --imbalance. "calibration" holds the learners model, model_uncalibrated (only for a
 * calibrated model) and ZeroR.)
 * With --learning-curve, a "learning_curve" block, whose keys are in {@link LearningCurveJson}.
 */
public final class MetricsJson {
    /**
     * The scored sets and the evaluated learners, in the order the report shows them (the file's keys are sorted).
     * predict holds new samples scored against their labels ({@code --analysis predict} with labels).
     */
    public static final List<String> SETS = List.of("cv", "test", "predict");
    public static final List<String> LEARNERS = List.of("model", "ZeroR");

    public static final String LEVELS = "levels";
    public static final String UNSCORED_PREDICTIONS = "unscored_predictions";
    public static final String SETS_KEY = "sets";
    public static final String PREDICTIONS = "predictions";
    public static final String SAMPLES = "samples";
    public static final String OVERALL = "overall";
    public static final String ACCURACY = "accuracy";
    public static final String BALANCED_ACCURACY = "balanced_accuracy";
    public static final String MCC = "mcc";
    public static final String KAPPA = "kappa";
    public static final String AUC_WEIGHTED = "auc_weighted";
    public static final String INTERVAL = "interval";
    public static final String METHOD = "method";
    public static final String REPLICATES = "replicates";
    public static final String LEVEL = "level";
    public static final String PERMUTATION = "permutation";
    /**
     * In "permutation", only when the permutations reran the first N outer repeats (not all): N, and the
     * real balanced accuracy of those repeats that p compares them with.
     */
    public static final String PERMUTATION_REPEATS = "repeats";
    public static final String PERMUTATION_OBSERVED = "observed";
    public static final String STATISTIC = "statistic";
    public static final String COUNT = "count";
    public static final String MEAN = "mean";
    public static final String SD = "sd";
    public static final String P = "p";
    public static final String CLASSES = "classes";
    public static final String SUPPORT = "support";
    public static final String PRECISION = "precision";
    public static final String RECALL = "recall";
    public static final String F1 = "f1";
    public static final String AUC = "auc";
    public static final String CONFUSION = "confusion";
    public static final String FOLDS = "folds";
    public static final String REPEATS = "repeats";
    public static final String REPEAT = "repeat";
    public static final String MODEL_SELECTION = "model_selection";
    public static final String MEAN_PAIRWISE_JACCARD = "mean_pairwise_jaccard";
    public static final String FOLD = "fold";
    public static final String LEARNER = "learner";
    public static final String TOP_K = "top_k";
    public static final String FEATURES = "features";
    public static final String CV_SCHEME = "cv_scheme";
    public static final String CV_SCHEME_KIND = "kind";
    public static final String CV_GROUP_COLUMN = "group_column";
    public static final String BATCHES = "batches";
    public static final String BY_BATCH = "by_batch";
    public static final String BATCH = "batch";
    public static final String UNSEEN_IN_TRAINING = "unseen_in_training";
    public static final String TRANSFORMS = "transforms";
    /** True when a ComBat transform met held-out batches that training never saw (the own-batch fallback ran). */
    public static final String OWN_BATCH_FALLBACK = "own_batch_fallback";
    /** How the training fits handled unequal class sizes: none, weights or smote (train's --imbalance). */
    public static final String IMBALANCE = "imbalance";

    /**
     * The learner name of a calibrated model's uncalibrated probabilities in the prediction tables:
     * scored for calibration only, beside the (calibrated) model.
     */
    public static final String UNCALIBRATED_LEARNER = "model_uncalibrated";
    public static final String CALIBRATION = "calibration";
    public static final String BINS = "bins";
    public static final String BRIER = "brier";
    public static final String RELIABILITY = "reliability";
    public static final String BIN = "bin";
    public static final String LOWER = "lower";
    public static final String UPPER = "upper";
    public static final String MEAN_PREDICTED = "mean_predicted";
    public static final String OBSERVED_FREQUENCY = "observed_frequency";

    /**
     * The model comparison (evaluate --candidate-scores): the corrected resampled t-test on per-fold
     * balanced accuracy. {"model_comparison": {"statistic", "test", "level",
     * "schemes": [{"scheme", "learner", "top_k", "folds", "mean"}],
     * "comparisons": [{"a", "b", "folds", "test_train_ratio", "mean_a", "mean_b", "mean_difference", "variance",
     * "corrected_variance", "se", "t", "df", "p", "ci": [low, high]}]}}
     */
    public static final String MODEL_COMPARISON = "model_comparison";
    public static final String TEST = "test";
    public static final String SCHEMES = "schemes";
    public static final String SCHEME = "scheme";
    public static final String COMPARISONS = "comparisons";
    public static final String A = "a";
    public static final String B = "b";
    public static final String TEST_TRAIN_RATIO = "test_train_ratio";
    public static final String MEAN_A = "mean_a";
    public static final String MEAN_B = "mean_b";
    public static final String MEAN_DIFFERENCE = "mean_difference";
    public static final String VARIANCE = "variance";
    public static final String CORRECTED_VARIANCE = "corrected_variance";
    public static final String SE = "se";
    public static final String T = "t";
    public static final String DF = "df";
    public static final String CI = "ci";
    /** The value of "test": Nadeau and Bengio's corrected resampled t-test. */
    public static final String CORRECTED_RESAMPLED_T = "corrected_resampled_t";

    /** The first rows of evaluate's genes table ({@link GeneTable}), for the report's top-genes section. */
    public static final String TOP_GENES = "top_genes";
    public static final String GENES = "genes";
    public static final String GENES_TOTAL = "total";
    public static final String FEATURE = "feature";
    public static final String SYMBOL = "symbol";
    public static final String MEAN_RANK = "mean_rank";
    public static final String CONTRAST = "contrast";
    public static final String DIFFERENCE = "difference";
    public static final String CLASS_MEANS = "class_means";
    public static final String IMPORTANCE = "importance";

    private MetricsJson() {
    }
}
