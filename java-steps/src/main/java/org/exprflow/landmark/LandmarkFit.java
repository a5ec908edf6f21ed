package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exprflow.cli.Log;
import org.exprflow.cli.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.evaluate.RegressionMetrics;

/**
 * The landmark-to-target job of one chunk: split the samples, fit the normaliser on the training
 * samples, fit every learner for every target of the chunk, and measure it per target on the
 * validation and test samples (z-score units of the training targets).
 */
public final class LandmarkFit {
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    private LandmarkFit() {
    }

    /**
     * @param learners learners in command-line order; the mean baseline is added when absent
     */
    public static TargetMetricsTable run(Dataset data, FeatureMatch match, TargetChunk chunk, SampleSplit split,
                                         List<LandmarkLearner> learners) {
        int total = match.targetColumns().length;
        int[] targetCols = Arrays.copyOfRange(match.targetColumns(), chunk.from(total), chunk.to(total));
        if (targetCols.length == 0) {
            throw UserException.unsuitable("chunk " + chunk + " of " + total + " targets is empty; use fewer chunks");
        }
        List<String> names = new ArrayList<>();
        for (int c : targetCols) {
            names.add(data.featureIds().get(c));
        }
        Log.info("chunk " + chunk + ": targets " + (chunk.from(total) + 1) + "-" + chunk.to(total) + " of " + total
                + "; samples " + split.train().length + " train, " + split.validation().length + " validation, "
                + split.test().length + " test");
        LandmarkNormaliser.Fitted fitted = LandmarkNormaliser.fit(columns(data, split.train(), match.landmarkColumns()),
                columns(data, split.train(), targetCols));
        String[] setNames = {VALIDATION, TEST};
        int[][] setRows = {split.validation(), split.test()};
        List<double[][]> newX = new ArrayList<>();
        List<double[][]> newY = new ArrayList<>();
        for (int[] rows : setRows) {
            newX.add(fitted.normaliser().landmarks(columns(data, rows, match.landmarkColumns())));
            newY.add(fitted.normaliser().targets(columns(data, rows, targetCols)));
        }
        List<LandmarkLearner> all = new ArrayList<>(learners);
        if (all.stream().noneMatch(l -> l.label().equals(LandmarkLearner.MEAN))) {
            all.add(new MeanLearner());
        }
        List<TargetMetricsTable.Row> out = new ArrayList<>();
        for (LandmarkLearner learner : all) {
            long start = System.nanoTime();
            double[][][] predicted = learner.fitPredict(fitted.landmarks(), fitted.targets(), newX);
            for (int t = 0; t < targetCols.length; t++) {
                for (int s = 0; s < setNames.length; s++) {
                    if (setRows[s].length == 0) {
                        continue;
                    }
                    double[] truth = column(newY.get(s), t);
                    RegressionMetrics m = RegressionMetrics.of(truth, predicted[t][s]);
                    out.add(new TargetMetricsTable.Row(names.get(t), learner.label(), setNames[s], m.n(), m.mae(), m.rmse(), m.pearson()));
                }
            }
            Log.info(String.format("%s: %d targets in %.1f s", learner.label(), targetCols.length, (System.nanoTime() - start) / 1e9));
        }
        return new TargetMetricsTable(out);
    }

    /** The given rows and columns of the dataset, copied: [row][column]. */
    static double[][] columns(Dataset data, int[] rows, int[] cols) {
        double[][] out = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            double[] src = data.row(rows[i]);
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = src[cols[j]];
            }
        }
        return out;
    }

    private static double[] column(double[][] m, int c) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][c];
        }
        return out;
    }
}
