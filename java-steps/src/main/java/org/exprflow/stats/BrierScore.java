package org.exprflow.stats;

import java.util.List;

import org.exprflow.stepfile.PredictionTable;

/**
 * The Brier score of class probabilities over the rows with a known truth (Brier 1950).
 * <ul>
 *   <li>{@link #multiClass}: the mean over rows of the sum over classes of (p_k − y_k)², where y_k is 1
 *   for the true class and 0 otherwise; 0 is perfect, 2 is the worst. This is Brier's original score
 *   and the one exprflow reports as "brier".</li>
 *   <li>{@link #oneVsRest}: the mean over rows of (p_c − y_c)² for one class c, which is
 *   scikit-learn's {@code brier_score_loss(y == c, p_c)}. For two classes the multi-class score is
 *   twice the binary convention (the two classes' squared errors are equal), so scikit-learn's binary
 *   Brier score is the one-vs-rest score of either class. The one-vs-rest scores sum to the
 *   multi-class score.</li>
 * </ul>
 * Rows are summed in their given order (a prediction table's rows are sorted), so the result is
 * deterministic. NaN when no row has a truth.
 */
public final class BrierScore {
    private BrierScore() {
    }

    public static double multiClass(List<String> levels, List<PredictionTable.Row> rows) {
        double sum = 0;
        long n = 0;
        for (PredictionTable.Row r : rows) {
            if (r.truth() == null) {
                continue;
            }
            int truth = levels.indexOf(r.truth());
            double rowSum = 0;
            for (int k = 0; k < levels.size(); k++) {
                double d = r.probabilities()[k] - (k == truth ? 1 : 0);
                rowSum += d * d;
            }
            sum += rowSum;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public static double oneVsRest(List<String> levels, List<PredictionTable.Row> rows, int classIndex) {
        String positive = levels.get(classIndex);
        double sum = 0;
        long n = 0;
        for (PredictionTable.Row r : rows) {
            if (r.truth() == null) {
                continue;
            }
            double d = r.probabilities()[classIndex] - (positive.equals(r.truth()) ? 1 : 0);
            sum += d * d;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
