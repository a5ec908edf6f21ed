package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.evaluate.ClassificationMetrics;

/** ROC points and AUC of a hand-computed fixture with tied scores. */
@Tag("unit")
class RocCurveTest {
    private static final double EXACT = 1e-15;

    /*
     * positives: 0.9, 0.7, 0.5, 0.5     negatives: 0.7, 0.5, 0.3, 0.1
     * Pairs won by each positive (ties count 1/2):
     *   0.9 -> 4;  0.7 -> 3 + 1/2;  0.5 -> 2 + 1/2, twice
     *   total 12.5 of 4·4 = 16 pairs -> AUC = 25/32
     */
    private static final double[] SCORES = {0.9, 0.7, 0.5, 0.5, 0.7, 0.5, 0.3, 0.1};
    private static final boolean[] POSITIVE = {true, true, true, true, false, false, false, false};

    @Test
    void areaCountsTiesAsHalf() {
        assertEquals(25.0 / 32, RocCurve.of(SCORES, POSITIVE).area(), EXACT);
    }

    @Test
    void tiedScoresFormOneDiagonalStep() {
        List<RocCurve.Point> points = RocCurve.of(SCORES, POSITIVE).points();
        // threshold ≥ +inf, 0.9, 0.7, 0.5, 0.3, 0.1 -> (FP/4, TP/4)
        double[][] expected = {{0, 0}, {0, 0.25}, {0.25, 0.5}, {0.5, 1}, {0.75, 1}, {1, 1}};
        assertEquals(expected.length, points.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], points.get(i).falsePositiveRate(), EXACT, "fpr " + i);
            assertEquals(expected[i][1], points.get(i).truePositiveRate(), EXACT, "tpr " + i);
        }
    }

    @Test
    void oneVersusRestFromPredictionRows() {
        List<String> levels = List.of("neg", "pos");
        List<PredictionTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < SCORES.length; i++) {
            String truth = POSITIVE[i] ? "pos" : "neg";
            rows.add(new PredictionTable.Row("cv", 1, 1, "S" + i, "model", truth, SCORES[i] >= 0.5 ? "pos" : "neg",
                    new double[] {1 - SCORES[i], SCORES[i]}));
        }
        rows.add(new PredictionTable.Row("cv", 1, 1, "unlabelled", "model", null, "pos", new double[] {0, 1}));
        assertEquals(25.0 / 32, RocCurve.of(levels, rows, 1).area(), EXACT);
        // Class "neg" scored by 1 − score: the same ties, mirrored, so the same area.
        assertEquals(25.0 / 32, RocCurve.of(levels, rows, 0).area(), EXACT);
        // Both classes have 4 rows: the weighted AUC is their mean.
        assertEquals(25.0 / 32, ClassificationMetrics.of(levels, rows).weightedAuc(), EXACT);
    }

    @Test
    void noNegativesGivesUndefinedArea() {
        RocCurve c = RocCurve.of(new double[] {0.2, 0.8}, new boolean[] {true, true});
        assertTrue(Double.isNaN(c.area()));
        assertTrue(c.points().isEmpty());
    }
}
