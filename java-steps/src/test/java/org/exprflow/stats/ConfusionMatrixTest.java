package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.exprflow.evaluate.PredictionFixtures;
import org.exprflow.stepfile.PredictionTable;

/** Metrics of hand-computed confusion matrices, written as exact fractions. */
@Tag("unit")
class ConfusionMatrixTest {
    private static final double EXACT = 1e-15;
    private static final List<String> ABC = List.of("A", "B", "C");

    /**
     * Truth rows, predicted columns:
     * <pre>
     *        A  B  C   | t
     *   A    5  1  0   | 6
     *   B    2  6  2   | 10
     *   C    0  1  3   | 4
     *   p    7  8  5   | n = 20, correct = 14
     * </pre>
     */
    private static final long[][] FIXTURE = {{5, 1, 0}, {2, 6, 2}, {0, 1, 3}};

    private static ConfusionMatrix fixture() {
        List<PredictionTable.Row> rows = new ArrayList<>(PredictionFixtures.rowsWithConfusion(ABC, FIXTURE));
        // A row without truth must not be counted anywhere.
        rows.add(new PredictionTable.Row("cv", 1, 1, "unlabelled", "model", null, "A", new double[] {1, 0, 0}));
        return ConfusionMatrix.of(ABC, rows);
    }

    @Test
    void countsRowsByTruthAndPrediction() {
        ConfusionMatrix m = fixture();
        assertEquals(20, m.total());
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(FIXTURE[t][p], m.count(t, p), "cell " + t + "," + p);
            }
        }
    }

    @Test
    void accuracyAndBalancedAccuracy() {
        ConfusionMatrix m = fixture();
        // 14 correct of 20.
        assertEquals(14.0 / 20, m.accuracy(), EXACT);
        // recalls 5/6, 6/10, 3/4 -> (50 + 36 + 45) / 60 / 3 = 131/180
        assertEquals(131.0 / 180, m.balancedAccuracy(), EXACT);
    }

    @Test
    void perClassPrecisionRecallF1() {
        ConfusionMatrix m = fixture();
        // precision = TP / predicted: 5/7, 6/8, 3/5
        assertEquals(5.0 / 7, m.precision(0), EXACT);
        assertEquals(6.0 / 8, m.precision(1), EXACT);
        assertEquals(3.0 / 5, m.precision(2), EXACT);
        // recall = TP / truth: 5/6, 6/10, 3/4
        assertEquals(5.0 / 6, m.recall(0), EXACT);
        assertEquals(6.0 / 10, m.recall(1), EXACT);
        assertEquals(3.0 / 4, m.recall(2), EXACT);
        // F1 = 2 TP / (truth + predicted): 10/13, 12/18, 6/9
        assertEquals(10.0 / 13, m.f1(0), EXACT);
        assertEquals(12.0 / 18, m.f1(1), EXACT);
        assertEquals(6.0 / 9, m.f1(2), EXACT);
    }

    @Test
    void gorodkinRkAndKappa() {
        ConfusionMatrix m = fixture();
        // c·n − Σ t_k p_k = 14·20 − (6·7 + 10·8 + 4·5) = 280 − 142 = 138
        // n² − Σ p_k² = 400 − (49 + 64 + 25) = 262;  n² − Σ t_k² = 400 − (36 + 100 + 16) = 248
        assertEquals(138 / Math.sqrt(262.0 * 248), m.mcc(), EXACT);
        // p_o = 14/20 = 140/200, p_e = 142/400 = 71/200 -> (140 − 71) / (200 − 71) = 69/129 = 23/43
        assertEquals(23.0 / 43, m.kappa(), EXACT);
    }

    @Test
    void rkEqualsBinaryMcc() {
        // class 0 positive: TP 4, FN 1, FP 2, TN 3 -> (4·3 − 2·1) / sqrt(6·4·5·5) = 10 / sqrt(600)
        ConfusionMatrix m = ConfusionMatrix.ofCounts(new long[][] {{4, 1}, {2, 3}});
        assertEquals(10 / Math.sqrt(600), m.mcc(), EXACT);
    }

    @Test
    void constantPredictionHasZeroMcc() {
        // ZeroR: everything predicted as A; R_K's denominator is 0, reported as 0.
        ConfusionMatrix m = ConfusionMatrix.ofCounts(new long[][] {{6, 0}, {4, 0}});
        assertEquals(0.0, m.mcc());
        // p_o = 6/10, p_e = (6·10 + 4·0)/100 = 6/10 -> kappa 0
        assertEquals(0.0, m.kappa(), EXACT);
    }

    @Test
    void undefinedRatiosFollowWeka() {
        // C never predicted: precision NaN (Weka 3.8.6), recall 0/1 = 0, F1 NaN.
        // D absent from the truth and never predicted: precision and recall NaN.
        ConfusionMatrix m = ConfusionMatrix.ofCounts(new long[][] {
            {2, 0, 0, 0}, {1, 1, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}});
        assertTrue(Double.isNaN(m.precision(2)));
        assertEquals(0.0, m.recall(2));
        assertTrue(Double.isNaN(m.f1(2)));
        assertTrue(Double.isNaN(m.recall(3)));
        assertTrue(Double.isNaN(m.f1(3)));
        // B predicted twice, once right: P = 1/2, R = 1/2
        assertEquals(0.5, m.f1(1), EXACT);
        // balanced accuracy over the classes present in the truth (A, B, C): (1 + 1/2 + 0) / 3 = 1/2
        assertEquals(0.5, m.balancedAccuracy(), EXACT);
    }

    @Test
    void f1IsZeroWhenPredictedButNeverRight() {
        // A predicted once (wrongly) and present once (missed): P = 0, R = 0 -> F1 0, as Weka.
        ConfusionMatrix m = ConfusionMatrix.ofCounts(new long[][] {{0, 1}, {1, 0}});
        assertEquals(0.0, m.f1(0));
    }
}
