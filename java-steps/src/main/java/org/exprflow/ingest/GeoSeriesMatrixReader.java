package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * Reads a GEO series matrix file. The header block has one {@code !Sample_<field>} line per field
 * with one tab-separated, double-quoted value per sample; {@code !Sample_characteristics_ch1} lines
 * repeat and hold {@code key: value} pairs. The probe x sample table sits between
 * {@code !series_matrix_table_begin} and {@code !series_matrix_table_end}, headed by
 * {@code ID_REF} and the GSM accessions. Title, source name and every characteristics key are kept
 * as annotation columns; labels come from {@link GeoSampleLabels}.
 */
public final class GeoSeriesMatrixReader {
    private static final String TABLE_BEGIN = "!series_matrix_table_begin";
    private static final String TABLE_END = "!series_matrix_table_end";
    private static final String CHARACTERISTICS = "characteristics_ch";

    private GeoSeriesMatrixReader() {
    }

    public static Dataset read(Path file, ReaderOptions options) {
        try (TextInput in = TextInput.open(file)) {
            int sampleCount = -1;
            List<Map<String, String>> fields = null;
            List<Map<String, String>> characteristics = null;
            Set<String> characteristicKeys = new LinkedHashSet<>();
            List<String> accessions = null;
            String line;
            boolean sawAnyLine = false;
            while ((line = in.readLine()) != null) {
                sawAnyLine = true;
                if (line.startsWith(TABLE_BEGIN)) {
                    break;
                }
                if (!line.startsWith("!Sample_")) {
                    continue;
                }
                List<String> cells = Fields.split(line, '\t');
                String field = GeoSampleLabels.fieldName(cells.get(0));
                List<String> values = cells.subList(1, cells.size());
                if (sampleCount < 0) {
                    sampleCount = values.size();
                    fields = newMaps(sampleCount);
                    characteristics = newMaps(sampleCount);
                } else if (values.size() != sampleCount) {
                    throw in.error(cells.get(0) + " has " + values.size() + " values, earlier !Sample_ lines have "
                            + sampleCount);
                }
                for (int s = 0; s < sampleCount; s++) {
                    String v = values.get(s).strip();
                    fields.get(s).merge(field, v, (a, b) -> a + "; " + b);
                    if (field.startsWith(CHARACTERISTICS) && !v.isEmpty()) {
                        int colon = v.indexOf(':');
                        String key = colon > 0 ? v.substring(0, colon).strip() : field;
                        String value = colon > 0 ? v.substring(colon + 1).strip() : v;
                        characteristics.get(s).putIfAbsent(key, value);
                        characteristicKeys.add(key);
                    }
                }
                if (field.equals("geo_accession")) {
                    accessions = values.stream().map(String::strip).toList();
                }
            }
            if (!sawAnyLine) {
                throw UserException.badFile(file, "is empty");
            }
            if (line == null) {
                throw UserException.badLine(file, in.lineNumber(), "file ends without " + TABLE_BEGIN);
            }
            String header = in.readLine();
            if (header == null) {
                throw UserException.badLine(file, in.lineNumber(), "file ends right after " + TABLE_BEGIN);
            }
            DelimitedLine cells = new DelimitedLine('\t').reset(header);
            if (!cells.text(0).strip().equals("ID_REF")) {
                throw in.error("table header must start with ID_REF, found '" + cells.text(0) + "'");
            }
            int width = cells.size();
            List<String> samples = new ArrayList<>(width - 1);
            for (int c = 1; c < width; c++) {
                samples.add(cells.text(c).strip());
            }
            SampleIds.requireUniqueInHeader(samples, file, in.lineNumber(), 2);
            if (sampleCount >= 0 && sampleCount != samples.size()) {
                throw in.error("table has " + samples.size() + " sample columns, the !Sample_ lines describe "
                        + sampleCount + " samples");
            }
            if (accessions != null) {
                for (int s = 0; s < samples.size(); s++) {
                    if (!samples.get(s).equals(accessions.get(s))) {
                        throw in.error("column " + (s + 2) + " is '" + samples.get(s)
                                + "' but !Sample_geo_accession gives '" + accessions.get(s) + "'");
                    }
                }
            }
            if (fields == null) {
                fields = newMaps(samples.size());
                characteristics = newMaps(samples.size());
            }
            FeatureRows table = GeoTableBody.read(in, cells, file, width, 1, samples, TABLE_END, "series matrix");
            Map<String, List<String>> annotations = new LinkedHashMap<>();
            annotations.put("title", column(fields, "title"));
            annotations.put("source_name_ch1", column(fields, "source_name_ch1"));
            for (String key : characteristicKeys) {
                annotations.putIfAbsent(key, column(characteristics, key));
            }
            Target label = GeoSampleLabels.labels(file, fields, characteristics, options);
            return new Dataset(file.getFileName().toString(), samples, table.featureIds(),
                    FeatureIdType.guess(table.featureIds()), table.sampleMajor(), annotations,
                    label == null ? List.of() : List.of(label));
        }
    }

    private static List<Map<String, String>> newMaps(int n) {
        List<Map<String, String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new LinkedHashMap<>());
        }
        return out;
    }

    private static List<String> column(List<Map<String, String>> perSample, String key) {
        List<String> out = new ArrayList<>(perSample.size());
        for (Map<String, String> m : perSample) {
            out.add(m.get(key));
        }
        return out;
    }
}
