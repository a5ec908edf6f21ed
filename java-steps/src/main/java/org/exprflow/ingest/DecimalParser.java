package org.exprflow.ingest;

import org.exprflow.io.Fields;

/**
 * Parses numeric cells straight from a region of a line, without creating a substring per cell:
 * expression files hold millions of cells and per-cell garbage dominates their load time.
 *
 * <p>The fast path handles plain decimals ({@code -12.345}) with at most 15 significant digits and
 * at most 22 fraction digits. Then the digits form an integer m below 2^53 and 10^k is exactly
 * representable, so m / 10^k is a single correctly rounded IEEE division and equals what
 * {@link Double#parseDouble} returns (which is also correctly rounded). Everything else (exponents,
 * long mantissas, missing-value spellings) goes to a slow path built on Double.parseDouble.
 */
public final class DecimalParser {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final int MAX_FAST_DIGITS = 15;

    private DecimalParser() {
    }

    /**
     * The number in {@code s[start, end)}, surrounding blanks ignored. Missing-value spellings
     * ({@link Fields#isMissing}) give NaN.
     *
     * @throws NumberFormatException when the cell is not a finite decimal number
     */
    public static double parse(String s, int start, int end) {
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Double.NaN;
        }
        int i = start;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int fractionDigits = 0;
        boolean seenDot = false;
        boolean seenDigit = false;
        for (; i < end; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                seenDigit = true;
                if (mantissa != 0 || c != '0') {
                    if (++significantDigits > MAX_FAST_DIGITS) {
                        return slowParse(s, start, end);
                    }
                }
                mantissa = mantissa * 10 + (c - '0');
                if (seenDot) {
                    fractionDigits++;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else {
                return slowParse(s, start, end);
            }
        }
        if (!seenDigit || fractionDigits >= POWERS_OF_TEN.length) {
            return slowParse(s, start, end);
        }
        double v = fractionDigits == 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -v : v;
    }

    public static double parse(String s) {
        return parse(s, 0, s.length());
    }

    /**
     * Space, tab and a CR left by a CRLF line end. Not every control character, as String.trim
     * would: a NUL byte inside a cell means a binary or mis-encoded file, not a blank.
     */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static double slowParse(String s, int start, int end) {
        String cell = s.substring(start, end);
        if (Fields.isMissing(cell)) {
            return Double.NaN;
        }
        // Double.parseDouble also accepts "Infinity", hex floats and a trailing 'd' or 'f';
        // none of those is an expression value, so only decimal characters get through.
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(cell);
            }
        }
        double v = Double.parseDouble(cell);
        if (Double.isInfinite(v)) {
            throw new NumberFormatException(cell);
        }
        return v;
    }
}
