package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exprflow.stepfile.PredictionTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Per-batch held-out accuracy, and the held-out batches that a fold's (or the final model's) training lacked. */
@Tag("unit")
class BatchBreakdownTest {

    private static PredictionTable.Row row(String set, int fold, String sample, String truth, String predicted) {
        return new PredictionTable.Row(set, set.equals("cv") ? 1 : 0, fold, sample, "model", truth, predicted,
                new double[] {predicted.equals("a") ? 1 : 0, predicted.equals("a") ? 0 : 1});
    }

    @Test
    void accuracyPerBatchAndUnseenBatches() {
        List<PredictionTable.Row> rows = new ArrayList<>();
        // Fold 1 holds x1, x2 (batch X) and y1 (batch Y); fold 2 holds y2 (Y) and z1, z2 (Z, only in fold 2).
        rows.add(row("cv", 1, "x1", "a", "a"));
        rows.add(row("cv", 1, "x2", "b", "a"));
        rows.add(row("cv", 1, "y1", "a", "a"));
        rows.add(row("cv", 2, "y2", "b", "b"));
        rows.add(row("cv", 2, "z1", "a", "b"));
        rows.add(row("cv", 2, "z2", "b", "b"));
        rows.add(row("test", 0, "t1", "a", "a")); // batch W: no CV sample had it
        rows.add(row("test", 0, "t2", "b", "b")); // batch Y: seen
        PredictionTable table = new PredictionTable(List.of("a", "b"), rows);
        Map<String, String> batchOf = Map.of("x1", "X", "x2", "X", "y1", "Y", "y2", "Y", "z1", "Z", "z2", "Z",
                "t1", "W", "t2", "Y");
        BatchBreakdown b = BatchBreakdown.of(table, batchOf);
        assertEquals(List.of("X", "Y", "Z"), b.byBatch().stream().map(BatchBreakdown.Batch::batch).toList());
        BatchBreakdown.Batch x = b.byBatch().get(0);
        assertEquals(0.5, x.accuracy(), 1e-12);
        assertEquals(0.5, x.balancedAccuracy(), 1e-12); // recall a = 1, recall b = 0
        assertEquals(1.0, b.byBatch().get(1).balancedAccuracy(), 1e-12);
        assertEquals(0.5, b.byBatch().get(2).balancedAccuracy(), 1e-12);
        assertEquals(List.of(new BatchBreakdown.Unseen(1, 1, "X"), new BatchBreakdown.Unseen(1, 2, "Z"),
                new BatchBreakdown.Unseen(0, 0, "W")), b.unseen());
    }
}
