package org.exprflow.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.exprflow.core.UserException;
import org.exprflow.stepfile.PermutationTable;
import org.exprflow.stepfile.PredictionTable;

/**
 * The permutation test of the cross-validated balanced accuracy: the scores of the same nested CV
 * run on N permuted labellings (written by {@code exprflow permute}), and
 * p = (1 + #{permuted ≥ real}) / (N + 1), which is never 0 and is exact for the permutations run
 * (Phipson and Smyth 2010).
 *
 * <p>{@code repeats} > 0: the permutations reran only the first that many outer repeats
 * ({@code exprflow permute --outer-repeats}), so the real statistic they are compared with is the
 * balanced accuracy of those repeats' held-out predictions ({@link #observed}), not of every repeat:
 * the same procedure on both sides keeps the test exact. Each permutation then costs one repeat's
 * nested CV instead of all of them (docs/results.md, the heavy tier). 0: every repeat.
 */
public record PermutationTest(double[] permutedBalancedAccuracy, int repeats, double observed) {

    public PermutationTest(double[] permutedBalancedAccuracy) {
        this(permutedBalancedAccuracy, 0, Double.NaN);
    }

    /** This test, its permutations having run the first {@code repeats} outer repeats (0: all). */
    public PermutationTest onRepeats(int repeats) {
        if (repeats < 0) {
            throw UserException.badParameter("--permutation-repeats must be 0 (every repeat) or positive, got " + repeats);
        }
        return new PermutationTest(permutedBalancedAccuracy, repeats, observed);
    }

    /**
     * This test with the real statistic the permutations are compared with: the balanced accuracy of
     * the CV model rows of the tested repeats (all of them when {@code repeats} is 0).
     */
    public PermutationTest observedIn(List<String> levels, List<PredictionTable.Row> cvModelRows) {
        List<PredictionTable.Row> tested = repeats == 0 ? cvModelRows
                : cvModelRows.stream().filter(r -> r.repeat() <= repeats).toList();
        return new PermutationTest(permutedBalancedAccuracy, repeats,
                ClassificationMetrics.of(levels, tested).balancedAccuracy());
    }

    /** p for the observed statistic ({@link #observedIn}). */
    public double pValue() {
        return pValue(observed);
    }

    public int count() {
        return permutedBalancedAccuracy.length;
    }

    public double pValue(double realBalancedAccuracy) {
        int atLeast = 0;
        for (double v : permutedBalancedAccuracy) {
            if (v >= realBalancedAccuracy) {
                atLeast++;
            }
        }
        return (1.0 + atLeast) / (count() + 1.0);
    }

    public double mean() {
        double s = 0;
        for (double v : permutedBalancedAccuracy) {
            s += v;
        }
        return s / count();
    }

    /** Reads and merges permutation chunks; a permutation number given twice is an error. */
    public static PermutationTest read(List<Path> files) {
        TreeMap<Integer, Double> byPermutation = new TreeMap<>();
        for (Path file : files) {
            PermutationTable.CODEC.read(file, line -> {
                PermutationTable.Row r = PermutationTable.decode(line);
                if (byPermutation.put(r.permutation(), r.balancedAccuracy()) != null) {
                    throw line.error("permutation " + r.permutation() + " appears twice among the permutation files");
                }
                return r;
            });
        }
        if (byPermutation.isEmpty()) {
            throw UserException.badParameter("the permutation files hold no permutation");
        }
        return new PermutationTest(byPermutation.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
