package org.exprflow.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a file under a temporary name in the same directory and renames it into place only when
 * the writer finished without error. A crash, a kill or a user error therefore never leaves a
 * partial file under the final name, which is what makes Nextflow's -resume and publishDir safe.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    public static void writeBytes(Path target, StreamBody body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeText(Path target, TextBody body) throws IOException {
        writeBytes(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }

    /**
     * UTF-8 text, gzip-compressed at the given level ({@link java.util.zip.Deflater} levels).
     * GZIPOutputStream writes a fixed header (no file name, modification time 0), unlike the gzip
     * tool, so the same text and level always give the same bytes: committed test data and
     * published outputs can be compared with cmp.
     */
    public static void writeGzipText(Path target, int level, TextBody body) throws IOException {
        writeBytes(target, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(level);
                }
            };
            Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
            body.write(writer);
            writer.flush();
            gzip.finish();
        });
    }
}
