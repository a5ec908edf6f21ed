package org.exprflow.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inner join of predictions and measurements on id, in id order (String order, so the pairs
 * file and the metrics never depend on the input row order), with the counts of ids found on one
 * side only. Values may be NaN (NA in the input); {@link org.exprflow.stats.RegressionMetrics}
 * leaves such pairs out.
 */
record JoinedPairs(List<String> ids, double[] measured, double[] predicted, int unmatchedPredictions,
        int unmatchedMeasurements) {

    static JoinedPairs of(KeyedValues predictions, KeyedValues measurements) {
        List<String> ids = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Map.Entry<String, Double> p : predictions.values().entrySet()) {
            Double m = measurements.values().get(p.getKey());
            if (m != null) {
                ids.add(p.getKey());
                values.add(new double[] {m, p.getValue()});
            }
        }
        double[] measured = new double[ids.size()];
        double[] predicted = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            measured[i] = values.get(i)[0];
            predicted[i] = values.get(i)[1];
        }
        return new JoinedPairs(ids, measured, predicted, predictions.values().size() - ids.size(),
                measurements.values().size() - ids.size());
    }

    int matched() {
        return ids.size();
    }
}
