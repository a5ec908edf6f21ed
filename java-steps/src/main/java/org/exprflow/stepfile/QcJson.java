package org.exprflow.stepfile;

import java.util.List;

/**
 * The keys of the QC JSON ({@link StepJson#QC}), written by {@code exprflow qc} and read by the
 * report, in one place so that the two cannot drift apart:
 * <pre>
 * {"dataset", "scale": "linear"|"log"|"counts", "samples": [{"id", "missing_fraction", "quantiles": [min, q25, median, q75, max],
 *   "mean", "mean_correlation", "outlier"[, "library_size", "zero_fraction", "detected_genes": counts only]}], "features": {"count", "constant", "near_constant",
 *   "duplicated_ids"}, "classes": {target: {class: count}},
 *   "checks": [{"name", "status", "value", "warn", "fail", "message"}],
 *   "batches": {target: {"batches": [..], "classes": [..], "counts": [[per class] per batch], "cramers_v",
 *   "single_class_batches": [..]}}}   (only when the dataset has a batch column)
 * </pre>
 */
public final class QcJson {
    public static final String DATASET = "dataset";
    /**
     * The scale of the values (since issue 14): {@link #LINEAR} (QC's scale rule, the same as normalise
     * --log2 auto, says they need log2), {@link #LOG} (they look log-scaled already) or {@link #COUNTS}; the
     * report draws linear values and counts on a log2 axis. Absent in older files.
     */
    public static final String SCALE = "scale";
    public static final String LINEAR = "linear";
    public static final String LOG = "log";
    public static final String COUNTS = "counts";
    public static final String SAMPLES = "samples";
    public static final String ID = "id";
    public static final String MISSING_FRACTION = "missing_fraction";
    public static final String QUANTILES = "quantiles";
    public static final String MEAN = "mean";
    public static final String MEAN_CORRELATION = "mean_correlation";
    public static final String OUTLIER = "outlier";
    /** Per-sample keys present only for count datasets. */
    public static final String LIBRARY_SIZE = "library_size";
    public static final String ZERO_FRACTION = "zero_fraction";
    public static final String DETECTED_GENES = "detected_genes";
    public static final String FEATURES = "features";
    public static final String CLASSES = "classes";
    public static final String CHECKS = "checks";
    public static final String NAME = "name";
    public static final String STATUS = "status";
    public static final String VALUE = "value";
    public static final String WARN = "warn";
    public static final String FAIL = "fail";
    public static final String MESSAGE = "message";

    public static final String BATCHES = "batches";
    public static final String BATCH_NAMES = "batches";
    public static final String BATCH_CLASSES = "classes";
    public static final String BATCH_COUNTS = "counts";
    public static final String CRAMERS_V = "cramers_v";
    public static final String SINGLE_CLASS_BATCHES = "single_class_batches";

    public static final String COUNT = "count";
    public static final String CONSTANT = "constant";
    public static final String NEAR_CONSTANT = "near_constant";
    public static final String DUPLICATED_IDS = "duplicated_ids";
    /** The feature counts in the order the report lists them: the file's keys are sorted. */
    public static final List<String> FEATURE_ORDER = List.of(COUNT, CONSTANT, NEAR_CONSTANT, DUPLICATED_IDS);

    private QcJson() {
    }
}
