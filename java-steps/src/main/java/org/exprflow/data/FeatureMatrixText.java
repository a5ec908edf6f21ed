package org.exprflow.data;

import java.io.IOException;
import java.io.Writer;
import java.util.function.DoubleFunction;

/**
 * A dataset as the text matrix {@code exprflow import --format tsv} reads: one row per feature, one
 * column per sample, a header of {@code <corner>} and the sample ids. The caller chooses how numbers
 * are written (fixed decimals for simulated intensities, {@code Canonical.number} for results).
 */
public final class FeatureMatrixText {
    private FeatureMatrixText() {
    }

    public static void write(Writer out, Dataset d, String corner, DoubleFunction<String> number) throws IOException {
        StringBuilder sb = new StringBuilder(corner);
        for (String s : d.sampleIds()) {
            sb.append('\t').append(s);
        }
        out.write(sb.append('\n').toString());
        for (int j = 0; j < d.featureCount(); j++) {
            sb.setLength(0);
            sb.append(d.featureIds().get(j));
            for (int i = 0; i < d.sampleCount(); i++) {
                sb.append('\t').append(number.apply(d.value(i, j)));
            }
            out.write(sb.append('\n').toString());
        }
    }
}
