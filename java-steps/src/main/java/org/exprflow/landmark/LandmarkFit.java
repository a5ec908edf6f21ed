package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exprflow.data.TargetChunk;
import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.core.Versions;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.stats.RegressionMetrics;
import org.exprflow.stepfile.TargetMetricsTable;

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
     * What one chunk produced: per-target metrics; the saved model of one learner when asked for;
     * and when asked for, every validation and test prediction.
     */
    public record Result(TargetMetricsTable metrics, LandmarkModel model, TargetPredictions predictions) {
    }

    /** Metrics only (no model, no predictions kept). */
    public static TargetMetricsTable run(Dataset data, FeatureMatch match, TargetChunk chunk, SampleSplit split,
                                         List<LandmarkLearner> learners) {
        return run(data, match, chunk, split, learners, null, false).metrics();
    }

    /**
     * @param learners     learners in command-line order; the mean baseline is added when absent
     * @param modelLearner label of the learner whose fitted models are returned as a {@link LandmarkModel}, or null
     * @param keepPredictions whether to return every validation and test prediction
     */
    public static Result run(Dataset data, FeatureMatch match, TargetChunk chunk, SampleSplit split,
                             List<LandmarkLearner> learners, String modelLearner, boolean keepPredictions) {
        return run(data, match.idType(), match.landmarkColumns(), chunkTargets(match, chunk), chunk,
                match.targetColumns().length, split, learners, modelLearner, keepPredictions);
    }

    /**
     * The dataset columns of the chunk's targets, in list order; a user error when the chunk is
     * empty. Known from the match alone, so landmark-fit can read just these and the landmarks.
     */
    public static int[] chunkTargets(FeatureMatch match, TargetChunk chunk) {
        int total = match.targetColumns().length;
        int[] targetCols = Arrays.copyOfRange(match.targetColumns(), chunk.from(total), chunk.to(total));
        if (targetCols.length == 0) {
            throw UserException.unsuitable("chunk " + chunk + " of " + total + " targets is empty; use fewer chunks");
        }
        return targetCols;
    }

    /**
     * The same on any dataset that holds the chunk's columns: {@code landmarkCols} and
     * {@code targetCols} are columns of {@code data} (landmark-fit passes a dataset of exactly these
     * columns, read by {@link org.exprflow.data.DatasetFile#readColumns}); {@code chunk} and
     * {@code totalTargets} only label the log and the saved model.
     */
    public static Result run(Dataset data, FeatureIdType idType, int[] landmarkCols, int[] targetCols, TargetChunk chunk,
                             int totalTargets, SampleSplit split, List<LandmarkLearner> learners, String modelLearner,
                             boolean keepPredictions) {
        int total = totalTargets;
        if (targetCols.length != chunk.to(total) - chunk.from(total)) {
            throw new IllegalArgumentException(targetCols.length + " target columns for chunk " + chunk + " of " + total);
        }
        List<String> names = ids(data, targetCols);
        Log.info("chunk " + chunk + ": targets " + (chunk.from(total) + 1) + "-" + chunk.to(total) + " of " + total
                + "; samples " + split.train().length + " train, " + split.validation().length + " validation, "
                + split.test().length + " test");
        LandmarkNormaliser.Fitted fitted = LandmarkNormaliser.fit(ids(data, landmarkCols),
                columns(data, split.train(), landmarkCols),
                columns(data, split.train(), targetCols));
        String[] setNames = {VALIDATION, TEST};
        int[][] setRows = {split.validation(), split.test()};
        List<double[][]> newX = new ArrayList<>();
        List<double[][]> newY = new ArrayList<>();
        for (int[] rows : setRows) {
            newX.add(fitted.normaliser().landmarks(columns(data, rows, landmarkCols)));
            newY.add(fitted.normaliser().targets(columns(data, rows, targetCols)));
        }
        List<LandmarkLearner> all = new ArrayList<>(learners);
        if (all.stream().noneMatch(l -> l.label().equals(LandmarkLearner.MEAN))) {
            all.add(new MeanLearner());
        }
        if (modelLearner != null && all.stream().noneMatch(l -> l.label().equals(modelLearner))) {
            throw new IllegalArgumentException("model learner " + modelLearner + " is not one of the learners");
        }
        List<TargetMetricsTable.Row> out = new ArrayList<>();
        LandmarkModel model = null;
        TargetPredictions.Builder kept = keepPredictions ? new TargetPredictions.Builder(names, List.of(setNames),
                List.of(sampleIds(data, setRows[0]), sampleIds(data, setRows[1])), newY) : null;
        for (LandmarkLearner listed : all) {
            long start = System.nanoTime();
            // ridge:auto chooses λ on the validation rows (set 0), never on the test rows.
            LandmarkLearner learner = listed instanceof TunedRidgeLearner tuned ? tuned.withValidation(newX.get(0), newY.get(0)) : listed;
            double[][][] predicted;
            double[] lambdas = null;
            if (learner instanceof TunedRidgeLearner tuned) {
                // Fitted whole so that each target's chosen λ reaches the metrics table.
                TunedRidgeLearner.Fitted models = tuned.fit(fitted.landmarks(), fitted.targets());
                lambdas = models.lambdas();
                predicted = LandmarkLearner.predictEach(models, newX);
                if (learner.label().equals(modelLearner)) {
                    model = modelOf(data, idType, landmarkCols, names, chunk, split, fitted, learner, models);
                }
            } else if (learner.label().equals(modelLearner)) {
                // Fitted and kept (the other learners may drop each target's model once it has predicted).
                FittedTargets models = learner.fit(fitted.landmarks(), fitted.targets());
                predicted = LandmarkLearner.predictEach(models, newX);
                model = modelOf(data, idType, landmarkCols, names, chunk, split, fitted, learner, models);
            } else {
                predicted = learner.fitPredict(fitted.landmarks(), fitted.targets(), newX);
            }
            for (int t = 0; t < targetCols.length; t++) {
                for (int s = 0; s < setNames.length; s++) {
                    if (setRows[s].length == 0) {
                        continue;
                    }
                    double[] truth = column(newY.get(s), t);
                    RegressionMetrics m = RegressionMetrics.of(truth, predicted[t][s]);
                    out.add(new TargetMetricsTable.Row(names.get(t), learner.label(), setNames[s], m.n(), m.mae(), m.rmse(), m.pearson(),
                            lambdas == null ? Double.NaN : lambdas[t]));
                }
            }
            if (kept != null) {
                kept.add(learner.label(), predicted);
            }
            Log.info(String.format("%s: %d targets in %.1f s", learner.label(), targetCols.length, (System.nanoTime() - start) / 1e9));
        }
        return new Result(new TargetMetricsTable(out), model, kept == null ? null : kept.build());
    }

    private static LandmarkModel modelOf(Dataset data, FeatureIdType idType, int[] landmarkCols, List<String> names, TargetChunk chunk, SampleSplit split,
                                         LandmarkNormaliser.Fitted fitted, LandmarkLearner learner, FittedTargets models) {
        return new LandmarkModel(idType, ids(data, landmarkCols), names, learner.label(),
                sampleIds(data, split.train()).stream().sorted().toList(), chunk.toString(), Versions.exprflow(),
                fitted.normaliser(), models);
    }

    private static List<String> sampleIds(Dataset data, int[] rows) {
        List<String> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(data.sampleId(r));
        }
        return out;
    }

    private static List<String> ids(Dataset data, int[] columns) {
        List<String> out = new ArrayList<>(columns.length);
        for (int c : columns) {
            out.add(data.featureIds().get(c));
        }
        return out;
    }

    /** The given rows and columns of the dataset, copied: [row][column]; a column of -1 is NaN (absent). */
    static double[][] columns(Dataset data, int[] rows, int[] cols) {
        double[][] out = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            double[] src = data.row(rows[i]);
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = cols[j] < 0 ? Double.NaN : src[cols[j]];
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
