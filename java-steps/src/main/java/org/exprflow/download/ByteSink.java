package org.exprflow.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a transfer's bytes go. Only appends and a reset to zero are needed: a resumed transfer
 * appends from its current length, and a server that ignores Range makes it start over.
 */
interface ByteSink extends AutoCloseable {
    long length();

    void write(byte[] buffer, int offset, int count) throws IOException;

    void reset() throws IOException;

    @Override
    void close() throws IOException;

    /** A (temporary) file, created empty. */
    static ByteSink toFile(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return new ByteSink() {
            @Override
            public long length() {
                try {
                    return channel.position();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void write(byte[] buffer, int offset, int count) throws IOException {
                ByteBuffer b = ByteBuffer.wrap(buffer, offset, count);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }

            @Override
            public void reset() throws IOException {
                channel.truncate(0);
                channel.position(0);
            }

            @Override
            public void close() throws IOException {
                // A verified file must be on disk before it is renamed into place (shared filesystems).
                channel.force(true);
                channel.close();
            }
        };
    }

    /** Memory, for small metadata documents. */
    static MemorySink inMemory() {
        return new MemorySink();
    }

    final class MemorySink implements ByteSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public long length() {
            return bytes.size();
        }

        @Override
        public void write(byte[] buffer, int offset, int count) {
            bytes.write(buffer, offset, count);
        }

        @Override
        public void reset() {
            bytes.reset();
        }

        @Override
        public void close() {
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
