package org.exprflow.ingest;

import java.nio.file.Path;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.io.TextInput;

/**
 * The checks every count read from a file passes, with the error at the value's line: a count is a
 * number (not NA), not negative, and, for tools that count whole reads (featureCounts without
 * --fraction, STAR), a whole number. Estimated counts (salmon, kallisto, RSEM) may be fractional
 * and are kept as they are.
 */
final class CountValues {
    private CountValues() {
    }

    /**
     * @param wholeOnly true for featureCounts (without --fraction) and STAR tables
     * @param tool      the tool that wrote the file, for the fractional-count message
     */
    static void require(TextInput in, double value, String text, boolean wholeOnly, String tool, String where) {
        if (Double.isNaN(value)) {
            throw in.error(where + ": '" + text.strip() + "' is not a count (counts cannot be missing)");
        }
        if (value < 0) {
            throw in.error(where + ": negative value " + text.strip());
        }
        if (wholeOnly && value != Math.rint(value)) {
            throw in.error(where + ": fractional count " + text.strip() + " in a " + tool
                    + " table (it counts whole reads; is this the right file or format?)");
        }
    }

    /**
     * Scans a matrix already read for the first value that is not a valid count, for inputs whose
     * kind is decided after reading (a plain matrix given --value-kind counts). Reports the feature
     * and sample, since the line is no longer known.
     */
    static void requireAll(Path file, Dataset data) {
        java.util.List<String> samples = data.sampleIds();
        java.util.List<String> features = data.featureIds();
        for (int s = 0; s < data.sampleCount(); s++) {
            double[] row = data.row(s);
            for (int f = 0; f < row.length; f++) {
                double v = row[f];
                if (Double.isNaN(v) || v < 0) {
                    throw UserException.badFile(file, "feature '" + features.get(f) + "', sample '" + samples.get(s)
                            + "': " + (Double.isNaN(v) ? "a missing value" : "negative value " + v)
                            + " cannot be a count (--value-kind counts)");
                }
            }
        }
    }

    /** True when every value is a non-negative whole number (no NA): what a raw count matrix holds. */
    static boolean allWholeNonNegative(Dataset data) {
        for (int s = 0; s < data.sampleCount(); s++) {
            for (double v : data.row(s)) {
                if (!(v >= 0) || v != Math.rint(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
