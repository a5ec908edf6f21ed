package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * Reads one sample's transcript quantification: salmon's {@code quant.sf} (Name, Length,
 * EffectiveLength, TPM, NumReads) or kallisto's {@code abundance.tsv} (target_id, length,
 * eff_length, est_counts, tpm). Columns are found by name, as tximport finds them. Estimated counts
 * are fractional and kept; negative or missing values are errors at their line.
 */
public final class TranscriptQuantReader {
    /** The tool's column names: id, effective length, abundance (TPM), estimated counts. */
    public enum Layout {
        SALMON("salmon", "Name", "EffectiveLength", "TPM", "NumReads"),
        KALLISTO("kallisto", "target_id", "eff_length", "tpm", "est_counts");

        final String tool;
        final String id;
        final String length;
        final String abundance;
        final String counts;

        Layout(String tool, String id, String length, String abundance, String counts) {
            this.tool = tool;
            this.id = id;
            this.length = length;
            this.abundance = abundance;
            this.counts = counts;
        }

        boolean matches(List<String> header) {
            return header.size() >= 4 && header.get(0).equals(id) && header.contains(length) && header.contains(abundance)
                    && header.contains(counts);
        }
    }

    /** One sample's transcripts: ids, effective lengths, TPM and estimated counts, file order. */
    public record TranscriptQuant(Path file, List<String> ids, double[] length, double[] abundance, double[] counts) {
    }

    private TranscriptQuantReader() {
    }

    public static TranscriptQuant read(Path file, Layout layout) {
        try (TextInput in = TextInput.open(file)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw UserException.badFile(file, "is empty");
            }
            DelimitedLine cells = new DelimitedLine('\t').reset(headerLine);
            List<String> header = cells.strippedCells();
            if (!layout.matches(header)) {
                throw in.error("expected a " + layout.tool + " header with columns " + layout.id + ", " + layout.length
                        + ", " + layout.abundance + ", " + layout.counts + "; found " + String.join(", ", header));
            }
            int width = header.size();
            int lengthColumn = header.indexOf(layout.length);
            int abundanceColumn = header.indexOf(layout.abundance);
            int countsColumn = header.indexOf(layout.counts);
            List<String> ids = new ArrayList<>();
            DoubleColumn length = new DoubleColumn();
            DoubleColumn abundance = new DoubleColumn();
            DoubleColumn counts = new DoubleColumn();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                cells.reset(line);
                if (cells.size() != width) {
                    throw in.error("row has " + cells.size() + " fields, the header has " + width);
                }
                String id = cells.text(0).strip();
                if (id.isEmpty()) {
                    throw in.error("empty transcript id");
                }
                ids.add(id);
                length.add(value(in, cells, lengthColumn, id, layout.length, layout));
                abundance.add(value(in, cells, abundanceColumn, id, layout.abundance, layout));
                counts.add(value(in, cells, countsColumn, id, layout.counts, layout));
            }
            if (ids.isEmpty()) {
                throw UserException.badFile(file, "has a header but no transcript rows");
            }
            return new TranscriptQuant(file, ids, length.toArray(), abundance.toArray(), counts.toArray());
        }
    }

    private static double value(TextInput in, DelimitedLine cells, int column, String id, String name, Layout layout) {
        String where = "transcript '" + id + "', " + name;
        double v;
        try {
            v = cells.number(column);
        } catch (NumberFormatException e) {
            throw in.error(where + ": '" + cells.text(column) + "' is not a number");
        }
        CountValues.require(in, v, cells.text(column), false, layout.tool, where);
        return v;
    }

    /** A growable double array: 200,000 transcripts per file, no boxing. */
    static final class DoubleColumn {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
