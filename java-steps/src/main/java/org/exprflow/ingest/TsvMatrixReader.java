package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.io.TextInput;

/**
 * Reads a feature x sample matrix: a header row whose first cell names the id column (any text, may
 * be empty) followed by the sample ids, then one row per feature with its id and one value per
 * sample. Tab or comma separated, decided by the header line. Labels come from a samplesheet.
 */
public final class TsvMatrixReader {
    private TsvMatrixReader() {
    }

    public static Dataset read(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String headerLine = in.readLine();
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = in.readLine();
            }
            if (headerLine == null) {
                throw UserException.badFile(file, "is empty");
            }
            DelimitedLine cells = new DelimitedLine(DelimitedLine.delimiterOf(headerLine)).reset(headerLine);
            int width = cells.size();
            if (width < 2) {
                throw in.error("header has one column; expected a feature id column and one column per sample "
                        + "(tab or comma separated)");
            }
            List<String> samples = new ArrayList<>(width - 1);
            for (int c = 1; c < width; c++) {
                samples.add(cells.text(c).strip());
            }
            SampleIds.requireUniqueInHeader(samples, file, in.lineNumber(), 2);
            FeatureRows table = new FeatureRows(samples.size());
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                cells.reset(line);
                if (cells.size() != width) {
                    throw in.error("row has " + cells.size() + " fields, the header has " + width);
                }
                String feature = cells.text(0).strip();
                if (feature.isEmpty()) {
                    throw in.error("row has no feature id in its first column");
                }
                double[] row = table.add(feature);
                for (int c = 1; c < width; c++) {
                    try {
                        row[c - 1] = cells.number(c);
                    } catch (NumberFormatException e) {
                        throw in.error("feature '" + feature + "', sample '" + samples.get(c - 1) + "': '"
                                + cells.text(c) + "' is not a number");
                    }
                }
            }
            if (table.featureCount() == 0) {
                throw UserException.badFile(file, "has a header but no feature rows");
            }
            return new Dataset(file.getFileName().toString(), samples, table.featureIds(),
                    FeatureIdType.guess(table.featureIds()), table.sampleMajor(), Map.of(), List.of());
        }
    }
}
