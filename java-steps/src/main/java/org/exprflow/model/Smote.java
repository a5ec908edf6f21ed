package org.exprflow.model;

import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.supervised.instance.SMOTE;

/**
 * SMOTE (Chawla et al. 2002) through Weka's own filter ({@code weka.filters.supervised.instance.SMOTE},
 * the SMOTE 1.0.3 package from Maven Central), on one fit's training rows only: every class smaller than
 * the largest is topped up to the largest with synthetic rows, each a random point on the segment from
 * one of its rows to one of that row's 5 nearest neighbours of the same class (Euclidean, on the
 * selected, transformed features the learner sees).
 *
 * <p>Weka's filter oversamples one class per run by a percentage; it is run once per smaller class, in
 * level order, with the class given explicitly. Two details of the filter shape the call: with an
 * explicit class it does not cap the neighbours at the class size (it would use absent neighbours),
 * so this passes min(5, n_c − 1); and it makes floor(P/100)·n_c rows plus floor(frac(P/100)·n_c)
 * more, so P is chosen half a row inside the wanted count, out of reach of rounding. A class with a
 * single row has no neighbour and is left as it is (only in an inner fold: train refuses a class with
 * one training sample).
 *
 * <p>Deterministic: the filter draws from {@code java.util.Random(seed)}, runs in one thread and
 * breaks distance ties by row order; the original rows come first, in their order, then each class's
 * synthetic rows.
 */
final class Smote {
    static final int NEIGHBOURS = 5;

    private Smote() {
    }

    /** The rows with synthetic ones appended, and how many were made per class. */
    record Result(Instances rows, int[] synthetic) {
    }

    static Result balance(Instances training, long seed) {
        int[] counts = ClassWeights.classCounts(training);
        int largest = 0;
        for (int c : counts) {
            largest = Math.max(largest, c);
        }
        int[] synthetic = new int[counts.length];
        Instances rows = training;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 2 || counts[c] == largest) {
                continue;
            }
            try {
                SMOTE filter = new SMOTE();
                filter.setClassValue(Integer.toString(c + 1)); // 1-based
                filter.setNearestNeighbors(Math.min(NEIGHBOURS, counts[c] - 1));
                filter.setPercentage(percentage(counts[c], largest));
                filter.setRandomSeed((int) seed);
                filter.setInputFormat(rows);
                rows = Filter.useFilter(rows, filter);
            } catch (Exception e) {
                throw new IllegalStateException("Weka's SMOTE failed on class " + training.classAttribute().value(c), e);
            }
            synthetic[c] = largest - counts[c];
        }
        int[] after = ClassWeights.classCounts(rows);
        for (int c = 0; c < counts.length; c++) {
            if (after[c] != counts[c] + synthetic[c]) {
                throw new IllegalStateException("SMOTE made " + (after[c] - counts[c]) + " rows of class "
                        + training.classAttribute().value(c) + ", expected " + synthetic[c]);
            }
        }
        return new Result(rows, synthetic);
    }

    /**
     * The filter's percentage that makes {@code target − count} synthetic rows from {@code count}: with
     * q = need div count and r = need mod count, P/100 = q + (r + ½)/count, so floor(P/100) = q and
     * floor(frac·count) = r with half a row to spare.
     */
    static double percentage(int count, int target) {
        int need = target - count;
        return 100.0 * (need / count + (need % count + 0.5) / count);
    }
}
