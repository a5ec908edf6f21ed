package org.exprflow.peaks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

/**
 * Writes a text file atomically, gzip-compressed when the name ends in .gz. GZIPOutputStream writes
 * a fixed header (no name, mtime 0), so the same text gives the same bytes and outputs compare with
 * cmp. Compression level 1: bin tables are large and re-read once, so speed matters more than size.
 */
final class TextOutput {
    private TextOutput() {
    }

    static void write(Path target, AtomicOutput.TextBody body) throws IOException {
        if (!target.getFileName().toString().endsWith(".gz")) {
            AtomicOutput.writeText(target, body);
            return;
        }
        AtomicOutput.writeBytes(target, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
            body.write(writer);
            writer.flush();
            gzip.finish();
        });
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
