package org.exprflow.stats;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.stepfile.PredictionTable;

/**
 * The reliability diagram of one class against the rest: rows with a known truth are put in
 * {@link #BINS} equal-width bins by their probability of the class, and each bin gives the mean
 * predicted probability, the observed frequency of the class, and the number of rows. A calibrated
 * model's bins lie on the diagonal.
 *
 * <p>Bins are closed on the right: bin 1 is [0, 0.1], bin i is ((i−1)/10, i/10]. The inner edges are
 * the doubles i × 0.1, as numpy's {@code linspace(0, 1, 11)} makes them, and a probability goes to
 * the bin after the last edge strictly below it ({@code searchsorted}, side left), which is exactly
 * scikit-learn 1.2's {@code calibration_curve(y, p, n_bins=10, strategy='uniform')}. Unlike
 * scikit-learn, empty bins are kept (count 0, mean and frequency NaN), so every class has ten bins.
 */
public final class ReliabilityDiagram {
    /** The number of equal-width bins on [0, 1]. */
    public static final int BINS = 10;

    /**
     * One bin: its 1-based index, nominal edges, the rows in it, their mean probability of the class
     * and the fraction of them whose truth is the class (NaN for an empty bin).
     */
    public record Bin(int index, double lower, double upper, long count, double meanPredicted, double observedFrequency) {
    }

    private ReliabilityDiagram() {
    }

    /** The bin index (0-based) of a probability. */
    static int binOf(double p) {
        int bin = 0;
        for (int i = 1; i < BINS; i++) {
            if (i * 0.1 < p) {
                bin = i;
            }
        }
        return bin;
    }

    /** The ten bins of class {@code classIndex} over the rows with a known truth. */
    public static List<Bin> of(List<String> levels, List<PredictionTable.Row> rows, int classIndex) {
        String positive = levels.get(classIndex);
        double[] sumPredicted = new double[BINS];
        double[] positives = new double[BINS];
        long[] count = new long[BINS];
        for (PredictionTable.Row r : rows) {
            if (r.truth() == null) {
                continue;
            }
            double p = r.probabilities()[classIndex];
            int b = binOf(p);
            sumPredicted[b] += p;
            positives[b] += positive.equals(r.truth()) ? 1 : 0;
            count[b]++;
        }
        List<Bin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            double mean = count[b] == 0 ? Double.NaN : sumPredicted[b] / count[b];
            double observed = count[b] == 0 ? Double.NaN : positives[b] / count[b];
            bins.add(new Bin(b + 1, b / (double) BINS, (b + 1) / (double) BINS, count[b], mean, observed));
        }
        return bins;
    }
}
