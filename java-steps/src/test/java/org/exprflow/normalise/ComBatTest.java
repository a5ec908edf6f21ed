package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ComBat's behaviour beyond the sva comparison (ComBatRTest): the fallback, edge cases, errors. */
@Tag("unit")
class ComBatTest {

    @Test
    void theThreeFormsParseByName() {
        List<CrossSampleTransform> chain = CrossSampleTransforms.parse("combat_mean,combat_np,combat");
        assertEquals(List.of("combat_mean", "combat_np", "combat"), chain.stream().map(CrossSampleTransform::name).toList());
        chain.forEach(t -> assertInstanceOf(ComBat.class, t));
        assertTrue(ComBat.isComBat("combat_np") && !ComBat.isComBat("zscore"));
    }

    /** A batch training never saw is moved onto the training pool by its own location and scale. */
    @Test
    void anUnseenBatchIsMovedOntoTheTrainingPool() {
        ComBatRTest.Simulated d = ComBatRTest.simulate(21, 200, new int[] {10, 12}, false);
        CrossSampleTransform.Fitted f = new ComBat(ComBat.Form.PARAMETRIC).fit(d.train(), d.trainContext());
        // The new batch: 8 rows of a far-off lab (every gene +4, twice the spread).
        ComBatRTest.Simulated other = ComBatRTest.simulate(22, 200, new int[] {8, 2}, false);
        double[][] fresh = new double[8][];
        for (int i = 0; i < 8; i++) {
            fresh[i] = other.train()[i].clone();
            for (int g = 0; g < 200; g++) {
                fresh[i][g] = 2 * fresh[i][g] + 4;
            }
        }
        String[] newBatch = new String[8];
        Arrays.fill(newBatch, "new");
        double[][] out = f.apply(fresh, new SampleContext(null, 0, newBatch));
        double[][] train = f.applyToTraining(d.train(), d.trainContext());
        double before = 0;
        double after = 0;
        for (int g = 0; g < 200; g++) {
            double pool = columnMean(train, g);
            before += Math.abs(columnMean(fresh, g) - pool);
            after += Math.abs(columnMean(out, g) - pool);
        }
        assertTrue(after < before / 10, "mean distance to the pool: before " + before / 200 + ", after " + after / 200);
        assertEquals(List.of("new"), ((ComBat.FittedComBat) f).unseenBatches(newBatch));

        // The rows of a training batch in the same call are adjusted as if alone.
        double[][] mixed = {d.held()[0], fresh[0], fresh[1]};
        double[][] mixedOut = f.apply(mixed, new SampleContext(null, 0, new String[] {d.heldBatches()[0], "new", "new"}));
        double[][] alone = f.apply(new double[][] {d.held()[0]}, new SampleContext(null, 0, new String[] {d.heldBatches()[0]}));
        assertArrayEquals(alone[0], mixedOut[0], 0.0);
    }

    @Test
    void aSingleRowOfAnUnseenBatchIsLeftAsItIs() {
        ComBatRTest.Simulated d = ComBatRTest.simulate(23, 50, new int[] {6, 6}, false);
        CrossSampleTransform.Fitted f = new ComBat(ComBat.Form.MEAN_ONLY).fit(d.train(), d.trainContext());
        double[][] row = {d.held()[0]};
        assertArrayEquals(row[0], f.apply(row, new SampleContext(null, 0, new String[] {"lone"}))[0], 0.0);
    }

    /** One training batch (leave-one-batch-out with two batches): training rows stay; new batches join them. */
    @Test
    void aSingleTrainingBatchIsLeftAsItIs() {
        ComBatRTest.Simulated d = ComBatRTest.simulate(24, 60, new int[] {9}, false);
        CrossSampleTransform.Fitted f = new ComBat(ComBat.Form.NON_PARAMETRIC).fit(d.train(), d.trainContext());
        double[][] out = f.applyToTraining(d.train(), d.trainContext());
        for (int i = 0; i < out.length; i++) {
            assertArrayEquals(d.train()[i], out[i], 1e-12);
        }
    }

    @Test
    void genesWithOneValueInABatchGetALocationOnlyAdjustment() {
        ComBatRTest.Simulated d = ComBatRTest.simulate(25, 80, new int[] {2, 8, 9}, false);
        double[][] rows = new double[d.train().length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = d.train()[i].clone();
        }
        rows[0][20] = Double.NaN; // batch b1 has two samples: gene 20 keeps one value there
        double[][] out = new ComBat(ComBat.Form.PARAMETRIC).fit(rows, d.trainContext()).applyToTraining(rows, d.trainContext());
        assertTrue(Double.isNaN(out[0][20]));
        assertTrue(Double.isFinite(out[1][20]) && out[1][20] != rows[1][20]);
        for (double[] r : out) {
            for (int g = 0; g < r.length; g++) {
                assertTrue(g == 20 && r == out[0] || Double.isFinite(r[g]));
            }
        }
    }

    @Test
    void withoutBatchesComBatIsAnUnsuitableDataError() {
        double[][] rows = {{1, 2}, {3, 4}, {5, 7}};
        UserException e = assertThrows(UserException.class, () -> new ComBat(ComBat.Form.PARAMETRIC).fit(rows));
        assertEquals(ExitCode.UNSUITABLE_DATA, e.exitCode());
        UserException missing = assertThrows(UserException.class, () -> new ComBat(ComBat.Form.PARAMETRIC)
                .fit(rows, new SampleContext(null, 0, new String[] {"a", null, "b"})));
        assertTrue(missing.getMessage().contains("row 2 has none"), missing.getMessage());
    }

    /** The fitted estimates travel inside the model file (Java serialisation) and give the same output. */
    @Test
    void theFitSurvivesSerialisation() throws Exception {
        ComBatRTest.Simulated d = ComBatRTest.simulate(26, 40, new int[] {5, 6}, false);
        CrossSampleTransform.Fitted f = new ComBat(ComBat.Form.PARAMETRIC).fit(d.train(), d.trainContext());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        CrossSampleTransform.Fitted back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (CrossSampleTransform.Fitted) in.readObject();
        }
        SampleContext held = new SampleContext(null, 0, d.heldBatches());
        assertArrayEquals(f.apply(d.held(), held)[0], back.apply(d.held(), held)[0], 0.0);
    }

    private static double columnMean(double[][] rows, int g) {
        double s = 0;
        for (double[] r : rows) {
            s += r[g];
        }
        return s / rows.length;
    }
}
