package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.exprflow.stepfile.PredictionTable;

/** Builds prediction rows for metric tests: one row per (truth, predicted) pair with a given count. */
public final class PredictionFixtures {
    private PredictionFixtures() {
    }

    /**
     * Rows of the cv set of learner "model" whose confusion matrix is {@code counts} (rows truth,
     * columns predicted). The predicted class gets probability 1, so argmax and predicted agree.
     */
    public static List<PredictionTable.Row> rowsWithConfusion(List<String> levels, long[][] counts) {
        List<PredictionTable.Row> rows = new ArrayList<>();
        int sample = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                for (long i = 0; i < counts[t][p]; i++) {
                    double[] probs = new double[levels.size()];
                    probs[p] = 1;
                    rows.add(new PredictionTable.Row("cv", 1, 1, String.format("S%03d", sample++), "model",
                            levels.get(t), levels.get(p), probs));
                }
            }
        }
        return rows;
    }
}
