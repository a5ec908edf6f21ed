package org.exprflow.stepfile;

/**
 * The keys of the score JSON ({@link StepJson#SCORE}) that {@code exprflow score} writes and
 * {@code exprflow score-report} reads, in one place so that the two cannot drift apart:
 * <pre>
 * {"step": "score", "options": {"transform", "duplicates", "strip_versions"},
 *  "predictions": {"delimiter", "header", "id_column", "value_column", "rows", "ids", "duplicated_ids", "unmapped_ids"},
 *  "measurements": {... as predictions, without "unmapped_ids"},
 *  "id_map": null | {"delimiter", "header", "entries"},
 *  "join": {"matched", "unmatched_predictions", "unmatched_measurements", "scored"},
 *  "model": {"pearson", "spearman", "r2", "rmse", "mae"},
 *  "mean_baseline": {"prediction", "rmse", "mae"}}
 * </pre>
 */
public final class ScoreJson {
    public static final String OPTIONS = "options";
    public static final String TRANSFORM = "transform";
    public static final String PREDICTIONS = "predictions";
    public static final String MEASUREMENTS = "measurements";
    public static final String VALUE_COLUMN = "value_column";
    public static final String JOIN = "join";
    public static final String MATCHED = "matched";
    public static final String UNMATCHED_PREDICTIONS = "unmatched_predictions";
    public static final String UNMATCHED_MEASUREMENTS = "unmatched_measurements";
    public static final String SCORED = "scored";
    public static final String MODEL = "model";
    public static final String PEARSON = "pearson";
    public static final String SPEARMAN = "spearman";
    public static final String R2 = "r2";
    public static final String RMSE = "rmse";
    public static final String MAE = "mae";
    public static final String MEAN_BASELINE = "mean_baseline";
    public static final String PREDICTION = "prediction";

    private ScoreJson() {
    }
}
