package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.io.TextInput;

/**
 * Reads a GEO DataSet SOFT file ({@code GDSxxx.soft.gz}). GEO curators group its samples into
 * {@code ^SUBSET} blocks, each with a {@code !subset_type} (e.g. "disease state", "individual"), a
 * {@code !subset_description} (the group's value, e.g. "RCC") and {@code !subset_sample_id}. Every
 * subset type becomes an annotation column, and {@code --label-key <subset type>} makes one the
 * label. The values sit in a table between {@code !dataset_table_begin} and
 * {@code !dataset_table_end}: ID_REF, IDENTIFIER (gene symbol), then one column per GSM.
 */
final class GdsSoftReader {
    private static final String TABLE_BEGIN = "!dataset_table_begin";
    private static final String TABLE_END = "!dataset_table_end";

    private GdsSoftReader() {
    }

    /** One ^SUBSET block. */
    private static final class Subset {
        String type;
        String description;
        List<String> samples = List.of();
        long line;
    }

    static Dataset read(Path file, ReaderOptions options) {
        if (options.labelField() != null) {
            throw UserException.badParameter("--label-field: GDS files have no per-sample fields; use --label-key "
                    + "with a subset type (e.g. \"disease state\")");
        }
        try (TextInput in = TextInput.open(file)) {
            List<Subset> subsets = new ArrayList<>();
            Subset current = null;
            String line;
            while ((line = in.readLine()) != null && !line.startsWith(TABLE_BEGIN)) {
                if (line.startsWith("^")) {
                    current = null;
                    if (line.startsWith("^SUBSET")) {
                        current = new Subset();
                        current.line = in.lineNumber();
                        subsets.add(current);
                    }
                } else if (current != null) {
                    String value = GeoSoftReader.entityId(line);
                    if (line.startsWith("!subset_type")) {
                        current.type = value;
                    } else if (line.startsWith("!subset_description")) {
                        current.description = value;
                    } else if (line.startsWith("!subset_sample_id")) {
                        current.samples = List.of(value.split("\\s*,\\s*"));
                    }
                }
            }
            if (line == null) {
                throw UserException.badLine(file, in.lineNumber(), "file ends without " + TABLE_BEGIN);
            }
            String header = in.readLine();
            if (header == null) {
                throw UserException.badLine(file, in.lineNumber(), "file ends right after " + TABLE_BEGIN);
            }
            DelimitedLine cells = new DelimitedLine('\t').reset(header);
            if (cells.size() < 3 || !cells.text(0).strip().equals("ID_REF") || !cells.text(1).strip().equals("IDENTIFIER")) {
                throw in.error("table header must be ID_REF, IDENTIFIER, then one column per sample");
            }
            int width = cells.size();
            List<String> sampleIds = new ArrayList<>();
            for (int c = 2; c < width; c++) {
                sampleIds.add(cells.text(c).strip());
            }
            SampleIds.requireUniqueInHeader(sampleIds, file, in.lineNumber(), 3);
            FeatureRows table = GeoTableBody.read(in, cells, file, width, 2, sampleIds, TABLE_END, "dataset");
            List<Map<String, String>> subsetValues = subsetValues(file, subsets, sampleIds);
            Set<String> types = new LinkedHashSet<>();
            subsets.forEach(s -> types.add(s.type));
            Map<String, List<String>> annotations = new LinkedHashMap<>();
            for (String type : types) {
                annotations.put(type, subsetValues.stream().map(m -> m.get(type)).toList());
            }
            List<Map<String, String>> noFields = subsetValues.stream().map(m -> Map.<String, String>of()).toList();
            Target label = GeoSampleLabels.labels(file, noFields, subsetValues, options);
            return new Dataset(file.getFileName().toString(), sampleIds, table.featureIds(),
                    FeatureIdType.guess(table.featureIds()), table.sampleMajor(), annotations,
                    label == null ? List.of() : List.of(label));
        }
    }

    /** Per sample (in table order): subset type to description. */
    private static List<Map<String, String>> subsetValues(Path file, List<Subset> subsets, List<String> sampleIds) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sampleIds.size(); i++) {
            index.put(sampleIds.get(i), i);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < sampleIds.size(); i++) {
            out.add(new LinkedHashMap<>());
        }
        for (Subset subset : subsets) {
            if (subset.type == null || subset.description == null) {
                throw UserException.badLine(file, subset.line, "^SUBSET block lacks !subset_type or !subset_description");
            }
            for (String sample : subset.samples) {
                Integer i = index.get(sample);
                if (i == null) {
                    throw UserException.badLine(file, subset.line, "subset names sample '" + sample
                            + "', which has no column in the dataset table");
                }
                // a sample in two subsets of one type keeps both descriptions rather than silently losing one
                out.get(i).merge(subset.type, subset.description, (a, b) -> a + "; " + b);
            }
        }
        return out;
    }
}
