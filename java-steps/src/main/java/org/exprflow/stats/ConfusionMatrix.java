package org.exprflow.stats;

import java.util.List;
import org.exprflow.stepfile.PredictionTable;

/**
 * Counts of (truth, predicted) pairs over the scored rows of a prediction table, with the metrics
 * that depend on the counts only. Rows are truth, columns are predicted, both in class-level order.
 * Rows whose truth is NA are not counted: they have nothing to be scored against.
 *
 * <p>Undefined ratios follow Weka 3.8.6's {@code Evaluation} so that exprflow's numbers can be
 * checked against Weka's: precision of a class that is never predicted and recall of a class absent
 * from the truth are NaN (written NA), and F1 is NaN when either is NaN, 0 when both are 0.
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** The matrix of the rows with a known truth; predicted and truth must be among the levels. */
    public static ConfusionMatrix of(List<String> levels, List<PredictionTable.Row> rows) {
        int k = levels.size();
        long[][] counts = new long[k][k];
        for (PredictionTable.Row r : rows) {
            if (r.truth() == null) {
                continue;
            }
            counts[levels.indexOf(r.truth())][levels.indexOf(r.predicted())]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** A matrix from given counts (rows truth, columns predicted); used by tests and readers. */
    public static ConfusionMatrix ofCounts(long[][] counts) {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != counts.length) {
                throw new IllegalArgumentException("confusion matrix must be square");
            }
            copy[i] = counts[i].clone();
        }
        return new ConfusionMatrix(copy);
    }

    public int classCount() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** Number of scored rows whose truth is the class (its support). */
    public long truthCount(int c) {
        long n = 0;
        for (long v : counts[c]) {
            n += v;
        }
        return n;
    }

    /** Number of scored rows predicted as the class. */
    public long predictedCount(int c) {
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    private long correct() {
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i][i];
        }
        return n;
    }

    public double accuracy() {
        return (double) correct() / total();
    }

    /** TP / predicted; NaN when the class is never predicted (as Weka). */
    public double precision(int c) {
        long predicted = predictedCount(c);
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }

    /** TP / truth; NaN when the class is absent from the truth (as Weka). */
    public double recall(int c) {
        long truth = truthCount(c);
        return truth == 0 ? Double.NaN : (double) counts[c][c] / truth;
    }

    /** Harmonic mean of precision and recall, with Weka's conventions for the undefined cases. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        if (p + r == 0) {
            return 0;
        }
        return 2 * p * r / (p + r);
    }

    /**
     * Mean recall over the classes present in the truth. Classes without truth rows are left out
     * rather than counted as 0, so a test set lacking a rare class is not penalised for it.
     */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (truthCount(c) > 0) {
                sum += recall(c);
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /**
     * Gorodkin's R_K, the multiclass Matthews correlation coefficient (equal to the binary MCC for two
     * classes): (c·n − Σ t_k p_k) / sqrt((n² − Σ p_k²)(n² − Σ t_k²)), with c the correct count, n the
     * total, t_k and p_k the truth and predicted counts of class k. When a factor of the denominator
     * is 0 (all rows predicted as, or all truths of, one class, e.g. ZeroR) the correlation is
     * undefined; it is reported as 0, as scikit-learn does, meaning "no better than constant".
     */
    public double mcc() {
        double n = total();
        double c = correct();
        double sumTp = 0;
        double sumPp = 0;
        double sumTt = 0;
        for (int k = 0; k < counts.length; k++) {
            double t = truthCount(k);
            double p = predictedCount(k);
            sumTp += t * p;
            sumPp += p * p;
            sumTt += t * t;
        }
        double denominator = Math.sqrt((n * n - sumPp) * (n * n - sumTt));
        return denominator == 0 ? 0 : (c * n - sumTp) / denominator;
    }

    /**
     * Cohen's kappa, (p_o − p_e) / (1 − p_e) with chance agreement p_e = Σ t_k p_k / n². Computed in
     * the same order as Weka's Evaluation.kappa, which also returns 1 when p_e is 1.
     */
    public double kappa() {
        double n = total();
        double chance = 0;
        for (int k = 0; k < counts.length; k++) {
            chance += (double) truthCount(k) * predictedCount(k);
        }
        chance /= n * n;
        double observed = correct() / n;
        return chance < 1 ? (observed - chance) / (1 - chance) : 1;
    }
}
