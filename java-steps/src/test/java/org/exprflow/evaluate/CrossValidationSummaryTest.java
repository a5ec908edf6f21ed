package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.exprflow.stepfile.PredictionTable;

/** Per-fold spread and per-repeat pooling of cross-validation predictions. */
@Tag("unit")
class CrossValidationSummaryTest {
    private static final double EXACT = 1e-15;
    private static final List<String> AB = List.of("A", "B");

    private static PredictionTable.Row row(int repeat, int fold, String sample, String truth, String predicted) {
        double pA = predicted.equals("A") ? 1 : 0;
        return new PredictionTable.Row("cv", repeat, fold, sample, "model", truth, predicted, new double[] {pA, 1 - pA});
    }

    @Test
    void foldsAreSummarisedAcrossRepeats() {
        List<PredictionTable.Row> rows = new ArrayList<>();
        // repeat 1, fold 1: 2 of 2 right;  fold 2: 1 of 2 right (B predicted as A)
        rows.add(row(1, 1, "s1", "A", "A"));
        rows.add(row(1, 1, "s2", "B", "B"));
        rows.add(row(1, 2, "s3", "A", "A"));
        rows.add(row(1, 2, "s4", "B", "A"));
        // repeat 2, fold 1: 0 of 2 right;  fold 2: 2 of 2 right
        rows.add(row(2, 1, "s1", "A", "B"));
        rows.add(row(2, 1, "s3", "B", "A"));
        rows.add(row(2, 2, "s2", "B", "B"));
        rows.add(row(2, 2, "s4", "A", "A"));
        // not scored
        rows.add(row(2, 2, "s5", null, "A"));

        CrossValidationSummary s = CrossValidationSummary.of(AB, rows);
        assertEquals(4, s.folds());
        // fold accuracies 1, 1/2, 0, 1: mean 5/8; squared deviations 9/64 + 1/64 + 25/64 + 9/64 = 44/64,
        // SD = sqrt(44/64 / 3) = sqrt(11/48)
        assertEquals(5.0 / 8, s.accuracy().mean(), EXACT);
        assertEquals(Math.sqrt(11.0 / 48), s.accuracy().sd(), EXACT);
        // balanced accuracies: 1; (1 + 0)/2 = 1/2; 0; 1 -> same as accuracy here
        assertEquals(5.0 / 8, s.balancedAccuracy().mean(), EXACT);
        // fold MCCs: 1; predicted constant -> 0; −1 (perfectly inverted); 1 -> mean 1/4
        assertEquals(0.25, s.mcc().mean(), EXACT);
        // repeat 1 pooled: 3 of 4; recalls A 2/2, B 1/2 -> 3/4.  repeat 2: 2 of 4; recalls 1/2, 1/2.
        assertEquals(2, s.repeats().size());
        assertEquals(1, s.repeats().get(0).repeat());
        assertEquals(0.75, s.repeats().get(0).accuracy(), EXACT);
        assertEquals(0.75, s.repeats().get(0).balancedAccuracy(), EXACT);
        assertEquals(0.5, s.repeats().get(1).accuracy(), EXACT);
        assertEquals(0.5, s.repeats().get(1).balancedAccuracy(), EXACT);
    }

    @Test
    void singleFoldHasUndefinedSd() {
        CrossValidationSummary s = CrossValidationSummary.of(AB, List.of(row(1, 1, "s1", "A", "A"), row(1, 1, "s2", "B", "A")));
        assertEquals(1, s.folds());
        assertEquals(0.5, s.accuracy().mean(), EXACT);
        assertTrue(Double.isNaN(s.accuracy().sd()));
    }
}
