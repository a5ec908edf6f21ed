package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** R's type-7 quantile, against figures R printed. */
@Tag("unit")
class QuantileTest {

    @Test
    void matchesRsDefaultQuantile() {
        double[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // R: quantile(1:10, c(.25, .5, .99)) = 3.25, 5.5, 9.91
        assertEquals(3.25, Quantile.type7(oneToTen, 0.25), 1e-12);
        assertEquals(5.5, Quantile.type7(oneToTen, 0.5), 1e-12);
        assertEquals(9.91, Quantile.type7(oneToTen, 0.99), 1e-12);
        // R: quantile(c(1, 2, 3, 4, 10), c(0.025, 0.975)) = 1.1, 9.4
        double[] skewed = {1, 2, 3, 4, 10};
        assertEquals(1.1, Quantile.type7(skewed, 0.025), 1e-12);
        assertEquals(9.4, Quantile.type7(skewed, 0.975), 1e-12);
    }

    @Test
    void endsTiesAndEmptyInput() {
        double[] v = {2, 5, 5, 5, 9};
        assertEquals(2, Quantile.type7(v, 0), 0.0);
        assertEquals(9, Quantile.type7(v, 1), 0.0);
        // between two equal order statistics R returns the value itself, without interpolation arithmetic
        assertEquals(5, Quantile.type7(v, 0.6), 0.0);
        assertEquals(Double.NaN, Quantile.type7(new double[0], 0.5));
    }
}
