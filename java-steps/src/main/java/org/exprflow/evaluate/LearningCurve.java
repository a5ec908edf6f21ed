package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.exprflow.core.UserException;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.LearningCurveTable;
import org.exprflow.stepfile.PredictionTable;

/**
 * The learning curve: nested-CV balanced accuracy of the model at several training-set sizes. Each
 * point below the full size comes from {@code train --train-fraction} runs, one per outer fold, that
 * trained on a nested, class-stratified subset of the fold's training samples and scored the same
 * held-out fold; the full size (fraction 1) is the main cross-validation, reused rather than rerun.
 *
 * <p>Per point: the fraction, the number of outer folds, the training size per fold (mean, min,
 * max), the pooled balanced accuracy over all held-out predictions (as the main metrics pool them),
 * its percentile bootstrap interval ({@link BootstrapInterval}, the same replicates and seed as the
 * main metrics, so the full-size point equals the main CV's interval), and the per-fold balanced
 * accuracy's mean and SD ({@link CrossValidationSummary}). The ZeroR line is the main CV's pooled
 * ZeroR balanced accuracy.
 *
 * <p>Every fraction must score exactly the held-out (repeat, fold, sample) keys of the main CV:
 * otherwise a fold file is missing, or the curve was made from other splits, and evaluate stops. The
 * full size of a fold is inferred from the main CV (the other held-out folds of its repeat), so every
 * fold's main predictions must be given; a subset larger than that inferred size stops evaluate too.
 */
public final class LearningCurve {
    /** One size of training set. {@code interval} is null without bootstrap replicates. */
    public record Point(double fraction, int folds, double trainingSamplesMean, int trainingSamplesMin,
                        int trainingSamplesMax, int predictions, double balancedAccuracy, BootstrapInterval interval,
                        CrossValidationSummary.Spread foldBalancedAccuracy) {
    }

    private final List<Point> points;
    private final double zeroRBalancedAccuracy;

    private LearningCurve(List<Point> points, double zeroRBalancedAccuracy) {
        this.points = List.copyOf(points);
        this.zeroRBalancedAccuracy = zeroRBalancedAccuracy;
    }

    /** The points in increasing fraction, the last one the main CV (fraction 1). */
    public List<Point> points() {
        return points;
    }

    /** The main CV's pooled ZeroR balanced accuracy (NaN without ZeroR rows). */
    public double zeroRBalancedAccuracy() {
        return zeroRBalancedAccuracy;
    }

    /**
     * @param merged    the merged predictions of the main CV (and test, which is not used)
     * @param curveRows the rows of every learning-curve file, fractions below 1
     */
    public static LearningCurve of(PredictionTable merged, List<LearningCurveTable.Row> curveRows, int bootstrap, long seed) {
        List<String> levels = merged.levels();
        List<PredictionTable.Row> main = merged.rows("cv", "model");
        if (main.isEmpty()) {
            throw UserException.unsuitable("a learning curve needs the main cross-validation's predictions "
                    + "(set cv, learner model) among --predictions");
        }
        Set<String> mainKeys = new TreeSet<>();
        Map<Integer, Integer> samplesOfRepeat = new HashMap<>();
        Map<List<Integer>, Integer> heldOfFold = new TreeMap<>(LearningCurve::compareFolds);
        for (PredictionTable.Row r : main) {
            mainKeys.add(key(r.repeat(), r.fold(), r.sample()));
            samplesOfRepeat.merge(r.repeat(), 1, Integer::sum);
            heldOfFold.merge(List.of(r.repeat(), r.fold()), 1, Integer::sum);
        }
        Map<Double, List<LearningCurveTable.Row>> byFraction = new TreeMap<>();
        for (LearningCurveTable.Row r : curveRows) {
            if (r.fraction() >= 1) {
                throw UserException.unsuitable("learning-curve fraction " + r.fraction() + " is the main "
                        + "cross-validation, which the curve reuses: give only fractions below 1");
            }
            byFraction.computeIfAbsent(r.fraction(), k -> new ArrayList<>()).add(r);
        }
        List<Point> points = new ArrayList<>();
        Map<Double, Map<List<Integer>, Integer>> sizesOfFraction = new TreeMap<>();
        for (Map.Entry<Double, List<LearningCurveTable.Row>> e : byFraction.entrySet()) {
            double fraction = e.getKey();
            List<PredictionTable.Row> rows = new ArrayList<>();
            Map<List<Integer>, Integer> sizes = new TreeMap<>(LearningCurve::compareFolds);
            Set<String> keys = new TreeSet<>();
            for (LearningCurveTable.Row r : e.getValue()) {
                for (String label : List.of(r.truth(), r.predicted())) {
                    if (!levels.contains(label)) {
                        throw UserException.unsuitable("learning-curve fraction " + fraction + ": class '"
                                + label + "' of sample " + r.sample() + " is not one of the classes " + levels);
                    }
                }
                if (!keys.add(key(r.repeat(), r.fold(), r.sample()))) {
                    throw UserException.unsuitable("learning-curve fraction " + fraction + ": repeat "
                            + r.repeat() + " fold " + r.fold() + " sample " + r.sample()
                            + " appears in more than one file (was a fold file given twice?)");
                }
                Integer before = sizes.putIfAbsent(List.of(r.repeat(), r.fold()), r.trainingSamples());
                if (before != null && before != r.trainingSamples()) {
                    throw UserException.unsuitable("learning-curve fraction " + fraction + ": repeat "
                            + r.repeat() + " fold " + r.fold() + " has two training sizes, " + before + " and "
                            + r.trainingSamples());
                }
                rows.add(new PredictionTable.Row("cv", r.repeat(), r.fold(), r.sample(), "model", r.truth(),
                        r.predicted(), new double[0]));
            }
            if (!keys.equals(mainKeys)) {
                throw UserException.unsuitable("learning-curve fraction " + fraction + " does not score the "
                        + "held-out samples of the main cross-validation (" + difference(mainKeys, keys)
                        + "): is a fold file missing, or was it made from other splits?");
            }
            points.add(point(fraction, levels, new PredictionTable(levels, rows).rows(), sizes, bootstrap, seed));
            sizesOfFraction.put(fraction, sizes);
        }
        Map<List<Integer>, Integer> fullSizes = new TreeMap<>(LearningCurve::compareFolds);
        heldOfFold.forEach((fold, held) -> fullSizes.put(fold, samplesOfRepeat.get(fold.get(0)) - held));
        requireFullSizesAboveSubsets(fullSizes, sizesOfFraction);
        points.add(point(1.0, levels, main, fullSizes, bootstrap, seed));
        List<PredictionTable.Row> zeroR = merged.rows("cv", "ZeroR");
        double zeroRBalanced = zeroR.isEmpty() ? Double.NaN : ConfusionMatrix.of(levels, zeroR).balancedAccuracy();
        return new LearningCurve(points, zeroRBalanced);
    }

