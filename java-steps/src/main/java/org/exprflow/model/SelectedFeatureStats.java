package org.exprflow.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stepfile.ModelChoice;

/**
 * The model choice table of a fitted model with, per selected feature, its rank in the training
 * ranking and its mean per class over the same training samples: what evaluate's genes table averages
 * over the outer folds. The class means are on the values train was given (the dataset after
 * normalise: log2 expression by default), not after the model's cross-sample transforms, so that
 * their difference reads as a log2 fold change.
 *
 * <p>The model keeps only which features it selected, not their ranking, so the ranking is computed
 * again here: {@link PreparedTraining#prepare} on the same training samples and transforms, which is
 * deterministic and so gives the model's ranking exactly (the top k are the selected features; a test
 * checks it). It costs one transform fit and ranking more per task, against the folds x repeats x
 * candidates fits of the inner loop; storing ranks in the model would change its serialised format.
 */
final class SelectedFeatureStats {
    private SelectedFeatureStats() {
    }

    /** @param importance per selected feature ({@link PermutationImportance}), or null (a final model: NA) */
    static ModelChoice choice(ModelPipeline model, Dataset training, Target target, List<String> transforms,
                              Integer repeat, Integer fold, double[] importance) {
        List<String> selected = model.selectedFeatureIds();
        PreparedTraining prepared = PreparedTraining.prepare(training, target, transforms);
        Map<String, Integer> rankOf = new HashMap<>();
        int[] ranking = prepared.ranking();
        for (int r = 0; r < ranking.length; r++) {
            rankOf.put(prepared.keptFeatureIds.get(ranking[r]), r + 1);
        }
        Map<String, Integer> columnOf = new HashMap<>();
        for (int j = 0; j < training.featureCount(); j++) {
            columnOf.put(training.featureIds().get(j), j);
        }
        int classes = target.levels().size();
        List<ModelChoice.FeatureStats> stats = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            String id = selected.get(k);
            int j = columnOf.get(id);
            double[] sum = new double[classes];
            int[] n = new int[classes];
            for (int i = 0; i < training.sampleCount(); i++) {
                double y = target.value(i);
                double v = training.value(i, j);
                if (!Double.isNaN(y) && !Double.isNaN(v)) {
                    sum[(int) y] += v;
                    n[(int) y]++;
                }
            }
            double[] means = new double[classes];
            for (int c = 0; c < classes; c++) {
                means[c] = n[c] == 0 ? Double.NaN : sum[c] / n[c];
            }
            stats.add(new ModelChoice.FeatureStats(rankOf.get(id), importance == null ? Double.NaN : importance[k], means));
        }
        return new ModelChoice(repeat, fold, model.metadata().get("learner"), model.metadata().get("top_k"), selected,
                target.levels(), stats);
    }
}
