package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.io.TextInput;

/**
 * Reads a CuMiDa CSV: header {@code samples,type,<probe>...}, then one row per sample with its GEO
 * accession, its class in {@code type}, and one value per probe. The class becomes the target
 * "label". CuMiDa files are wide (22,283 probes per row for HG-U133A series), so rows are parsed in
 * place ({@link DelimitedLine}) while a background thread reads ahead ({@link PrefetchedLines}).
 */
public final class CumidaCsvReader {
    private CumidaCsvReader() {
    }

    public static Dataset read(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw UserException.badFile(file, "is empty");
            }
            DelimitedLine cells = new DelimitedLine(DelimitedLine.delimiterOf(headerLine)).reset(headerLine);
            if (cells.size() < 3 || !cells.text(0).strip().equalsIgnoreCase("samples")
                    || !cells.text(1).strip().equalsIgnoreCase("type")) {
                throw in.error("not a CuMiDa header: expected 'samples,type,<probe>...'");
            }
            int width = cells.size();
            List<String> probes = new ArrayList<>(width - 2);
            for (int c = 2; c < width; c++) {
                probes.add(cells.text(c).strip());
            }
            List<String> samples = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            Map<String, Long> sampleLines = new HashMap<>();
            try (PrefetchedLines lines = new PrefetchedLines(in)) {
                String line;
                while ((line = lines.next()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    long lineNumber = lines.lineNumber();
                    cells.reset(line);
                    if (cells.size() != width) {
                        throw UserException.badLine(file, lineNumber, "row has " + cells.size()
                                + " fields, the header has " + width);
                    }
                    String sample = cells.text(0).strip();
                    if (sample.isEmpty()) {
                        throw UserException.badLine(file, lineNumber, "empty sample id");
                    }
                    Long before = sampleLines.putIfAbsent(sample, lineNumber);
                    if (before != null) {
                        throw UserException.badLine(file, lineNumber, "duplicate sample id '" + sample
                                + "' (first on line " + before + ")");
                    }
                    double[] row = new double[width - 2];
                    for (int c = 2; c < width; c++) {
                        try {
                            row[c - 2] = cells.number(c);
                        } catch (NumberFormatException e) {
                            throw UserException.badLine(file, lineNumber, "sample '" + sample + "', probe '"
                                    + probes.get(c - 2) + "' (column " + (c + 1) + "): '" + cells.text(c)
                                    + "' is not a number");
                        }
                    }
                    samples.add(sample);
                    labels.add(cells.text(1).strip());
                    rows.add(row);
                }
            }
            if (samples.isEmpty()) {
                throw UserException.badFile(file, "has a header but no sample rows");
            }
            return new Dataset(file.getFileName().toString(), samples, probes, FeatureIdType.guess(probes),
                    rows.toArray(new double[0][]), Map.of(),
                    List.of(Target.nominal(GeoSampleLabels.TARGET_NAME, labels)));
        }
    }
}
