package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Evaluate's gene-selection table ({@code --output-selection}, kind {@code gene-selection}): how many
 * outer-CV fold models selected each feature, most often selected first, then by id.
 *
 * <pre>
 * feature  folds  fraction
 * M27891   5      1
 * </pre>
 */
public final class GeneSelectionTable {
    public static final String KIND = "gene-selection";

    public record Row(String feature, int folds, double fraction) {
    }

    public static final StepTable<Row> CODEC = StepTable.of(KIND, 1, List.of("feature", "folds", "fraction"),
            (r, c) -> c.text(r.feature()).integer(r.folds()).number(r.fraction()),
            line -> new Row(line.text(0), line.integer(1), line.number(2)));

    private GeneSelectionTable() {
    }

    /** Writes the rows in the order given (the caller's ranking). */
    public static void write(Path path, List<Row> rows) throws IOException {
        CODEC.write(path, rows);
    }

    public static List<Row> read(Path path) {
        return CODEC.read(path).rows();
    }
}
