package org.exprflow.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.plot.Markup;

/**
 * The report's one rule for numbers a person reads (the TSV and JSON files keep full precision):
 * <ul>
 * <li>scores on a 0-1 or -1-1 scale (accuracy, balanced accuracy, AUC, MCC, kappa, F1, correlations)
 * and interval bounds: three decimals ({@link #score}, {@link #interval});</li>
 * <li>p-values: three decimals, two significant digits below 0.001 ({@link #pValue}), so a
 * permutation p of 1 / 10001 does not read as 0;</li>
 * <li>counts: whole numbers, grouped by thousands from 10,000 on ({@link #count}: 7129, 154,390);</li>
 * <li>any other quantity (a floor, a ceiling, a value of unknown scale): three significant digits,
 * without a trailing zero ({@link #quantity}: 20, 0.0123, 1.23e+06).</li>
 * </ul>
 * Undefined values are "NA". The root locale is used throughout, so the bytes do not depend on the
 * machine's language. Sections call these methods instead of choosing decimals each time.
 */
public final class ReadableNumbers {
    /** Decimals of a score. */
    public static final int SCORE_DECIMALS = 3;

    private ReadableNumbers() {
    }

    /** A score: three decimals ("0.944"). */
    public static String score(double x) {
        return Markup.fixed(x, SCORE_DECIMALS);
    }

    /** An interval as the report writes it after a value: "[0.880, 1.000]". */
    public static String interval(double low, double high) {
        return "[" + score(low) + ", " + score(high) + "]";
    }

    /** A p-value (see the class comment). */
    public static String pValue(double p) {
        return Markup.pValue(p);
    }

    /** A count: a whole number, grouped by thousands from 10,000 on. */
    public static String count(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return "NA";
        }
        long rounded = Math.round(n);
        return Math.abs(rounded) < 10_000 ? Long.toString(rounded) : String.format(Locale.ROOT, "%,d", rounded);
    }

    /**
     * A step's message with every number of four or more decimals rounded as a {@link #quantity}
     * ("median mean correlation 0.914870947886" reads "0.915"); ids, versions and shorter numbers are
     * left as they are. The step's files keep the full message.
     */
    public static String inText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LONG_DECIMAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(quantity(Double.parseDouble(m.group()))));
        }
        return m.appendTail(out).toString();
    }

    /** A decimal number with four or more decimals, not part of a longer token (an id or a version). */
    private static final Pattern LONG_DECIMAL =
            Pattern.compile("(?<![\\w.])-?\\d+\\.\\d{4,}(?:[eE][-+]?\\d+)?(?![\\w.])");

    /** Any other quantity: three significant digits, trailing zeros dropped. */
    public static String quantity(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "NA";
        }
        if (x == 0) {
            return "0";
        }
        double magnitude = Math.abs(x);
        if (magnitude >= 1e6 || magnitude < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", x).replaceAll("\\.?0+e", "e");
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
        return Markup.trimmed(new java.math.BigDecimal(x).round(new java.math.MathContext(3)).doubleValue(), decimals);
    }
}
