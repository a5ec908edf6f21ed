package org.exprflow.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.cli.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.evaluate.ConfusionMatrix;
import org.exprflow.evaluate.PredictionTable;
import org.exprflow.split.FoldAssigner;

/**
 * Chooses a configuration (learner and k) by an inner cross-validation on the training samples
 * only, then fits the chosen configuration on all of them. Inside an outer CV fold this is the
 * inner loop of nested CV, so the outer estimate never sees the samples it scores.
 *
 * <p>Per inner fold the transforms are fitted and the genes ranked once, and every candidate reuses
 * that ranking. Candidates are scored by balanced accuracy pooled over the inner folds; the first
 * candidate in grid order wins ties, so list the simpler learners first.
 */
public final class ModelSelection {
    private ModelSelection() {
    }

    /** The inner-CV score of each candidate, in grid order. */
    public record Score(Candidate candidate, double balancedAccuracy) {
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
            Score best = scores.get(0);
            for (Score s : scores) {
                if (s.balancedAccuracy() > best.balancedAccuracy()) {
                    best = s;
                }
            }
            chosen = best.candidate();
        }
        LinkedHashMap<String, String> meta = new LinkedHashMap<>(extraMetadata);
        meta.put("candidates", Integer.toString(candidates.size()));
        for (int i = 0; i < scores.size(); i++) {
            meta.put("inner_balanced_accuracy." + (i + 1), scores.get(i).candidate() + " = "
                    + org.exprflow.io.Canonical.number(scores.get(i).balancedAccuracy()));
        }
        ModelPipeline model = ModelPipeline.fitChecked(training, target, options.transformNames(), chosen, options.seed(), meta);
        return new Result(model, chosen, scores);
    }

    private static List<Score> innerScores(Dataset training, Target target, ModelOptions options,
                                           List<Candidate> candidates, long seed) {
        Map<String, Integer> foldOf = FoldAssigner.assign(FoldUnits.of(training, target, options.groupColumn()),
                options.innerFolds(), seed, 1);
        List<List<PredictionTable.Row>> rows = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            rows.add(new ArrayList<>());
        }
        for (int f = 1; f <= options.innerFolds(); f++) {
            List<Integer> in = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < training.sampleCount(); i++) {
                (foldOf.get(training.sampleId(i)) == f ? out : in).add(i);
            }
            if (out.isEmpty()) {
                continue;
            }
            Dataset innerTrain = training.subsetSamples(in.stream().mapToInt(Integer::intValue).toArray());
            Dataset innerHeld = training.subsetSamples(out.stream().mapToInt(Integer::intValue).toArray());
            Target innerTarget = innerTrain.target(target.name());
            if (java.util.Arrays.stream(innerTarget.classCounts()).filter(n -> n > 0).count() < 2) {
                throw UserException.unsuitable("an inner training fold has a single class; use fewer --inner-folds");
            }
            PreparedTraining prepared = PreparedTraining.prepare(innerTrain, innerTarget, options.transformNames());
            for (int c = 0; c < candidates.size(); c++) {
                Candidate cand = candidates.get(c);
                ModelPipeline m = ModelPipeline.fit(prepared, cand.topK(), cand.learner(), options.seed(), new LinkedHashMap<>());
                rows.get(c).addAll(PredictionRows.of("cv", 1, f, "model", innerHeld, target.name(), m.levels(),
                        m.predict(innerHeld)));
            }
        }
        List<Score> scores = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            scores.add(new Score(candidates.get(c), ConfusionMatrix.of(target.levels(), rows.get(c)).balancedAccuracy()));
        }
        return scores;
    }
}
