package org.exprflow.count;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;

import org.exprflow.io.AtomicOutput;

/**
 * The count table: features x samples, as {@code exprflow import --format tsv} reads it
 * ({@code data.FeatureMatrixText}'s layout: a header {@code feature<TAB>sample...}, then one row
 * per feature with integer counts). Bins and regions are named chrom:start-end (0-based,
 * half-open), the LOCUS ids of the peaks steps' datasets; genes by their gene_id. Every feature
 * has a row, zeros included, in feature order. Gzipped (deterministic bytes) when the name ends
 * in .gz. Streamed, so a genome-wide bin table is never built as one string.
 */
final class CountTableWriter {
    static final String CORNER = "feature";

    private CountTableWriter() {
    }

    static void write(Path target, CountFeatures features, List<String> samples, long[][] counts) throws IOException {
        AtomicOutput.TextBody body = out -> rows(out, features, samples, counts);
        if (target.getFileName().toString().endsWith(".gz")) {
            AtomicOutput.writeGzipText(target, Deflater.BEST_SPEED, body);
        } else {
            AtomicOutput.writeText(target, body);
        }
    }

    private static void rows(Writer out, CountFeatures features, List<String> samples, long[][] counts) throws IOException {
        StringBuilder row = new StringBuilder(CORNER);
        for (String s : samples) {
            row.append('\t').append(s);
        }
        out.write(row.append('\n').toString());
        for (int f = 0; f < features.size(); f++) {
            row.setLength(0);
            row.append(features.id(f));
            for (long[] sample : counts) {
                row.append('\t').append(sample[f]);
            }
            out.write(row.append('\n').toString());
        }
    }
}
