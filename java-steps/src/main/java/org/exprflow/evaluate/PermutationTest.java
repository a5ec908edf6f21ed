package org.exprflow.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

import org.exprflow.core.UserException;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

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
            try (TextInput in = TextInput.open(file)) {
                String header = in.readLine();
                if (header == null || !header.startsWith("permutation\tbalanced_accuracy")) {
                    throw UserException.badLine(file, 1, "not an exprflow permutation table (header: permutation, balanced_accuracy, ...)");
                }
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    List<String> f = Fields.split(line, '\t');
                    Double v = f.size() >= 2 ? Fields.parseNumber(f.get(1)) : null;
                    int p;
                    try {
                        p = Integer.parseInt(f.get(0));
                    } catch (NumberFormatException e) {
                        throw in.error("permutation number '" + f.get(0) + "' is not an integer");
                    }
                    if (v == null || v.isNaN()) {
                        throw in.error("balanced accuracy is not a number");
                    }
                    if (byPermutation.put(p, v) != null) {
                        throw in.error("permutation " + p + " appears twice among the permutation files");
                    }
                }
            }
        }
        if (byPermutation.isEmpty()) {
            throw UserException.badParameter("the permutation files hold no permutation");
        }
        return new PermutationTest(byPermutation.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
