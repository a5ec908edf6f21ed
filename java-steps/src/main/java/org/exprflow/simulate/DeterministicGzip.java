package org.exprflow.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.exprflow.io.AtomicOutput;

/**
 * Writes a gzip-compressed text file atomically. java.util.zip.GZIPOutputStream writes a fixed
 * header (no file name, modification time 0, OS byte 0xff), unlike the gzip tool, which stores the
 * name and mtime; so the same text always gives the same compressed bytes and committed test data
 * can be compared with cmp.
 */
final class DeterministicGzip {
    private DeterministicGzip() {
    }

    static void writeText(Path target, AtomicOutput.TextBody body) throws IOException {
        AtomicOutput.writeBytes(target, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
            Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
            body.write(writer);
            writer.flush();
            gzip.finish();
        });
    }
}
