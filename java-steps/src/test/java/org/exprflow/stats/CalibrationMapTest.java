package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Platt scaling and isotonic calibration on cases solved by hand. */
@Tag("unit")
class CalibrationMapTest {
    @Test
    void plattFitsTwoScoresExactlyToTheSmoothedTargets() {
        // two positives at 1, two negatives at 0: targets (2+1)/(2+2) = 3/4 and 1/(2+2) = 1/4, which a
        // sigmoid through two points meets exactly: B = ln 3 (P = 1/4 at 0), A + B = -ln 3 (P = 3/4 at 1)
        PlattScaling p = PlattScaling.fit(new double[] {0, 0, 1, 1}, new boolean[] {false, false, true, true});
        assertEquals(Math.log(3), p.b(), 1e-12);
        assertEquals(-2 * Math.log(3), p.a(), 1e-12);
        assertEquals(0.25, p.apply(0), 1e-12);
        assertEquals(0.75, p.apply(1), 1e-12);
        assertEquals(0.5, p.apply(0.5), 1e-12);
    }

    @Test
    void plattSolvesTheFirstOrderConditions() {
        double[] f = {0.05, 0.2, 0.3, 0.45, 0.5, 0.62, 0.7, 0.81, 0.9, 0.97, 0.33, 0.66};
        boolean[] y = {false, false, true, false, true, false, true, true, true, true, false, true};
        PlattScaling p = PlattScaling.fit(f, y);
        double hi = (7 + 1.0) / (7 + 2.0);
        double lo = 1 / (5 + 2.0);
        double gA = 0;
        double gB = 0;
        for (int i = 0; i < f.length; i++) {
            double residual = (y[i] ? hi : lo) - p.apply(f[i]);
            gA += f[i] * residual;
            gB += residual;
        }
        assertEquals(0, gA, 1e-10);
        assertEquals(0, gB, 1e-10);
    }

    @Test
    void plattHandlesOneClassAndEqualScores() {
        PlattScaling none = PlattScaling.fit(new double[] {0.2, 0.4, 0.6}, new boolean[] {false, false, false});
        assertEquals(1 / 5.0, none.apply(0.4), 1e-9); // the smoothed target 1 / (3 + 2) everywhere
        PlattScaling flat = PlattScaling.fit(new double[] {1, 1, 1, 1}, new boolean[] {true, false, true, true});
        // one score: only A + B is determined; P(1) is the mean smoothed target (3 * 4/5 + 1/3) / 4
        assertEquals((3 * 0.8 + 1 / 3.0) / 4, flat.apply(1), 1e-9);
    }

    @Test
    void isotonicPoolsViolatorsAndInterpolates() {
        IsotonicCalibration iso = IsotonicCalibration.fit(new double[] {0.4, 0.1, 0.3, 0.2},
                new boolean[] {true, false, false, true});
        // sorted outcomes 0 1 0 1 -> PAV 0, 0.5, 0.5, 1
        assertEquals(0, iso.apply(0.1), 0);
        assertEquals(0.25, iso.apply(0.15), 1e-15);
        assertEquals(0.5, iso.apply(0.25), 1e-15);
        assertEquals(0.75, iso.apply(0.35), 1e-15);
        assertEquals(1, iso.apply(0.4), 0);
        assertEquals(0, iso.apply(-1), 0, "clipped below");
        assertEquals(1, iso.apply(2), 0, "clipped above");
    }

    @Test
    void isotonicAveragesTiedScoresAndKeepsOnePointForAConstantFit() {
        IsotonicCalibration iso = IsotonicCalibration.fit(new double[] {0.5, 0.5, 0.7}, new boolean[] {true, false, true});
        assertEquals(0.5, iso.apply(0.5), 1e-15);
        assertEquals(0.75, iso.apply(0.6), 1e-15);
        IsotonicCalibration one = IsotonicCalibration.fit(new double[] {0.3, 0.3}, new boolean[] {true, false});
        assertEquals(0.5, one.apply(0.9), 0);
        // all outcomes decreasing: one pooled block, the mean everywhere
        IsotonicCalibration pooled = IsotonicCalibration.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false});
        assertEquals(0.5, pooled.apply(1.5), 0);
        assertEquals(0.5, pooled.apply(3.7), 0);
    }
}
