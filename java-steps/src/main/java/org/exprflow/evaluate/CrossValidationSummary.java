package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;

/**
 * The spread of cross-validation performance: accuracy, balanced accuracy and R_K of every held-out
 * fold (a (repeat, fold) pair), summarised as mean and sample standard deviation (n − 1), and each
 * repeat's accuracy and balanced accuracy pooled over its folds. The pooled metrics of all folds
 * together are in {@link ClassificationMetrics}; this class only describes how much they vary.
 */
public final class CrossValidationSummary {
    /** Mean and sample SD of one metric over folds; SD is NaN with a single fold. */
    public record Spread(double mean, double sd) {
        static Spread of(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / values.length;
            if (values.length < 2) {
                return new Spread(mean, Double.NaN);
            }
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            return new Spread(mean, Math.sqrt(squares / (values.length - 1)));
        }
    }

    /** Accuracy and balanced accuracy of one repeat, pooled over its folds. */
    public record RepeatMetrics(int repeat, double accuracy, double balancedAccuracy) {
    }

    private final int folds;
    private final Spread accuracy;
    private final Spread balancedAccuracy;
    private final Spread mcc;
    private final List<RepeatMetrics> repeats;

    private CrossValidationSummary(int folds, Spread accuracy, Spread balancedAccuracy, Spread mcc,
                                   List<RepeatMetrics> repeats) {
        this.folds = folds;
        this.accuracy = accuracy;
        this.balancedAccuracy = balancedAccuracy;
        this.mcc = mcc;
        this.repeats = repeats;
    }

    /** The summary of the scored cv rows of one learner; null when none has a known truth. */
    public static CrossValidationSummary of(List<String> levels, List<PredictionTable.Row> rows) {
        Map<List<Integer>, List<PredictionTable.Row>> byFold = new TreeMap<>(
                (a, b) -> a.get(0).equals(b.get(0)) ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        Map<Integer, List<PredictionTable.Row>> byRepeat = new TreeMap<>();
        for (PredictionTable.Row r : rows) {
            if (r.truth() == null) {
                continue;
            }
            byFold.computeIfAbsent(List.of(r.repeat(), r.fold()), k -> new ArrayList<>()).add(r);
            byRepeat.computeIfAbsent(r.repeat(), k -> new ArrayList<>()).add(r);
        }
        if (byFold.isEmpty()) {
            return null;
        }
        double[] acc = new double[byFold.size()];
        double[] bal = new double[byFold.size()];
        double[] mcc = new double[byFold.size()];
        int i = 0;
        for (List<PredictionTable.Row> foldRows : byFold.values()) {
            ConfusionMatrix m = ConfusionMatrix.of(levels, foldRows);
            acc[i] = m.accuracy();
            bal[i] = m.balancedAccuracy();
            mcc[i] = m.mcc();
            i++;
        }
        List<RepeatMetrics> repeats = new ArrayList<>();
        byRepeat.forEach((repeat, repeatRows) -> {
            ConfusionMatrix m = ConfusionMatrix.of(levels, repeatRows);
            repeats.add(new RepeatMetrics(repeat, m.accuracy(), m.balancedAccuracy()));
        });
        return new CrossValidationSummary(byFold.size(), Spread.of(acc), Spread.of(bal), Spread.of(mcc),
                List.copyOf(repeats));
    }

    /** Number of held-out folds, counted over all repeats. */
    public int folds() {
        return folds;
    }

    public Spread accuracy() {
        return accuracy;
    }

    public Spread balancedAccuracy() {
        return balancedAccuracy;
    }

    public Spread mcc() {
        return mcc;
    }

    /** Per-repeat pooled metrics, in repeat order (one entry when there is a single repeat). */
    public List<RepeatMetrics> repeats() {
        return repeats;
    }
}
