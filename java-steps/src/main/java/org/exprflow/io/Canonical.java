package org.exprflow.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Canonical number formatting for every metric and table that exprflow writes. Twelve significant
 * digits, no exponent for ordinary magnitudes, no trailing zeros, and "NA" for NaN: two runs that
 * computed the same doubles write the same bytes, so outputs can be compared with cmp.
 */
public final class Canonical {
    private static final MathContext DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    private Canonical() {
    }

    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == 0.0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(x).round(DIGITS).stripTrailingZeros();
        double mag = Math.abs(x);
        if (mag >= 1e-6 && mag < 1e15) {
            return d.toPlainString();
        }
        return d.toString();
    }
}
