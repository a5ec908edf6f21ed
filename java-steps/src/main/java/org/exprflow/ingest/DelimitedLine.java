package org.exprflow.ingest;

import java.util.Arrays;

import org.exprflow.io.Fields;

/**
 * The cells of one delimited line, found by a single scan that only records cell boundaries.
 * Numbers are then parsed in place by {@link DecimalParser}, so a line of 20,000 values creates no
 * per-cell strings. A cell wrapped in double quotes (quoted probe ids, R's write.csv output) is
 * recorded by the boundaries inside its quotes; only a cell with an escaped quote ("") gets its own
 * string. Quoting follows {@link Fields#split}; a line with a quote inside an unquoted cell is
 * handed to Fields.split as a whole. One instance is reused for every line of a file.
 */
final class DelimitedLine {
    private final char delimiter;
    private String line;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    /** Per cell: its text when it differs from the line region (escaped quotes), else null. */
    private String[] texts = new String[64];
    private int count;

    DelimitedLine(char delimiter) {
        this.delimiter = delimiter;
    }

    /** The delimiter of a header line: tab when it has one, otherwise comma. */
    static char delimiterOf(String headerLine) {
        return headerLine.indexOf('\t') >= 0 ? '\t' : ',';
    }

    DelimitedLine reset(String newLine) {
        line = newLine;
        count = 0;
        int n = newLine.length();
        int i = 0;
        // position of the next double quote at or after i (n when none); searched again only when
        // passed, so that a line without quotes is scanned once and not once per cell
        int quote = quoteFrom(newLine, 0);
        while (true) {
            int end;
            if (i < n && newLine.charAt(i) == '"') {
                end = scanQuoted(newLine, i);
                if (end < 0) {
                    return splitWhole(newLine);
                }
            } else {
                end = newLine.indexOf(delimiter, i);
                if (end < 0) {
                    end = n;
                }
                if (quote < i) {
                    quote = quoteFrom(newLine, i);
                }
                if (quote < end) {
                    return splitWhole(newLine);
                }
                add(i, end, null);
            }
            if (end >= n) {
                return this;
            }
            i = end + 1;
        }
    }

    private static int quoteFrom(String s, int from) {
        int q = s.indexOf('"', from);
        return q < 0 ? s.length() : q;
    }

    /**
     * Records the quoted cell that starts at {@code open}; returns the index of the delimiter (or the
     * line length) after it, or -1 when the cell is not simply "..." followed by a delimiter.
     */
    private int scanQuoted(String s, int open) {
        int n = s.length();
        int j = open + 1;
        boolean escaped = false;
        while (true) {
            int q = s.indexOf('"', j);
            if (q < 0) {
                return -1;
            }
            if (q + 1 < n && s.charAt(q + 1) == '"') {
                escaped = true;
                j = q + 2;
                continue;
            }
            if (q + 1 < n && s.charAt(q + 1) != delimiter) {
                return -1;
            }
            add(open + 1, q, escaped ? s.substring(open + 1, q).replace("\"\"", "\"") : null);
            return q + 1;
        }
    }

    private DelimitedLine splitWhole(String s) {
        count = 0;
        for (String cell : Fields.split(s, delimiter)) {
            add(0, 0, cell);
        }
        return this;
    }

    /** Every cell as text with surrounding white space removed: a header line's column names. */
    java.util.List<String> strippedCells() {
        java.util.List<String> out = new java.util.ArrayList<>(size());
        for (int c = 0; c < size(); c++) {
            out.add(text(c).strip());
        }
        return out;
    }

    int size() {
        return count;
    }

    String text(int cell) {
        String t = texts[cell];
        return t != null ? t : line.substring(starts[cell], ends[cell]);
    }

    /** @throws NumberFormatException when the cell is not a number (see {@link DecimalParser}) */
    double number(int cell) {
        String t = texts[cell];
        return t != null ? DecimalParser.parse(t) : DecimalParser.parse(line, starts[cell], ends[cell]);
    }

    private void add(int start, int end, String text) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            texts = Arrays.copyOf(texts, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        texts[count] = text;
        count++;
    }
}
