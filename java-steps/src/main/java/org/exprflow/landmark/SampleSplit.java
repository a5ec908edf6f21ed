package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;

/**
 * The D-GEX split of samples into training, validation and test sets. Everything learned from data
 * (quantile target, z-score means and SDs, model weights) comes from the training rows only; the
 * validation rows are for the user's choices (learner, ridge, hidden size) and the test rows for the
 * figure reported. Sample ids are sorted before a seeded shuffle, so the split depends on the ids
 * and the seed, never on the row order of the file.
 */
public record SampleSplit(int[] train, int[] validation, int[] test) {

    /** Parses "0.7,0.1,0.2": three non-negative fractions summing to 1. */
    public static double[] parseSizes(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw UserException.badParameter("--split-sizes needs three fractions train,validation,test (e.g. 0.7,0.1,0.2), got '" + text + "'");
        }
        double[] f = new double[3];
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            try {
                f[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw UserException.badParameter("--split-sizes: '" + parts[i] + "' is not a number");
            }
            if (!(f[i] >= 0 && f[i] <= 1)) {
                throw UserException.badParameter("--split-sizes: " + parts[i] + " is not a fraction between 0 and 1");
            }
            sum += f[i];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw UserException.badParameter("--split-sizes: the fractions sum to " + sum + ", not 1");
        }
        return f;
    }

    public static SampleSplit of(Dataset data, double[] sizes, long seed) {
        int n = data.sampleCount();
        int nTrain = (int) Math.round(sizes[0] * n);
        int nValidation = Math.min(n - nTrain, (int) Math.round(sizes[1] * n));
        int nTest = n - nTrain - nValidation;
        if (nTrain < 3 || (sizes[2] > 0 && nTest < 1)) {
            throw UserException.unsuitable("dataset '" + data.name() + "' has " + n + " samples: split " + nTrain + "/" + nValidation
                    + "/" + nTest + " leaves too few (at least 3 training and 1 test sample)");
        }
        List<String> ids = new ArrayList<>(data.sampleIds());
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(seed));
        // Within each set, rows are ordered by sample id: learners that depend on row order (bootstrap
        // samples of RandomForest) then give the same model whatever the file's row order.
        int[] train = rowsOf(data, ids.subList(0, nTrain));
        int[] validation = rowsOf(data, ids.subList(nTrain, nTrain + nValidation));
        int[] test = rowsOf(data, ids.subList(nTrain + nValidation, n));
        return new SampleSplit(train, validation, test);
    }

    private static int[] rowsOf(Dataset data, List<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted.stream().mapToInt(data::sampleIndex).toArray();
    }
}
