package org.exprflow.qc;

import java.util.List;
import java.util.Map;

/**
 * Everything the qc step found, in the order it is written.
 *
 * @param dataset     dataset name
 * @param samples     one row per sample, in dataset order
 * @param features    feature counts
 * @param classes     per nominal target (dataset order): class to count, in level order
 * @param checks      rated checks, in a fixed order
 * @param log2Scale   whether correlations and feature SDs were computed on log2 of the input
 * @param counts      per sample, library size, zero fraction and detected genes, in dataset order;
 *                    null unless the dataset's values are counts
 * @param batches     the batch × class table per nominal target; empty without a batch column
 */
record QcReport(String dataset, List<SampleRow> samples, FeatureSummary features,
                Map<String, Map<String, Integer>> classes, List<QcCheck> checks, boolean log2Scale,
                List<CountSummary> counts, List<BatchConfounding> batches) {

    record SampleRow(SampleSummary summary, double meanCorrelation, boolean outlier) {
    }

    boolean anyFailed() {
        return checks.stream().anyMatch(c -> c.status() == QcCheck.Status.FAIL);
    }
}
