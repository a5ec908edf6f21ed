package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * Reads a samplesheet: CSV or TSV (decided by the header line) with a header row, one row per
 * sample. The sample column (default {@code sample}) holds ids matching the data file; each label
 * column (default {@code label}; several for multi-label) becomes a nominal target named after the
 * column; every other column (batch, group, split, assay, tissue, ...) becomes an annotation.
 */
public final class SamplesheetReader {
    public static final String DEFAULT_SAMPLE_COLUMN = "sample";
    public static final String DEFAULT_LABEL_COLUMN = "label";

    private SamplesheetReader() {
    }

    /** The column names of the header line. */
    public static List<String> columns(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String header = in.readLine();
            while (header != null && header.isBlank()) {
                header = in.readLine();
            }
            if (header == null) {
                throw UserException.badFile(file, "is empty");
            }
            return Fields.split(header, DelimitedLine.delimiterOf(header)).stream().map(String::strip).toList();
        }
    }

    public static Samplesheet read(Path file, String sampleColumn, List<String> labelColumns) {
        try (TextInput in = TextInput.open(file)) {
            String header = in.readLine();
            while (header != null && header.isBlank()) {
                header = in.readLine();
            }
            if (header == null) {
                throw UserException.badFile(file, "is empty");
            }
            char delimiter = DelimitedLine.delimiterOf(header);
            List<String> columns = Fields.split(header, delimiter).stream().map(String::strip).toList();
            Map<String, Integer> columnIndex = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).isEmpty()) {
                    throw in.error("column " + (c + 1) + " has an empty name");
                }
                Integer before = columnIndex.putIfAbsent(columns.get(c), c);
                if (before != null) {
                    throw in.error("duplicate column name '" + columns.get(c) + "' (columns " + (before + 1) + " and "
                            + (c + 1) + ")");
                }
            }
            int sampleIndex = requireColumn(in, columnIndex, columns, sampleColumn, "--sample-column");
            for (String label : labelColumns) {
                requireColumn(in, columnIndex, columns, label, "--label-column");
                if (label.equals(sampleColumn)) {
                    throw UserException.badParameter("--label-column " + label + " is also the sample column");
                }
            }
            List<String> samples = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = Fields.split(line, delimiter);
                if (cells.size() != columns.size()) {
                    throw in.error("row has " + cells.size() + " fields, the header has " + columns.size());
                }
                String sample = cells.get(sampleIndex).strip();
                if (sample.isEmpty()) {
                    throw in.error("empty sample id in column '" + sampleColumn + "'");
                }
                Long before = seen.putIfAbsent(sample, in.lineNumber());
                if (before != null) {
                    throw in.error("duplicate sample id '" + sample + "' (first on line " + before + ")");
                }
                samples.add(sample);
                lines.add(in.lineNumber());
                rows.add(cells.stream().map(String::strip).toList());
            }
            if (samples.isEmpty()) {
                throw UserException.badFile(file, "has a header but no sample rows");
            }
            Map<String, List<String>> labels = new LinkedHashMap<>();
            Map<String, List<String>> annotations = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                if (c == sampleIndex) {
                    continue;
                }
                final int col = c;
                List<String> values = rows.stream().map(r -> r.get(col)).toList();
                if (labelColumns.contains(columns.get(c))) {
                    labels.put(columns.get(c), values);
                } else {
                    annotations.put(columns.get(c), values);
                }
            }
            // targets follow the order the user gave, so the first --label-column is the primary label
            Map<String, List<String>> orderedLabels = new LinkedHashMap<>();
            labelColumns.forEach(l -> orderedLabels.put(l, labels.get(l)));
            return new Samplesheet(file, samples, lines, orderedLabels, annotations);
        }
    }

    private static int requireColumn(TextInput in, Map<String, Integer> index, List<String> columns, String name,
                                     String option) {
        Integer c = index.get(name);
        if (c == null) {
            throw in.error("no column '" + name + "' (" + option + "); the columns are " + String.join(", ", columns));
        }
        return c;
    }
}
