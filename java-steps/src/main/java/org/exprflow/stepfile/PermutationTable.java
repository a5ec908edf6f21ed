package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The permutation test's chunk file, written by permute and read by evaluate: the scores of the
 * nested cross-validation run on permuted labels, one row per permutation (kind {@code permutations}).
 *
 * <pre>
 * permutation  balanced_accuracy  accuracy
 * 1            0.4823             0.5263
 * </pre>
 */
public final class PermutationTable {
    public static final String KIND = "permutations";

    public record Row(int permutation, double balancedAccuracy, double accuracy) {
    }

    public static final StepTable<Row> CODEC = StepTable.of(KIND, 1, List.of("permutation", "balanced_accuracy", "accuracy"),
            (r, c) -> c.integer(r.permutation()).number(r.balancedAccuracy()).number(r.accuracy()),
            PermutationTable::decode);

    private PermutationTable() {
    }

    public static void write(Path path, List<Row> rows) throws IOException {
        CODEC.write(path, rows);
    }

    /** The rows in file order; a balanced accuracy that is NA is an error (the p-value needs every score). */
    public static List<Row> read(Path path) {
        return CODEC.read(path).rows();
    }

    /** One row, checked; public for readers that add checks across rows or files. */
    public static Row decode(StepTable.Line line) {
        int p;
        try {
            p = Integer.parseInt(line.text(0));
        } catch (NumberFormatException e) {
            throw line.error("permutation number '" + line.text(0) + "' is not an integer");
        }
        double balanced = line.number(1);
        if (Double.isNaN(balanced)) {
            throw line.error("balanced accuracy is not a number");
        }
        return new Row(p, balanced, line.number(2));
    }
}
