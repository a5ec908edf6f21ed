package org.exprflow.stepfile;

/**
 * The keys of the regression metrics JSON ({@link StepJson#REGRESSION_METRICS}), written by
 * {@code exprflow evaluate-regression} and read by the report, in one place so that the two cannot
 * drift apart:
 * <pre>
 * {"sets": {set: {learner: {"overall": {"n", "pearson", "spearman", "rmse", "mae", "r2", "targets",
 *   "pearson_mean", "pearson_median"}, "targets": {target: {"n", "pearson", "spearman", "rmse", "mae", "r2"}}}}}}
 * </pre>
 * Sets, learners and targets are the regression table's (learner {@code model} or its baseline {@code mean}).
 */
public final class RegressionMetricsJson {
    public static final String SETS = "sets";
    public static final String MODEL = "model";
    public static final String OVERALL = "overall";
    public static final String TARGETS = "targets";
    public static final String N = "n";
    public static final String PEARSON = "pearson";
    public static final String SPEARMAN = "spearman";
    public static final String RMSE = "rmse";
    public static final String MAE = "mae";
    public static final String R2 = "r2";
    public static final String PEARSON_MEAN = "pearson_mean";
    public static final String PEARSON_MEDIAN = "pearson_median";

    private RegressionMetricsJson() {
    }
}
