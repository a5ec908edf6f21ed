package org.exprflow.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.split.FoldAssigner;
import org.exprflow.split.FoldUnits;
import org.exprflow.split.TrainingLabels;

/**
 * Chooses a configuration (learner and k) by an inner cross-validation on the training samples
 * only, then fits the chosen configuration on all of them. Inside an outer CV fold this is the
 * inner loop of nested CV, so the outer estimate never sees the samples it scores.
 *
 * <p>Per inner fold the transforms are fitted and the genes ranked once, and every candidate reuses
 * that ranking. Candidates are scored by balanced accuracy pooled over the inner folds, averaged over
 * {@code --inner-repeats} repeats with different fold assignments (one-sample differences decide
 * between candidates on small studies, so a single split makes the choice depend on the seed); the
 * first candidate in grid order wins ties, so list the simpler learners first. By default the
 * one-standard-error rule applies: the first candidate within one SE of the best is chosen.
 * Balanced accuracy (the mean of per-class recalls), never accuracy, decides: with unequal classes
 * accuracy rewards a candidate that predicts the majority class (ClassImbalanceTest).
 */
public final class ModelSelection {
    private ModelSelection() {
    }

    /**
     * The inner-CV score of each candidate, in grid order: the mean over repeats of the pooled balanced
     * accuracy, and the standard error of the per-fold balanced accuracies (SD / sqrt(folds x repeats)).
     */
    public record Score(Candidate candidate, double balancedAccuracy, double standardError) {
    }

    public record Result(ModelPipeline model, Candidate chosen, List<Score> scores) {
    }

    /**
     * Fits the model for these training samples: directly when there is one candidate, otherwise by
     * inner CV.
     *
     * @param seed seeds the inner folds; pass a value derived from the outer repeat and fold
     */
    public static Result fit(Dataset training, Target target, ModelOptions options, long seed) {
        return fit(training, target, options, seed, new LinkedHashMap<>());
    }

    /** As {@link #fit(Dataset, Target, ModelOptions, long)}, recording extra entries in the model metadata. */
    public static Result fit(Dataset training, Target target, ModelOptions options, long seed,
                             LinkedHashMap<String, String> extraMetadata) {
        TrainingLabels.require(training, target);
        List<Candidate> candidates = options.candidates();
        List<Score> scores = new ArrayList<>();
        Candidate chosen = candidates.get(0);
        if (candidates.size() > 1) {
            scores = innerScores(training, target, options, candidates, seed);
            chosen = choose(scores, options.selectionRule());
        }
        LinkedHashMap<String, String> meta = new LinkedHashMap<>(extraMetadata);
        meta.put("candidates", Integer.toString(candidates.size()));
        if (options.searchNote() != null) {
            meta.put("search", options.searchNote());
        }
        if (!scores.isEmpty()) {
            // how the inner scores below were made and read, so a saved model explains its choice
            meta.put("selection_rule", options.selectionRule().name());
            meta.put("inner_folds", Integer.toString(options.innerFolds()));
            meta.put("inner_repeats", Integer.toString(options.innerRepeats()));
        }
        for (int i = 0; i < scores.size(); i++) {
            meta.put("inner_balanced_accuracy." + (i + 1), scores.get(i).candidate() + " = "
                    + org.exprflow.io.Canonical.number(scores.get(i).balancedAccuracy()) + " (SE "
                    + org.exprflow.io.Canonical.number(scores.get(i).standardError()) + ")");
        }
        ModelPipeline model = ModelPipeline.fitChecked(training, target, options.transformNames(), chosen, options.seed(),
                options.imbalance(), meta);
        if (options.calibration() != ProbabilityCalibrator.Method.none) {
            model = Calibration.calibrate(model, training, target, options, chosen, seed);
        }
        return new Result(model, chosen, scores);
    }

    /** Applies the selection rule to scores in grid order. */
    static Candidate choose(List<Score> scores, ModelOptions.SelectionRule rule) {
        Score best = scores.get(0);
        for (Score s : scores) {
            if (s.balancedAccuracy() > best.balancedAccuracy()) {
                best = s;
            }
        }
        if (rule == ModelOptions.SelectionRule.best) {
            return best.candidate();
        }
        double threshold = best.balancedAccuracy() - (Double.isNaN(best.standardError()) ? 0 : best.standardError());
        for (Score s : scores) {
            if (s.balancedAccuracy() >= threshold) {
                return s.candidate();
            }
        }
        return best.candidate();
    }

