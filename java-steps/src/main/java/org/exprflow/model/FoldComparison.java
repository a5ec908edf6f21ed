package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.CandidateScores;
import org.exprflow.stepfile.PredictionTable;

/**
 * The per-fold values of the model comparison for one outer CV fold: the balanced accuracy on the
 * held-out samples of the nested procedure (the model the inner loop chose), of ZeroR and, on
 * request, of every grid candidate, each fitted on the fold's training samples only. {@code evaluate}
 * gathers them over repeats × folds for the corrected resampled t-test.
 *
 * <p>Every candidate is fitted exactly as the final fit of model selection fits the chosen one
 * (transforms and gene ranking prepared once on the outer training samples, then top-k and the
 * learner), so the candidate the inner loop chose is not fitted again: its row reuses the fold's
 * model and equals the {@code model} row. With a single candidate there is nothing to fit either.
 */
public final class FoldComparison {
    /** The learner named in the baseline's row. */
    static final String ZEROR_LEARNER = "weka.classifiers.rules.ZeroR";

    private FoldComparison() {
    }

    /**
     * @param result         the fold's {@link OuterFold#run} result (its model and held-out predictions)
     * @param everyCandidate also fit and score every grid candidate (train's {@code --compare-models});
     *                       a single candidate is always written, since it is the model
     */
    public static List<CandidateScores.Row> scores(Dataset data, Target labels, Set<String> training, Set<String> heldOut,
                                                   int repeat, int fold, ModelOptions options, OuterFold.Result result,
                                                   boolean everyCandidate) {
        ModelPipeline model = result.selection().model();
        List<String> levels = model.levels();
        int nTrain = training.size();
        int nTest = heldOut.size();
        double modelScore = balancedAccuracy(levels, result.rows(), "model");
        List<CandidateScores.Row> rows = new ArrayList<>();
        List<Candidate> candidates = options.candidates();
        if (candidates.size() == 1) {
            rows.add(row(repeat, fold, "1", candidates.get(0), nTrain, nTest, modelScore));
        } else if (everyCandidate) {
            Dataset train = SampleSelection.select(data, training, true, "training");
            Dataset held = SampleSelection.select(data, heldOut, true, "held-out");
            PreparedTraining prepared = PreparedTraining.prepare(train, train.target(labels.name()), options.transformNames());
            // the held-out rows through the fold's transforms, once for every candidate (read-only below)
            double[][] heldRows = FeaturePipeline.transformNew(prepared, held);
            // one job per candidate, each fitting its own learner; scores gathered in grid order
            List<Double> scores = org.exprflow.core.Parallel.map(options.threads(), candidates.size(), c -> {
                Candidate cand = candidates.get(c);
                // the fold's model is the chosen candidate, unless calibration changed its probabilities
                // (candidates are compared as fitted, uncalibrated, like every other candidate)
                if (cand.equals(result.selection().chosen()) && options.calibration() == ProbabilityCalibrator.Method.none) {
                    return modelScore;
                }
                ModelPipeline m = ModelPipeline.fitForScoring(prepared, cand.topK(), cand.learner(), options.seed(),
                        options.imbalance());
                return balancedAccuracy(levels, PredictionRows.of("cv", repeat, fold, "model", held, labels.name(),
                        m.levels(), m.predictTransformed(heldRows, held)), "model");
            });
            for (int c = 0; c < candidates.size(); c++) {
                rows.add(row(repeat, fold, Integer.toString(c + 1), candidates.get(c), nTrain, nTest, scores.get(c)));
            }
        }
        Candidate chosen = result.selection().chosen();
        rows.add(new CandidateScores.Row(repeat, fold, CandidateScores.MODEL, chosen.learner(), Integer.toString(chosen.topK()),
                nTrain, nTest, modelScore));
        rows.add(new CandidateScores.Row(repeat, fold, CandidateScores.ZEROR, ZEROR_LEARNER, "NA", nTrain, nTest,
                balancedAccuracy(levels, result.rows(), "ZeroR")));
        return rows;
    }

    private static CandidateScores.Row row(int repeat, int fold, String position, Candidate c, int nTrain, int nTest,
                                           double score) {
        return new CandidateScores.Row(repeat, fold, position, c.learner(), Integer.toString(c.topK()), nTrain, nTest, score);
    }

    private static double balancedAccuracy(List<String> levels, List<PredictionTable.Row> rows, String learner) {
        return ConfusionMatrix.of(levels, rows.stream().filter(r -> r.learner().equals(learner)).toList())
                .balancedAccuracy();
    }
}
