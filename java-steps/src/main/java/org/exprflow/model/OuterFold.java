package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stepfile.PredictionTable;

/**
 * One fold of the outer cross-validation: choose and fit the model on the fold's training samples
 * (with the inner loop when there are several candidates), then predict its held-out samples with
 * the model and with the ZeroR baseline fitted on the same samples.
 */
public final class OuterFold {
    private OuterFold() {
    }

    public record Result(ModelSelection.Result selection, List<PredictionTable.Row> rows) {
    }

    public static Result run(Dataset data, Target labels, Set<String> training, Set<String> heldOut, int repeat, int fold,
                             ModelOptions options) {
        Dataset train = SampleSelection.select(data, training, true, "training");
        Dataset held = SampleSelection.select(data, heldOut, true, "held-out");
        java.util.LinkedHashMap<String, String> where = new java.util.LinkedHashMap<>();
        where.put("outer_repeat", Integer.toString(repeat));
        where.put("outer_fold", Integer.toString(fold));
        ModelSelection.Result selection = ModelSelection.fit(train, train.target(labels.name()), options,
                innerSeed(options.seed(), repeat, fold), where);
        ModelPipeline model = selection.model();
        List<PredictionTable.Row> rows = new ArrayList<>();
        rows.addAll(PredictionRows.withUncalibrated("cv", repeat, fold, held, labels.name(), model, -1));
        rows.addAll(PredictionRows.of("cv", repeat, fold, "ZeroR", held, labels.name(), model.levels(),
                model.predictBaseline(held.sampleCount())));
        return new Result(selection, rows);
    }

    /** The seed of the inner folds of one outer fold; repeat 0, fold 0 is the final model's. */
    public static long innerSeed(long seed, int repeat, int fold) {
        return seed * 1_000_003L + repeat * 1_009L + fold;
    }
}
