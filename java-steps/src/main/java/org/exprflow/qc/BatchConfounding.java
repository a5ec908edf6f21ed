package org.exprflow.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.exprflow.data.Target;

/**
 * How far the batches of a dataset are confounded with one nominal target: the batch × class table
 * of counts, Cramér's V of that table (0: classes spread alike over batches; 1: the batch tells the
 * class), and the batches that hold one class only. A batch confounded with the class inflates
 * cross-validated accuracy (the model can learn the batch) and makes batch correction remove class
 * signal, so QC warns about it before any model is fitted. Samples without a batch or a label are
 * left out.
 *
 * @param target             the target's name
 * @param batches            batch names, sorted
 * @param classes            the target's levels
 * @param counts             [batch][class] sample counts
 * @param cramersV           sqrt(chi² / (n · (min(batches, classes) - 1))); NaN with one batch or one class
 * @param singleClassBatches batches whose samples are all of one class (when the target has two or more)
 */
record BatchConfounding(String target, List<String> batches, List<String> classes, int[][] counts, double cramersV,
                        List<String> singleClassBatches) {

    static BatchConfounding of(String[] batchOf, Target target) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < batchOf.length; i++) {
            if (present(batchOf[i]) && !target.isMissing(i)) {
                names.add(batchOf[i]);
            }
        }
        List<String> batches = new ArrayList<>(names);
        List<String> classes = target.levels();
        int[][] counts = new int[batches.size()][classes.size()];
        for (int i = 0; i < batchOf.length; i++) {
            if (present(batchOf[i]) && !target.isMissing(i)) {
                counts[batches.indexOf(batchOf[i])][(int) target.value(i)]++;
            }
        }
        List<String> single = new ArrayList<>();
        long usedClasses = java.util.Arrays.stream(columnTotals(counts, classes.size())).filter(c -> c > 0).count();
        for (int b = 0; b < batches.size(); b++) {
            long present = java.util.Arrays.stream(counts[b]).filter(c -> c > 0).count();
            if (usedClasses >= 2 && present == 1) {
                single.add(batches.get(b));
            }
        }
        return new BatchConfounding(target.name(), batches, classes, counts, cramersV(counts), single);
    }

    /** Cramér's V of a contingency table, over its non-empty rows and columns. */
    static double cramersV(int[][] counts) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        double[] rowTotal = new double[rows];
        double[] colTotal = new double[cols];
        double n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                rowTotal[r] += counts[r][c];
                colTotal[c] += counts[r][c];
                n += counts[r][c];
            }
        }
        long usedRows = java.util.Arrays.stream(rowTotal).filter(t -> t > 0).count();
        long usedCols = java.util.Arrays.stream(colTotal).filter(t -> t > 0).count();
        long k = Math.min(usedRows, usedCols);
        if (k < 2) {
            return Double.NaN;
        }
        double chi2 = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double expected = rowTotal[r] * colTotal[c] / n;
                if (expected > 0) {
                    double d = counts[r][c] - expected;
                    chi2 += d * d / expected;
                }
            }
        }
        return Math.sqrt(chi2 / (n * (k - 1)));
    }

    private static int[] columnTotals(int[][] counts, int cols) {
        int[] out = new int[cols];
        for (int[] row : counts) {
            for (int c = 0; c < cols; c++) {
                out[c] += row[c];
            }
        }
        return out;
    }

    private static boolean present(String batch) {
        return batch != null && !batch.isEmpty();
    }
}
