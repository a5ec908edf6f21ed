package org.exprflow.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.exprflow.core.UserException;
import org.exprflow.stepfile.PermutationTable;

/**
 * The permutation test of the cross-validated balanced accuracy: the scores of the same nested CV
 * run on N permuted labellings (written by {@code exprflow permute}), and
 * p = (1 + #{permuted ≥ real}) / (N + 1), which is never 0 and is exact for the permutations run
 * (Phipson and Smyth 2010).
 */
public record PermutationTest(double[] permutedBalancedAccuracy) {

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
