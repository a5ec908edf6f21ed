package org.exprflow.score;

import org.exprflow.data.IdVersions;
import org.exprflow.stats.RegressionMetrics;

/**
 * Everything the score step reports: how each input was read, how the join went, the model's
 * agreement with the measurements and the mean-prediction baseline.
 *
 * @param baselineMean the mean of the scored measured values: the constant prediction of the baseline
 * @param baselineRmse RMSE of predicting {@code baselineMean} for every id (the population SD of the
 *                     measured values); its R² is 0 by definition, so RMSE and MAE are the useful
 *                     comparison
 */
record ScoreSummary(Input predictions, Input measurements, MapInfo idMap, int unmappedPredictions,
        JoinedPairs pairs, RegressionMetrics model, double baselineMean, double baselineRmse, double baselineMae,
        MeasuredTransform transform, DuplicatePolicy duplicates, IdVersions versions) {

    /** How one value table was read: detection results and counts. {@code ids} counts join ids. */
    record Input(String delimiter, boolean header, String idColumn, String valueColumn, int rows, int ids,
            int duplicatedIds) {
    }

    /** How the id map was read; null in the summary when no map was given. */
    record MapInfo(String delimiter, boolean header, int entries) {
    }
}
