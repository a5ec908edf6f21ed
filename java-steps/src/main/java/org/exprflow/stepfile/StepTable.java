package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * The one codec of the tab-separated files that pass between steps (in the spirit of htsjdk's
 * MetricsFile): a table declares its kind, its format version and its columns once, and every
 * table is written and read the same way.
 *
 * <pre>
 * ## exprflow splits 1
 * sample  partition  repeat  fold
 * S01     train      1       3
 * </pre>
 * The first line says what the file is, so no reader ever guesses a file's kind from its column
 * names; the header and the rows follow as they always were. Numbers are written with
 * {@link Canonical#number}, rows in the order the caller gives (each table sorts its own rows), so
 * two runs write the same bytes.
 *
 * <p>Reading rejects, as one-line user errors naming the file and line (exit 3): another kind, a
 * format version newer than this codec knows, a missing or misplaced column, a row with too few or
 * too many fields. A file written by an exprflow from before the kind line (no {@code ##} first
 * line, its header first) is read as format version 0: its header is checked as before, so the
 * intermediate files of an older run still read.
 *
 * @param <R> the row record of the table
 */
public final class StepTable<R> {
    /** The start of every step file's first line. */
    public static final String KIND_PREFIX = "## exprflow ";
    /** The version given to a file from before the kind line. */
    public static final int LEGACY_VERSION = 0;

    /** Turns one row into its cells, in column order. */
    @FunctionalInterface
    public interface Encoder<R> {
        void encode(R row, Cells cells);
    }

    /** Turns one line's fields into a row; its checks report through {@link Line}. */
    @FunctionalInterface
    public interface Decoder<R> {
        R decode(Line line);
    }

    /** What was read: the file's format version (0 without a kind line), its header and its rows. */
    public record Contents<R>(int version, List<String> header, List<R> rows) {
        /** The header's columns after the declared ones (e.g. the prob:CLASS columns of predictions). */
        public List<String> extraColumns(StepTable<R> table) {
            return header.subList(table.columns.size(), header.size());
        }
    }

    private final String kind;
    private final int version;
    private final List<String> columns;
    private final Predicate<String> extraColumn;
    private final String extraDescription;
    private final Encoder<R> encoder;
    private final Decoder<R> decoder;

    private StepTable(String kind, int version, List<String> columns, Predicate<String> extraColumn, String extraDescription,
                      Encoder<R> encoder, Decoder<R> decoder) {
        this.kind = kind;
        this.version = version;
        this.columns = List.copyOf(columns);
        this.extraColumn = extraColumn;
        this.extraDescription = extraDescription;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** A table with exactly these columns. */
    public static <R> StepTable<R> of(String kind, int version, List<String> columns, Encoder<R> encoder, Decoder<R> decoder) {
        if (kind.isEmpty() || kind.contains(" ") || version < 1) {
            throw new IllegalArgumentException("kind '" + kind + "' version " + version);
        }
        return new StepTable<>(kind, version, columns, c -> false, null, encoder, decoder);
    }

    /**
     * The same table, also allowing columns after the declared ones when they pass the test (the
     * writer names them); {@code description} says what they must be, for the error message.
     */
    public StepTable<R> withExtraColumns(Predicate<String> allowed, String description) {
        return new StepTable<>(kind, version, columns, allowed, description, encoder, decoder);
    }

    public String kind() {
        return kind;
    }

    public int version() {
        return version;
    }

    public List<String> columns() {
        return columns;
    }

    /** The first line of every file of this kind. */
    public String kindLine() {
        return KIND_PREFIX + kind + " " + version;
    }

    /** Writes the kind line, the header (declared columns, then the extra ones) and the rows, atomically. */
    public void write(Path path, List<String> extraColumns, List<R> rows) throws IOException {
        AtomicOutput.writeText(path, w -> render(w, extraColumns, rows));
    }

    public void write(Path path, List<R> rows) throws IOException {
        write(path, List.of(), rows);
    }

    /** The file's text, for a step that writes several outputs together. */
    public String render(List<String> extraColumns, List<R> rows) {
        StringBuilder sb = new StringBuilder();
        try {
            render(sb, extraColumns, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    public String render(List<R> rows) {
        return render(List.of(), rows);
    }

    private void render(Appendable out, List<String> extraColumns, List<R> rows) throws IOException {
        for (String c : extraColumns) {
            if (!extraColumn.test(c)) {
                throw new IllegalArgumentException(kind + ": column '" + c + "' is not allowed");
            }
        }
        out.append(kindLine()).append('\n');
        List<String> header = new ArrayList<>(columns);
        header.addAll(extraColumns);
        out.append(String.join("\t", header)).append('\n');
        Cells cells = new Cells();
        for (R r : rows) {
            cells.line.setLength(0);
            encoder.encode(r, cells);
            if (cells.line.length() > 0) {
                cells.line.setLength(cells.line.length() - 1); // the tab after the last cell
            }
            out.append(cells.line).append('\n');
        }
    }

    /** Reads a file of this kind (plain or gzip), checking the kind line, the header and every row's field count. */
    public Contents<R> read(Path path) {
        return read(path, decoder);
    }

    /**
     * Reads with a decoder made for this one read, for checks across rows that must still name the
     * line (e.g. a key that repeats an earlier row).
     */
    public Contents<R> read(Path path, Decoder<R> decoder) {
        try (TextInput in = TextInput.open(path)) {
            String first = in.readLine();
            if (first == null) {
                throw UserException.badFile(path, "empty file, expected an exprflow " + kind + " table");
            }
            int fileVersion;
            String headerLine;
            if (first.startsWith("##")) {
                fileVersion = checkKindLine(in, first);
                headerLine = in.readLine();
                if (headerLine == null) {
                    throw UserException.badLine(path, 2, "no header line after the kind line");
                }
            } else {
                fileVersion = LEGACY_VERSION;
                headerLine = first;
            }
            List<String> header = Fields.split(headerLine, '\t');
            checkHeader(in, header, fileVersion);
            Line line = new Line(in, header);
            List<R> rows = new ArrayList<>();
            String text;
            while ((text = in.readLine()) != null) {
                if (text.isEmpty()) {
                    continue;
                }
                line.fields = Fields.split(text, '\t');
                if (line.fields.size() != header.size()) {
                    throw in.error("expected " + header.size() + " fields, found " + line.fields.size());
                }
                rows.add(decoder.decode(line));
            }
            return new Contents<>(fileVersion, List.copyOf(header), rows);
        }
    }

    private int checkKindLine(TextInput in, String first) {
        if (!first.startsWith(KIND_PREFIX)) {
            throw in.error("not an exprflow " + kind + " table (expected the first line '" + kindLine() + "')");
        }
        String[] parts = first.substring(KIND_PREFIX.length()).split(" ", -1);
        int fileVersion;
        try {
            fileVersion = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            fileVersion = -1;
        }
        if (fileVersion < 1) {
            throw in.error("malformed kind line '" + first + "' (expected '## exprflow <kind> <version>')");
        }
        if (!parts[0].equals(kind)) {
            throw in.error("this is an exprflow " + parts[0] + " table, expected " + kind);
        }
        if (fileVersion > version) {
            throw in.error(kind + " format version " + fileVersion + " is newer than this exprflow reads (up to "
                    + version + "); use the exprflow that wrote it or a newer one");
        }
        return fileVersion;
    }

    private void checkHeader(TextInput in, List<String> header, int fileVersion) {
        if (fileVersion == LEGACY_VERSION && (header.isEmpty() || !header.get(0).equals(columns.get(0)))) {
            throw in.error("not an exprflow " + kind + " table (expected the first line '" + kindLine() + "' or the header: "
                    + String.join(", ", columns) + ")");
        }
        for (int i = 0; i < columns.size(); i++) {
            String want = columns.get(i);
            if (i < header.size() && header.get(i).equals(want)) {
                continue;
            }
            if (!header.contains(want)) {
                throw in.error("missing column '" + want + "' (" + kind + " columns: " + String.join(", ", columns) + ")");
            }
            throw in.error("column " + (i + 1) + " must be '" + want + "', found '" + (i < header.size() ? header.get(i) : "") + "'");
        }
        for (int i = columns.size(); i < header.size(); i++) {
            if (!extraColumn.test(header.get(i))) {
                throw in.error("column " + (i + 1) + " '" + header.get(i) + "' is not an " + kind + " column"
                        + (extraDescription == null ? "" : " (after " + columns.get(columns.size() - 1) + " come " + extraDescription + ")"));
            }
        }
    }

    /**
     * The kind named by a file's first line, or null when it has none (a file from before the kind
     * line, or not a step file: e.g. JSON). For steps that take several kinds through one option.
     */
    public static String kindOf(Path path) {
        try (TextInput in = TextInput.open(path)) {
            String first = in.readLine();
            if (first == null || !first.startsWith(KIND_PREFIX)) {
                return null;
            }
            String rest = first.substring(KIND_PREFIX.length());
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(0, space);
        }
    }

    /** The cells of one row being written: each followed by a tab, the last one trimmed. */
    public static final class Cells {
        private final StringBuilder line = new StringBuilder();

        /**
         * Text as it is, unless it holds a double quote or a tab: then quoted CSV-style ("" for a
         * quote), which is what the reader ({@link Fields#split}) undoes. A Weka learner's canonical
         * options quote nested classes ({@code -K "...PolyKernel -E 1.0"}).
         */
        public Cells text(String s) {
            if (s.indexOf('"') >= 0 || s.indexOf('\t') >= 0) {
                line.append('"').append(s.replace("\"", "\"\"")).append('"').append('\t');
            } else {
                line.append(s).append('\t');
            }
            return this;
        }

        public Cells integer(long v) {
            line.append(v).append('\t');
            return this;
        }

        /** A number through {@link Canonical#number} (NA for NaN). */
        public Cells number(double v) {
            line.append(Canonical.number(v)).append('\t');
            return this;
        }
    }

    /** The fields of the line being read, with typed access whose errors name the file, line and column. */
    public static final class Line {
        private final TextInput in;
        private final List<String> header;
        private List<String> fields;

        private Line(TextInput in, List<String> header) {
            this.in = in;
            this.header = header;
        }

        public List<String> header() {
            return header;
        }

        public int size() {
            return fields.size();
        }

        public String text(int column) {
            return fields.get(column);
        }

        public int integer(int column) {
            try {
                return Integer.parseInt(fields.get(column));
            } catch (NumberFormatException e) {
                throw error(header.get(column) + " must be an integer, found '" + fields.get(column) + "'");
            }
        }

        /** A number or NA (NaN). */
        public double number(int column) {
            Double v = Fields.parseNumber(fields.get(column));
            if (v == null) {
                throw error(header.get(column) + " must be a number or NA, found '" + fields.get(column) + "'");
            }
            return v;
        }

        /** A user error about this line. */
        public UserException error(String problem) {
            return in.error(problem);
        }
    }
}
