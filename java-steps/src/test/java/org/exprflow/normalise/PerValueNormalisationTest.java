package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.normalise.PerValueNormalisation.Log2Mode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PerValueNormalisationTest {
    private static final double NA = Double.NaN;

    @Test
    void floorAndCeilingClampAndNaStaysNa() {
        double[][] in = {{-3, 0.5, NA, 7, 12}};
        PerValueNormalisation.Result r = new PerValueNormalisation(1.0, 10.0, Log2Mode.NEVER).apply(in);
        assertArrayEquals(new double[] {1, 1, NA, 7, 10}, r.values()[0], 0.0);
        assertEquals(2, r.floored());
        assertEquals(1, r.ceilinged());
        assertFalse(r.log2Applied());
        assertArrayEquals(new double[] {-3, 0.5, NA, 7, 12}, in[0], 0.0, "input untouched");
    }

    @Test
    void log2IsExactForPowersOfTwoAndTurnsNonPositiveValuesIntoNa() {
        double[][] in = {{8, 1, 0, -4, NA, 3}};
        PerValueNormalisation.Result r = new PerValueNormalisation(null, null, Log2Mode.ALWAYS).apply(in);
        assertArrayEquals(new double[] {3, 0, NA, NA, NA, Math.log(3) / Math.log(2)}, r.values()[0], 1e-15);
        assertEquals(3.0, r.values()[0][0], 0.0, "log2(8) exactly");
        assertEquals(2, r.nonPositiveToNa());
        assertTrue(r.log2Applied());
    }

    @Test
    void positiveFloorIsAppliedBeforeLog2SoNothingBecomesNa() {
        double[][] in = {{0, -2, 16}};
        PerValueNormalisation.Result r = new PerValueNormalisation(1.0, null, Log2Mode.ALWAYS).apply(in);
        assertArrayEquals(new double[] {0, 0, 4}, r.values()[0], 0.0);
        assertEquals(0, r.nonPositiveToNa());
    }

    @Test
    void autoLogsLinearIntensities() {
        double[][] in = linear(new Random(1));
        PerValueNormalisation.Result r = new PerValueNormalisation(null, null, Log2Mode.AUTO).apply(in);
        assertTrue(r.scaleCheck().needsLog(), r.scaleCheck().figures());
        assertTrue(r.log2Applied());
        assertEquals(PerValueNormalisation.log2(in[0][0]), r.values()[0][0], 1e-12);
    }

    @Test
    void autoLeavesLogScaledDataAlone() {
        double[][] in = linear(new Random(2));
        for (double[] row : in) {
            for (int f = 0; f < row.length; f++) {
                row[f] = PerValueNormalisation.log2(row[f]);
            }
        }
        PerValueNormalisation.Result r = new PerValueNormalisation(null, null, Log2Mode.AUTO).apply(in);
        assertFalse(r.scaleCheck().needsLog(), r.scaleCheck().figures());
        assertFalse(r.log2Applied());
        assertArrayEquals(in[1], r.values()[1], 0.0);
    }

    @Test
    void geo2rRuleUsesBothClauses() {
        // q99 above 100: linear.
        assertTrue(new LogScaleCheck(0, 1, 2, 3, 101, 200).needsLog());
        // Short upper tail but a range over 50 with positive q25: still linear.
        assertTrue(new LogScaleCheck(1, 5, 10, 20, 60, 80).needsLog());
        // Same range, but q25 <= 0 (centred / log-ratio data): not logged.
        assertFalse(new LogScaleCheck(-40, -1, 0, 1, 10, 30).needsLog());
        // Typical log2 RMA values.
        assertFalse(new LogScaleCheck(2, 5, 7, 9, 13, 15).needsLog());
    }

    @Test
    void logScaleCheckUsesRsType7QuantilesOfAllObservedValues() {
        LogScaleCheck c = LogScaleCheck.of(new double[][] {{10, NA, 1, 5}, {2, 3, 4, 6, 7, 8, 9}});
        assertEquals(1, c.q0(), 0.0);
        assertEquals(3.25, c.q25(), 1e-12);
        assertEquals(10, c.q100(), 0.0);
    }

    @Test
    void badParametersAreUsageErrors() {
        assertEquals(ExitCode.USAGE, assertThrows(UserException.class,
                () -> new PerValueNormalisation(5.0, 1.0, Log2Mode.NEVER)).exitCode());
        assertEquals(ExitCode.USAGE, assertThrows(UserException.class,
                () -> new PerValueNormalisation(Double.NaN, null, Log2Mode.NEVER)).exitCode());
        UserException e = assertThrows(UserException.class, () -> Log2Mode.parse("yes"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("auto, always or never"), e.getMessage());
        assertEquals(Log2Mode.ALWAYS, Log2Mode.parse("Always"));
    }

    @Test
    void autoOnAnAllNaDatasetIsUnsuitable() {
        UserException e = assertThrows(UserException.class,
                () -> new PerValueNormalisation(null, null, Log2Mode.AUTO).apply(new double[][] {{NA, NA}}));
        assertEquals(ExitCode.UNSUITABLE_DATA, e.exitCode());
    }

    /** MAS5-like linear intensities: log-normal around 2^7 with a long upper tail. */
    /**
     * MAS4-like data (linear, 5% of the values negative): auto would make them NA, so it keeps the
     * linear scale and says so; a positive floor, or 1% or fewer such values, lets it take the log;
     * --log2 always keeps GEO2R's behaviour.
     */
    @Test
    void autoKeepsTheLinearScaleRatherThanTurnManyValuesIntoNa() {
        double[][] in = linear(new Random(2));
        for (double[] row : in) {
            for (int f = 0; f < row.length; f += 20) {
                row[f] = -row[f]; // 5% of the values
            }
        }
        PerValueNormalisation.Result auto = new PerValueNormalisation(null, null, Log2Mode.AUTO).apply(in);
        assertTrue(auto.scaleCheck().needsLog(), "GEO2R's rule alone would log");
        assertFalse(auto.log2Applied());
        assertEquals(300, auto.log2SkippedNonPositive());
        assertEquals(0, auto.nonPositiveToNa());
        assertArrayEquals(in[0], auto.values()[0], 0.0);
        PerValueNormalisation.Result floored = new PerValueNormalisation(20.0, null, Log2Mode.AUTO).apply(in);
        assertTrue(floored.log2Applied());
        assertEquals(0, floored.log2SkippedNonPositive());
        PerValueNormalisation.Result always = new PerValueNormalisation(null, null, Log2Mode.ALWAYS).apply(in);
        assertTrue(always.log2Applied());
        assertEquals(300, always.nonPositiveToNa());
        double[][] few = linear(new Random(2));
        few[0][0] = -1; // 1 of 6000 values
        PerValueNormalisation.Result fewNa = new PerValueNormalisation(null, null, Log2Mode.AUTO).apply(few);
        assertTrue(fewNa.log2Applied());
        assertEquals(1, fewNa.nonPositiveToNa());
    }

    private static double[][] linear(Random r) {
        double[][] rows = new double[6][1000];
        for (double[] row : rows) {
            for (int f = 0; f < row.length; f++) {
                row[f] = Math.pow(2, 7 + 2 * r.nextGaussian());
            }
        }
        return rows;
    }
}
