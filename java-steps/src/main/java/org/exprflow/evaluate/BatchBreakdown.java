package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.exprflow.core.Log;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;

/**
 * The cross-validated model's held-out accuracy per batch, and the (repeat, fold, batch) triples
 * where a held-out batch had no sample among that fold's training samples (every fold of
 * leave-one-batch-out CV). With a ComBat transform those batches were adjusted by the own-batch
 * fallback ({@code normalise.ComBat}); the report says so. A fold's training samples are the CV
 * samples of the other folds of its repeat, which the merged predictions list (each CV sample is
 * held out once per repeat).
 *
 * @param byBatch  per batch (sorted): CV predictions of the model, accuracy and balanced accuracy
 * @param unseen   held-out batches that their fold's training samples did not contain; test batches of the
 *                 same dataset that no CV sample had come last, with repeat 0 and fold 0 (batches of an
 *                 independent test dataset are not known here)
 */
record BatchBreakdown(List<Batch> byBatch, List<Unseen> unseen) {

    record Batch(String batch, int predictions, int samples, double accuracy, double balancedAccuracy) {
    }

    record Unseen(int repeat, int fold, String batch) {
    }

    static BatchBreakdown of(PredictionTable table, Map<String, String> batchOf) {
        List<PredictionTable.Row> cv = table.rows("cv", "model");
        Map<String, List<PredictionTable.Row>> rowsByBatch = new TreeMap<>();
        int missing = 0;
        for (PredictionTable.Row r : cv) {
            String b = batchOf.get(r.sample());
            if (b == null) {
                missing++;
                continue;
            }
            if (r.truth() != null) {
                rowsByBatch.computeIfAbsent(b, k -> new ArrayList<>()).add(r);
            }
        }
        if (missing > 0) {
            Log.warn(missing + " CV predictions are of samples without a batch; they are left out of the by-batch table");
        }
        List<Batch> byBatch = new ArrayList<>();
        rowsByBatch.forEach((b, rows) -> {
            ConfusionMatrix m = ConfusionMatrix.of(table.levels(), rows);
            int samples = (int) rows.stream().map(PredictionTable.Row::sample).distinct().count();
            byBatch.add(new Batch(b, rows.size(), samples, m.accuracy(), m.balancedAccuracy()));
        });

        // Batches of each (repeat, fold)'s held-out samples, and of each repeat's CV samples per fold.
        Map<Integer, Map<Integer, Set<String>>> batchesOfFold = new TreeMap<>();
        for (PredictionTable.Row r : cv) {
            String b = batchOf.get(r.sample());
            if (b != null) {
                batchesOfFold.computeIfAbsent(r.repeat(), k -> new TreeMap<>())
                        .computeIfAbsent(r.fold(), k -> new TreeSet<>()).add(b);
            }
        }
        List<Unseen> unseen = new ArrayList<>();
        batchesOfFold.forEach((repeat, folds) -> folds.forEach((fold, held) -> {
            Map<String, Boolean> inTraining = new HashMap<>();
            folds.forEach((other, batches) -> {
                if (!other.equals(fold)) {
                    batches.forEach(b -> inTraining.put(b, true));
                }
            });
            for (String b : held) {
                if (!inTraining.containsKey(b)) {
                    unseen.add(new Unseen(repeat, fold, b));
                }
            }
        }));
        // Test rows of the same dataset (the split column's test partition) meet the final model,
        // trained on every CV sample: their batch is unseen when no CV sample had it (fold 0).
        Set<String> trainingBatches = new TreeSet<>();
        batchesOfFold.values().forEach(folds -> folds.values().forEach(trainingBatches::addAll));
        Set<String> unseenTest = new TreeSet<>();
        for (PredictionTable.Row r : table.rows("test", "model")) {
            String b = batchOf.get(r.sample());
            if (b != null && !trainingBatches.contains(b)) {
                unseenTest.add(b);
            }
        }
        unseenTest.forEach(b -> unseen.add(new Unseen(0, 0, b)));
        return new BatchBreakdown(byBatch, unseen);
    }
}
