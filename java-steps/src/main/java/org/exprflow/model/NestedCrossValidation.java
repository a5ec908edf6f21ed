package org.exprflow.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.split.FoldAssigner;
import org.exprflow.split.FoldUnits;

/**
 * A whole (nested) cross-validation run in one process: for every repeat, stratified (optionally
 * grouped) outer folds, and for every outer fold {@link OuterFold#run}. The pipeline scatters outer
 * folds over tasks instead; this in-process form serves the permutation test, where one task runs
 * the complete procedure for each of a chunk of permuted labellings.
 */
public final class NestedCrossValidation {
    private NestedCrossValidation() {
    }

    /** Held-out predictions (model and ZeroR) of every outer fold of every repeat. */
    public static List<PredictionTable.Row> run(Dataset training, Target labels, int folds, int repeats, long foldSeed,
                                                ModelOptions options) {
        List<FoldAssigner.Unit> units = FoldUnits.of(training, labels, options.groupColumn());
        List<Map<String, Integer>> foldsOfRepeats = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            foldsOfRepeats.add(FoldAssigner.assign(units, folds, foldSeed, r));
        }
        return run(training, labels, folds, foldsOfRepeats, options);
    }

    /**
     * Held-out predictions with given fold assignments (sample to fold, one map per repeat), e.g.
     * a splits table's leave-one-batch-out folds, which do not depend on the labels.
     */
    public static List<PredictionTable.Row> run(Dataset training, Target labels, int folds,
                                                List<Map<String, Integer>> foldsOfRepeats, ModelOptions options) {
        List<PredictionTable.Row> rows = new ArrayList<>();
        for (int r = 1; r <= foldsOfRepeats.size(); r++) {
            Map<String, Integer> foldOf = foldsOfRepeats.get(r - 1);
            for (int f = 1; f <= folds; f++) {
                Set<String> held = new LinkedHashSet<>();
                Set<String> train = new LinkedHashSet<>();
                for (String id : training.sampleIds()) {
                    (foldOf.get(id) == f ? held : train).add(id);
                }
                if (!held.isEmpty()) {
                    rows.addAll(OuterFold.run(training, labels, train, held, r, f, options).rows());
                }
            }
        }
        return rows;
    }
}
