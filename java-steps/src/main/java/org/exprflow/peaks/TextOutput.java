package org.exprflow.peaks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.Deflater;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

/**
 * Writes a text file atomically, gzip-compressed when the name ends in .gz (deterministic bytes:
 * {@link AtomicOutput#writeGzipText}). Compression level 1: bin tables are large and re-read once,
 * so speed matters more than size.
 */
final class TextOutput {
    private TextOutput() {
    }

    static void write(Path target, AtomicOutput.TextBody body) throws IOException {
        if (target.getFileName().toString().endsWith(".gz")) {
            AtomicOutput.writeGzipText(target, Deflater.BEST_SPEED, body);
        } else {
            AtomicOutput.writeText(target, body);
        }
    }

    /**
     * {@link Canonical#number}, with a fast path for whole numbers (counts, coverage), which it
     * writes identically: bin tables hold millions of them.
     */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Canonical.number(x);
    }
}
