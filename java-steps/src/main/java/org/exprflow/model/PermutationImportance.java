package org.exprflow.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.exprflow.core.Parallel;
import org.exprflow.data.Dataset;
import org.exprflow.stats.ConfusionMatrix;

/**
 * Permutation importance of a fitted model's selected features, measured on held-out samples only
 * (an outer fold's), as scikit-learn's {@code permutation_importance} defines it: the model's
 * balanced accuracy on the held-out samples minus its balanced accuracy after one feature's values
 * are shuffled among those samples, averaged over {@link #REPEATS} shuffles. The model is not refitted.
 * Each shuffle is seeded from (--seed, repeat, fold, feature id, shuffle), so the values do not
 * depend on feature order, task order or thread count. With a handful of held-out samples per fold
 * the values are coarse (one sample of 8 moves balanced accuracy by about 0.1); evaluate averages
 * them over the folds that selected the feature.
 */
final class PermutationImportance {
    /** Shuffles per feature (scikit-learn's default n_repeats). */
    static final int REPEATS = 5;

    private PermutationImportance() {
    }

    /**
     * One importance per selected feature, in the model's selected-feature order. The features are split
     * into {@code threads} contiguous blocks, each predicting with its own copy of the model (a Weka
     * learner's prediction is not thread-safe: SMO filters every instance through its own state); a
     * feature's value depends only on its own seeded shuffles, so the blocks do not change it.
     */
    static double[] of(ModelPipeline model, Dataset held, String targetName, long seed, int repeat, int fold,
                       int threads) {
        double baseline = balancedAccuracy(model, held, targetName);
        List<String> selected = model.selectedFeatureIds();
        double[][] original = held.copyValues();
        int blocks = Math.max(1, Math.min(threads, selected.size()));
        List<double[]> parts = Parallel.map(blocks, blocks, b -> {
            int from = b * selected.size() / blocks;
            int to = (b + 1) * selected.size() / blocks;
            ModelPipeline own = blocks == 1 ? model : model.copy();
            double[] out = new double[to - from];
            for (int k = from; k < to; k++) {
                out[k - from] = importance(own, held, original, targetName, baseline, selected.get(k), seed, repeat, fold);
            }
            return out;
        });
        double[] out = new double[selected.size()];
        int k = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, k, part.length);
            k += part.length;
        }
        return out;
    }

    /** The mean drop in balanced accuracy over {@link #REPEATS} seeded shuffles of one feature. */
    private static double importance(ModelPipeline model, Dataset held, double[][] original, String targetName,
                                     double baseline, String feature, long seed, int repeat, int fold) {
        int j = held.featureIds().indexOf(feature);
        double sum = 0;
        for (int r = 1; r <= REPEATS; r++) {
            double[][] values = copy(original);
            shuffleColumn(values, j, new Random(seedOf(seed, repeat, fold, feature, r)));
            sum += baseline - balancedAccuracy(model, held.withValues(values), targetName);
        }
        return sum / REPEATS;
    }

    private static double balancedAccuracy(ModelPipeline model, Dataset data, String targetName) {
        return ConfusionMatrix.of(model.levels(), PredictionRows.of("cv", 0, 0, "model", data, targetName, model.levels(),
                model.predict(data))).balancedAccuracy();
    }

    static long seedOf(long seed, int repeat, int fold, String feature, int shuffle) {
        long h = 1125899906842597L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return ((seed * 1_000_003L + repeat) * 1_009L + fold) * 31 + h * 17 + shuffle;
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    /** Fisher-Yates over the rows of column j. */
    private static void shuffleColumn(double[][] rows, int j, Random random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int swap = random.nextInt(i + 1);
            double t = rows[i][j];
            rows[i][j] = rows[swap][j];
            rows[swap][j] = t;
        }
    }
}
