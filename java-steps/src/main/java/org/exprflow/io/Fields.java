package org.exprflow.io;

import java.util.ArrayList;
import java.util.List;

/** Splitting of delimited lines, and parsing of numeric cells with the NA spellings of R and GEO. */
public final class Fields {
    private Fields() {
    }

    /**
     * Splits on a single-character delimiter. Double-quoted fields (CSV style, with "" as an escaped
     * quote) are unquoted; unquoted fields are returned as they are. Trailing empty fields are kept,
     * so a ragged row is detected by its field count.
     */
    public static List<String> split(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        if (line.indexOf('"') < 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (line.charAt(i) == delimiter) {
                    out.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            out.add(line.substring(start));
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Removes one pair of surrounding double quotes, if present. */
    public static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            return t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return t;
    }

    /** True for the spellings of a missing value found in R, GEO and spreadsheet exports. */
    public static boolean isMissing(String cell) {
        String s = cell.trim();
        return s.isEmpty() || s.equals("NA") || s.equals("NaN") || s.equals("nan") || s.equals("null")
                || s.equals("NULL") || s.equals("?") || s.equals("-") || s.equals("#N/A") || s.equals("N/A");
    }

    /**
     * Parses a numeric cell; missing spellings give NaN. Returns null when the cell is not a number,
     * so that the caller can raise an error naming its own file and line.
     */
    public static Double parseNumber(String cell) {
        if (isMissing(cell)) {
            return Double.NaN;
        }
        // strip(), not trim(): trim would also drop NUL and other control bytes of a binary file
        String s = cell.strip();
        char c0 = s.charAt(0);
        // Double.parseDouble also accepts "Infinity", hex floats and Java suffixes such as "1f" or "2d";
        // expression values are never written that way, so such cells are reported as non-numeric.
        char last = s.charAt(s.length() - 1);
        if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')
                || !(Character.isDigit(last) || last == '.') || s.indexOf('x') >= 0 || s.indexOf('X') >= 0) {
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