    /**
     * The full size's training set of a fold is every other held-out sample of its repeat: the main CV's
     * held-out folds of one repeat partition the training samples.
     */
    private static Point point(double fraction, List<String> levels, List<PredictionTable.Row> rows,
                               Map<List<Integer>, Integer> sizes, int bootstrap, long seed) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        long sum = 0;
        for (int n : sizes.values()) {
            min = Math.min(min, n);
            max = Math.max(max, n);
            sum += n;
        }
        double balanced = ConfusionMatrix.of(levels, rows).balancedAccuracy();
        BootstrapInterval interval = bootstrap > 0 ? BootstrapInterval.of(levels, rows, bootstrap, seed) : null;
        CrossValidationSummary folds = CrossValidationSummary.of(levels, rows);
        return new Point(fraction, sizes.size(), sum / (double) sizes.size(), min, max, rows.size(), balanced, interval,
                folds.balancedAccuracy());
    }

    /**
     * The full size of a fold is inferred from the main CV (the other held-out folds of its repeat), which
     * holds only when every fold's predictions were given; a subset larger than it shows that some were not.
     */
    private static void requireFullSizesAboveSubsets(Map<List<Integer>, Integer> fullSizes,
                                                     Map<Double, Map<List<Integer>, Integer>> sizesOfFraction) {
        sizesOfFraction.forEach((fraction, sizes) -> sizes.forEach((fold, n) -> {
            if (n > fullSizes.get(fold)) {
                throw UserException.unsuitable("learning-curve fraction " + fraction + " trained repeat " + fold.get(0)
                        + " fold " + fold.get(1) + " on " + n + " samples, more than the " + fullSizes.get(fold)
                        + " the main CV's predictions leave for it: the main CV's predictions lack folds of repeat "
                        + fold.get(0) + " (give every fold's predictions)");
            }
        }));
    }

    private static String key(int repeat, int fold, String sample) {
        return "repeat " + repeat + " fold " + fold + " sample " + sample;
    }

    private static String difference(Set<String> main, Set<String> curve) {
        for (String k : main) {
            if (!curve.contains(k)) {
                return "lacks " + k;
            }
        }
        for (String k : curve) {
            if (!main.contains(k)) {
                return "has " + k + ", which the main CV does not hold out";
            }
        }
        return "";
    }

    private static int compareFolds(List<Integer> a, List<Integer> b) {
        int c = Integer.compare(a.get(0), b.get(0));
        return c != 0 ? c : Integer.compare(a.get(1), b.get(1));
    }
}
