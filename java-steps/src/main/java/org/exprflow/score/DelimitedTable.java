package org.exprflow.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * A small delimited text file (plain or gzip) split into cells, with the 1-based line number of every
 * row so that later checks can name the line. Blank lines are skipped. The delimiter is detected
 * from the first {@value #SNIFF_LINES} non-blank lines: the first of tab, comma and whitespace that
 * splits all of them into the same number (at least two) of columns; failing that, the first that
 * splits the first two lines alike. Requiring the same count is what tells a CSV whose ids contain
 * spaces from a whitespace table, and every row must keep that count, so a mis-detected or ragged
 * file fails at its first bad line instead of silently shifting columns. Whether the first row is a header is decided by the caller,
 * which knows what its columns should contain.
 */
final class DelimitedTable {
    static final int SNIFF_LINES = 50;

    private final Path path;
    private final Delimiter delimiter;
    private final int columns;
    private final List<List<String>> rows;
    private final long[] lineNumbers;

    private DelimitedTable(Path path, Delimiter delimiter, int columns, List<List<String>> rows, long[] lineNumbers) {
        this.path = path;
        this.delimiter = delimiter;
        this.columns = columns;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    static DelimitedTable read(Path path) {
        List<String> texts = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (TextInput in = TextInput.open(path)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    texts.add(line);
                    numbers.add(in.lineNumber());
                }
            }
        }
        if (texts.isEmpty()) {
            throw UserException.badFile(path, "is empty");
        }
        Delimiter delimiter = detect(path, texts, numbers.get(0));
        int columns = delimiter.split(texts.get(0)).size();
        List<List<String>> rows = new ArrayList<>(texts.size());
        long[] lineNumbers = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            List<String> cells = delimiter.split(texts.get(i));
            if (cells.size() != columns) {
                throw UserException.badLine(path, numbers.get(i), "expected " + columns + " " + delimiter.label
                        + "-separated columns (as on line " + numbers.get(0) + "), found " + cells.size());
            }
            rows.add(cells);
            lineNumbers[i] = numbers.get(i);
        }
        return new DelimitedTable(path, delimiter, columns, rows, lineNumbers);
    }

    private static Delimiter detect(Path path, List<String> texts, long firstLine) {
        List<String> sample = texts.subList(0, Math.min(SNIFF_LINES, texts.size()));
        Delimiter fallback = null;
        for (Delimiter d : Delimiter.values()) {
            if (!d.occursIn(sample.get(0))) {
                continue;
            }
            int count = d.split(sample.get(0)).size();
            if (count < 2 || (sample.size() > 1 && d.split(sample.get(1)).size() != count)) {
                continue;
            }
            boolean consistent = true;
            for (int i = 2; i < sample.size() && consistent; i++) {
                consistent = d.split(sample.get(i)).size() == count;
            }
            if (consistent) {
                return d;
            }
            // The first two lines agree but a later one does not: keep the candidate, so that a
            // single ragged line is reported by its number rather than as an undetectable file.
            if (fallback == null) {
                fallback = d;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw UserException.badLine(path, firstLine, "cannot detect the delimiter: the first lines do not split"
                + " into the same number (at least 2) of tab-, comma- or whitespace-separated columns");
    }

    Path path() {
        return path;
    }

    Delimiter delimiter() {
        return delimiter;
    }

    int columns() {
        return columns;
    }

    int rowCount() {
        return rows.size();
    }

    List<String> row(int index) {
        return rows.get(index);
    }

    long lineNumber(int index) {
        return lineNumbers[index];
    }
}
