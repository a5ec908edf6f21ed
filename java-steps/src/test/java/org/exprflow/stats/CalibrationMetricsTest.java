package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.stepfile.PredictionTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Brier scores and reliability bins against values computed by hand. */
@Tag("unit")
class CalibrationMetricsTest {
    private static final List<String> AB = List.of("A", "B");

    private static PredictionTable.Row row(String sample, String truth, double... p) {
        return new PredictionTable.Row("cv", 1, 1, sample, "model", truth, truth == null ? "A" : truth, p);
    }

    /** The model rows of EvaluateCommandTest's two folds. */
    private static List<PredictionTable.Row> sixRows() {
        return List.of(row("s1", "A", 0.9, 0.1), row("s2", "B", 0.2, 0.8), row("s3", "A", 0.4, 0.6),
                row("s4", "B", 0.3, 0.7), row("s5", "A", 0.8, 0.2), row("s6", "B", 0.6, 0.4));
    }

    @Test
    void binaryBrierIsTwiceTheOneVsRestScore() {
        // squared errors per row, summed over both classes: 0.02 0.08 0.72 0.18 0.08 0.72 -> 1.8 / 6
        assertEquals(0.3, BrierScore.multiClass(AB, sixRows()), 1e-15);
        assertEquals(0.15, BrierScore.oneVsRest(AB, sixRows(), 0), 1e-15);
        assertEquals(0.15, BrierScore.oneVsRest(AB, sixRows(), 1), 1e-15);
    }

    @Test
    void multiClassBrierSumsOverClassesAndSkipsUnknownTruths() {
        List<String> xyz = List.of("X", "Y", "Z");
        List<PredictionTable.Row> rows = List.of(row("r1", "X", 0.5, 0.3, 0.2), row("r2", "Z", 0.1, 0.1, 0.8),
                row("r3", "Y", 1 / 3.0, 1 / 3.0, 1 / 3.0), row("r4", null, 1, 0, 0));
        // 0.25 + 0.09 + 0.04 = 0.38; 0.01 + 0.01 + 0.04 = 0.06; 1/9 + 4/9 + 1/9 = 2/3
        assertEquals((0.38 + 0.06 + 2 / 3.0) / 3, BrierScore.multiClass(xyz, rows), 1e-15);
        assertEquals((0.25 + 0.01 + 1 / 9.0) / 3, BrierScore.oneVsRest(xyz, rows, 0), 1e-15);
        assertEquals((0.09 + 0.01 + 4 / 9.0) / 3, BrierScore.oneVsRest(xyz, rows, 1), 1e-15);
        assertEquals((0.04 + 0.04 + 1 / 9.0) / 3, BrierScore.oneVsRest(xyz, rows, 2), 1e-15);
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += BrierScore.oneVsRest(xyz, rows, c);
        }
        assertEquals(BrierScore.multiClass(xyz, rows), sum, 1e-15);
        assertTrue(Double.isNaN(BrierScore.multiClass(xyz, List.of(row("r4", null, 1, 0, 0)))));
    }

    @Test
    void reliabilityBinsOfTheSecondClass() {
        List<ReliabilityDiagram.Bin> bins = ReliabilityDiagram.of(AB, sixRows(), 1);
        assertEquals(10, bins.size());
        // p(B): s1 0.1 (A) -> bin 1; s5 0.2 (A) -> 2; s6 0.4 (B) -> 4; s3 0.6 (A) -> 6; s4 0.7 (B) -> 7; s2 0.8 (B) -> 8
        long[] count = {1, 1, 0, 1, 0, 1, 1, 1, 0, 0};
        double[] mean = {0.1, 0.2, Double.NaN, 0.4, Double.NaN, 0.6, 0.7, 0.8, Double.NaN, Double.NaN};
        double[] observed = {0, 0, Double.NaN, 1, Double.NaN, 0, 1, 1, Double.NaN, Double.NaN};
        for (int b = 0; b < 10; b++) {
            ReliabilityDiagram.Bin bin = bins.get(b);
            assertEquals(b + 1, bin.index());
            assertEquals(b / 10.0, bin.lower(), 1e-15);
            assertEquals((b + 1) / 10.0, bin.upper(), 1e-15);
            assertEquals(count[b], bin.count(), "bin " + (b + 1));
            assertEquals(mean[b], bin.meanPredicted(), 1e-15, "bin " + (b + 1));
            assertEquals(observed[b], bin.observedFrequency(), 1e-15, "bin " + (b + 1));
        }
    }

    @Test
    void binsAreClosedOnTheRightWithNumpysEdges() {
        assertEquals(0, ReliabilityDiagram.binOf(0.0));
        assertEquals(0, ReliabilityDiagram.binOf(0.1));
        assertEquals(1, ReliabilityDiagram.binOf(Math.nextUp(0.1)));
        // numpy's third edge is 3 * 0.1 = 0.30000000000000004: 0.3 and the edge itself fall in bin 3
        assertEquals(2, ReliabilityDiagram.binOf(0.3));
        assertEquals(2, ReliabilityDiagram.binOf(3 * 0.1));
        assertEquals(3, ReliabilityDiagram.binOf(Math.nextUp(3 * 0.1)));
        assertEquals(4, ReliabilityDiagram.binOf(0.5));
        assertEquals(9, ReliabilityDiagram.binOf(Math.nextUp(0.9)));
        assertEquals(9, ReliabilityDiagram.binOf(1.0));
    }

    @Test
    void aMultiClassDiagramCountsEveryRowOncePerClass() {
        List<String> xyz = List.of("X", "Y", "Z");
        List<PredictionTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double a = (i % 10) / 10.0;
            rows.add(row("r" + i, List.of("X", "Y", "Z").get(i % 3), a, (1 - a) / 2, (1 - a) / 2));
        }
        for (int c = 0; c < 3; c++) {
            long total = ReliabilityDiagram.of(xyz, rows, c).stream().mapToLong(ReliabilityDiagram.Bin::count).sum();
            assertEquals(30, total);
        }
    }
}
