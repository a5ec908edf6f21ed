package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * Reads the probe rows of a GEO value table (series matrix or GDS SOFT) up to its end marker: the
 * probe id in the first column, one numeric column per sample from {@code firstValueColumn} on.
 * A row of the wrong width, a non-numeric cell, a missing end marker (a truncated download) or an
 * empty table is a one-line error naming the file and line.
 */
final class GeoTableBody {
    private GeoTableBody() {
    }

    static FeatureRows read(TextInput in, DelimitedLine cells, Path file, int width, int firstValueColumn,
                            List<String> sampleIds, String endMarker, String tableName) {
        FeatureRows table = new FeatureRows(sampleIds.size());
        boolean ended = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(endMarker)) {
                ended = true;
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            cells.reset(line);
            if (cells.size() != width) {
                throw in.error("row has " + cells.size() + " fields, the table header has " + width);
            }
            String probe = cells.text(0).strip();
            double[] row = table.add(probe);
            for (int c = firstValueColumn; c < width; c++) {
                try {
                    row[c - firstValueColumn] = cells.number(c);
                } catch (NumberFormatException e) {
                    throw in.error("probe '" + probe + "', sample '" + sampleIds.get(c - firstValueColumn) + "': '"
                            + cells.text(c) + "' is not a number");
                }
            }
        }
        if (!ended) {
            throw UserException.badLine(file, in.lineNumber(), "file ends without " + endMarker + " (truncated download?)");
        }
        if (table.featureCount() == 0) {
            throw UserException.badFile(file, "the " + tableName + " table has no rows");
        }
        return table;
    }
}
