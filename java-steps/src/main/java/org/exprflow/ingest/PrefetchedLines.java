package org.exprflow.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.exprflow.io.TextInput;

/**
 * Reads the lines of a {@link TextInput} on a background thread while the caller parses them, so
 * that decompression and UTF-8 decoding (about half the load time of a wide CuMiDa file) overlap
 * with number parsing. Lines arrive in file order with their line numbers. A read error (e.g. a
 * truncated gzip stream) is thrown by {@link #next()} at its place in the sequence, after every line
 * before it has been handed out, so the first error reported never depends on thread timing.
 */
final class PrefetchedLines implements AutoCloseable {
    private static final int BATCH_LINES = 256;
    private static final int BATCH_CHARS = 1 << 18;

    /** Consecutive lines; {@code error} or {@code last} ends the sequence. */
    private record Batch(List<String> lines, long firstLineNumber, RuntimeException error, boolean last) {
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile boolean closed;
    private Batch current;
    private int position;
    private long lineNumber;
    private boolean finished;

    /** Starts reading after the lines already read from {@code in} (e.g. a header). */
    PrefetchedLines(TextInput in) {
        long firstLineNumber = in.lineNumber() + 1;
        reader = new Thread(() -> readAll(in, firstLineNumber), "exprflow-line-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(TextInput in, long firstLineNumber) {
        try {
            List<String> lines = new ArrayList<>();
            long first = firstLineNumber;
            int chars = 0;
            String line;
            while (!closed && (line = in.readLine()) != null) {
                lines.add(line);
                chars += line.length();
                if (lines.size() >= BATCH_LINES || chars >= BATCH_CHARS) {
                    queue.put(new Batch(lines, first, null, false));
                    first += lines.size();
                    lines = new ArrayList<>();
                    chars = 0;
                }
            }
            queue.put(new Batch(lines, first, null, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                try {
                    queue.put(new Batch(List.of(), -1, e, true));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The next line, or null at the end of the file; rethrows the reader's error in sequence. */
    String next() {
        while (!finished) {
            if (current != null && position < current.lines().size()) {
                lineNumber = current.firstLineNumber() + position;
                return current.lines().get(position++);
            }
            if (current != null && current.last()) {
                finished = true;
                if (current.error() != null) {
                    throw current.error();
                }
                break;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading input", e);
            }
            position = 0;
        }
        return null;
    }

    /** 1-based number of the line returned last. */
    long lineNumber() {
        return lineNumber;
    }

    /** Stops the reader thread (also after an error in the caller). */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
