package org.exprflow.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.exprflow.core.UserException;

/**
 * Streams the lines of a text file that may be plain, gzip or bgzip (gzip is recognised by its
 * magic bytes, not by the file name), keeping the 1-based line number so every parse error can name
 * the line. A truncated or corrupt gzip stream becomes a one-line user error with the byte offset
 * at which the compressed data broke off.
 */
public final class TextInput implements Closeable {
    private final Path path;
    private final CountingStream counter;
    private final BufferedReader reader;
    private final boolean gzipped;
    private long lineNumber;

    private TextInput(Path path, CountingStream counter, BufferedReader reader, boolean gzipped) {
        this.path = path;
        this.counter = counter;
        this.reader = reader;
        this.gzipped = gzipped;
    }

    public static TextInput open(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw UserException.badFile(path, "is a directory, expected a file");
            }
            CountingStream counter = new CountingStream(Files.newInputStream(path));
            BufferedInputStream buffered = new BufferedInputStream(counter, 1 << 16);
            boolean gz = isGzip(buffered);
            InputStream data = buffered;
            if (gz) {
                try {
                    data = new GZIPInputStream(buffered, 1 << 16);
                } catch (EOFException | ZipException e) {
                    throw UserException.badByte(path, counter.count, "truncated or corrupt gzip header");
                }
            }
            data = skipUtf8ByteOrderMark(path, data.markSupported() ? data : new BufferedInputStream(data, 1 << 16));
            BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16);
            return new TextInput(path, counter, reader, gz);
        } catch (NoSuchFileException e) {
            throw UserException.badFile(path, "no such file");
        } catch (IOException e) {
            throw UserException.badFile(path, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Text is read as UTF-8. Excel and many Windows tools start UTF-8 files with a byte-order mark
     * (EF BB BF): it is skipped, so such a file reads exactly as without it (a kept BOM would be
     * part of the first header cell or contig name). UTF-16 and UTF-32, with or without a BOM, are
     * refused naming the encoding, instead of being misread as text with NUL bytes in it.
     */
    private static InputStream skipUtf8ByteOrderMark(Path path, InputStream in) throws IOException {
        in.mark(4);
        byte[] head = new byte[4];
        int n = in.readNBytes(head, 0, 4);
        in.reset();
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        int b3 = n > 3 ? head[3] & 0xff : -1;
        String encoding = null;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            in.skipNBytes(3);
            return in;
        } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            encoding = "UTF-32 (little-endian, with a byte-order mark)";
        } else if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            encoding = "UTF-32 (big-endian, with a byte-order mark)";
        } else if (b0 == 0xFF && b1 == 0xFE) {
            encoding = "UTF-16 (little-endian, with a byte-order mark)";
        } else if (b0 == 0xFE && b1 == 0xFF) {
            encoding = "UTF-16 (big-endian, with a byte-order mark)";
        } else if (n == 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            encoding = "UTF-32 (little-endian)";
        } else if (n == 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            encoding = "UTF-32 (big-endian)";
        } else if (n == 4 && b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            encoding = "UTF-16 (little-endian)";
        } else if (n == 4 && b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            encoding = "UTF-16 (big-endian)";
        }
        if (encoding != null) {
            throw UserException.badFile(path, "the text is encoded as " + encoding + "; exprflow reads UTF-8 "
                    + "(save the file as UTF-8, e.g. iconv -f UTF-16 -t UTF-8)");
        }
        return in;
    }

    /** True when the file starts with the gzip magic bytes 1f 8b. */
    public static boolean isGzip(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return isGzip(in);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** The next line without its terminator (CR LF or LF), or null at the end of the file. */
    public String readLine() {
        try {
            String line = reader.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (EOFException | ZipException e) {
            throw UserException.badByte(path, counter.count,
                    "gzip stream is truncated or corrupt (after line " + lineNumber + ")");
        } catch (IOException e) {
            if (gzipped && e.getMessage() != null && e.getMessage().contains("ZLIB")) {
                throw UserException.badByte(path, counter.count, "gzip stream is truncated or corrupt");
            }
            throw UserException.badFile(path, "read failed: " + e.getMessage());
        }
    }

    /** 1-based number of the line returned last; 0 before the first call. */
    public long lineNumber() {
        return lineNumber;
    }

    public Path path() {
        return path;
    }

    /** A user error about the line returned last. */
    public UserException error(String problem) {
        return UserException.badLine(path, lineNumber, problem);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of an input cannot lose data
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
