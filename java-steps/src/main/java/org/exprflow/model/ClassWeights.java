package org.exprflow.model;

import weka.core.Instance;
import weka.core.Instances;

/**
 * Inverse class frequency weights of one fit's training rows: a row of class c weighs
 * n / (K · n_c), where n is the number of rows, n_c those of class c and K the classes that have
 * rows. Every class then weighs n / K in total and all rows together still weigh n, so a learner's
 * regularisation (SMO's C, Logistic's ridge) keeps the scale it has unweighted. The counts are those
 * of the rows given, never of all samples: in an outer fold they are the fold's training rows, in an
 * inner fold the inner training rows.
 */
final class ClassWeights {
    private ClassWeights() {
    }

    /** The weight of one row of each class, from the class counts of the rows (0 for a class without rows). */
    static double[] inverseFrequency(int[] counts) {
        int n = 0;
        int present = 0;
        for (int c : counts) {
            n += c;
            present += c > 0 ? 1 : 0;
        }
        double[] w = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            w[c] = counts[c] == 0 ? 0 : n / ((double) present * counts[c]);
        }
        return w;
    }

    /** Sets every row's weight from the class counts of these rows (in place). */
    static void apply(Instances rows) {
        double[] w = inverseFrequency(classCounts(rows));
        for (Instance inst : rows) {
            inst.setWeight(w[(int) inst.classValue()]);
        }
    }

    static int[] classCounts(Instances rows) {
        int[] counts = new int[rows.numClasses()];
        for (Instance inst : rows) {
            counts[(int) inst.classValue()]++;
        }
        return counts;
    }
}
