package org.exprflow.plot;

import java.util.List;
import java.util.Locale;

/**
 * Text helpers for the HTML report: escaping, and fixed-precision number formatting with the root
 * locale, so a report rendered on a machine with a German or French locale has the same bytes.
 */
public final class Markup {
    /** Colours of classes in ROC curves and legends, in level order (colour-blind-safe Okabe-Ito). */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
            "#F0E442", "#000000");

    private Markup() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number for people to read: {@code digits} decimals, "NA" when undefined. */
    public static String fixed(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "NA";
        }
        String s = String.format(Locale.ROOT, "%." + digits + "f", x);
        // "-0.000" would suggest a sign that rounding removed.
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /**
     * At most {@code digits} decimals, trailing zeros dropped (1000, 0.5, 12.346): for quantities that
     * are whole numbers in some files and fractions in others, such as peak scores and TPM.
     */
    public static String trimmed(double x, int digits) {
        String s = fixed(x, digits);
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * A p-value: three decimals, but two significant digits below 0.001, because a permutation p of
     * 1 / 10001 printed as "0.000" would read as impossible certainty.
     */
    public static String pValue(double p) {
        if (Double.isNaN(p) || Double.isInfinite(p)) {
            return "NA";
        }
        return p >= 0.001 || p == 0 ? fixed(p, 3) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** An SVG coordinate: two decimals are far below a pixel and keep the file small. */
    public static String coord(double x) {
        return fixed(x, 2);
    }

    public static String colour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }
}