    /**
     * Every candidate scored on every inner fold of every repeat. One job per (repeat, fold): the fold's
     * transforms and gene ranking prepared once, its held-out rows transformed once, then every candidate
     * fitted on its top-k and predicted ({@code --threads} jobs at a time, each learner its own). The
     * jobs' results are combined in (repeat, fold, candidate) order, as the serial loop did.
     */
    private static List<Score> innerScores(Dataset training, Target target, ModelOptions options,
                                           List<Candidate> candidates, long seed) {
        List<FoldAssigner.Unit> units = FoldUnits.of(training, target, options.groupColumn());
        List<Map<String, Integer>> foldsOfRepeats = new ArrayList<>();
        for (int r = 1; r <= options.innerRepeats(); r++) {
            foldsOfRepeats.add(FoldAssigner.assign(units, options.innerFolds(), seed, r));
        }
        int folds = options.innerFolds();
        List<List<List<PredictionTable.Row>>> jobs = org.exprflow.core.Parallel.map(options.threads(),
                foldsOfRepeats.size() * folds, j -> innerFold(training, target, options, candidates,
                        foldsOfRepeats.get(j / folds), j / folds + 1, j % folds + 1));
        double[] sum = new double[candidates.size()];
        List<List<Double>> perFold = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            perFold.add(new ArrayList<>());
        }
        for (int r = 0; r < foldsOfRepeats.size(); r++) {
            for (int c = 0; c < candidates.size(); c++) {
                List<PredictionTable.Row> pooled = new ArrayList<>();
                for (int f = 0; f < folds; f++) {
                    List<List<PredictionTable.Row>> fold = jobs.get(r * folds + f);
                    if (fold != null) {
                        pooled.addAll(fold.get(c));
                        perFold.get(c).add(ConfusionMatrix.of(target.levels(), fold.get(c)).balancedAccuracy());
                    }
                }
                sum[c] += ConfusionMatrix.of(target.levels(), pooled).balancedAccuracy();
            }
        }
        List<Score> scores = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            scores.add(new Score(candidates.get(c), sum[c] / options.innerRepeats(), standardError(perFold.get(c))));
        }
        return scores;
    }

    /**
     * One inner fold's held-out predictions of every candidate, in grid order; null when the fold holds
     * out no sample.
     */
    private static List<List<PredictionTable.Row>> innerFold(Dataset training, Target target, ModelOptions options,
                                                             List<Candidate> candidates, Map<String, Integer> foldOf,
                                                             int r, int f) {
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < training.sampleCount(); i++) {
            (foldOf.get(training.sampleId(i)) == f ? out : in).add(i);
        }
        if (out.isEmpty()) {
            return null;
        }
        Dataset innerTrain = training.subsetSamples(in.stream().mapToInt(Integer::intValue).toArray());
        Dataset innerHeld = training.subsetSamples(out.stream().mapToInt(Integer::intValue).toArray());
        Target innerTarget = innerTrain.target(target.name());
        if (java.util.Arrays.stream(innerTarget.classCounts()).filter(n -> n > 0).count() < 2) {
            throw UserException.unsuitable("an inner training fold has a single class; use fewer --inner-folds");
        }
        PreparedTraining prepared = PreparedTraining.prepare(innerTrain, innerTarget, options.transformNames());
        double[][] heldRows = FeaturePipeline.transformNew(prepared, innerHeld); // once for every candidate
        List<List<PredictionTable.Row>> rows = new ArrayList<>();
        for (Candidate cand : candidates) {
            ModelPipeline m = ModelPipeline.fitForScoring(prepared, cand.topK(), cand.learner(), options.seed(),
                    options.imbalance());
            rows.add(PredictionRows.of("cv", r, f, "model", innerHeld, target.name(), m.levels(),
                    m.predictTransformed(heldRows, innerHeld)));
        }
        return rows;
    }

    private static double standardError(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }
}
