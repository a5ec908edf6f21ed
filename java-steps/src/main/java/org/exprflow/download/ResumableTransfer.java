package org.exprflow.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.exprflow.core.ExitCode;
import org.exprflow.core.Log;
import org.exprflow.core.UserException;

/**
 * Moves one file's bytes into a {@link ByteSink} with retries, resuming with Range from the bytes
 * already received, enforcing the size cap, and verifying size and md5 when the source publishes
 * them. The md5 is computed while streaming: the sink is only ever appended to or reset, so the
 * running digest always covers exactly its bytes.
 */
final class ResumableTransfer {
    /** What was transferred: the size and md5 (lower-case hex) of the sink's bytes. */
    record Outcome(long size, String md5) {
    }

    /**
     * What to fetch and what the source says about it; label names the file in messages, and
     * notFoundHint (may be empty) is appended to an HTTP 404 error.
     */
    record Request(String accession, String label, URI url, URI base, long expectedSize, String expectedMd5,
            String notFoundHint) {
    }

    private static final int BUFFER = 1 << 16;

    private final TransferOptions options;
    private final Connector connector;
    private final Backoff backoff;

    ResumableTransfer(TransferOptions options) {
        this.options = options;
        this.connector = new Connector(options);
        this.backoff = new Backoff(options.backoffMs(), options.backoffMaxMs());
    }

    Outcome fetch(Request request, ByteSink sink) {
        if (request.expectedSize() > options.maxBytes()) {
            throw failure(request, "published file_size " + request.expectedSize() + " is over --max-bytes " + options.maxBytes());
        }
        MessageDigest md5 = newMd5();
        ProgressReporter progress = new ProgressReporter(request.label(), options.progressMinBytes());
        int attempts = options.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            try {
                attempt(request, sink, md5, progress);
                break;
            } catch (TransferException e) {
                if (!e.isRetryable() || attempt >= attempts) {
                    String tries = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                    throw failure(request, e.getMessage() + hint(request, e) + tries);
                }
                long delay = backoff.delayMs(attempt, e.retryAfterMs());
                long have = sink.length();
                Log.warn(request.label() + ": " + e.getMessage() + "; retry " + attempt + " of " + options.retries()
                        + " in " + delay + " ms" + (have > 0 ? ", resuming at byte " + have : ""));
                sleep(delay);
            }
        }
        long size = sink.length();
        if (request.expectedSize() >= 0 && size != request.expectedSize()) {
            throw failure(request, "size " + size + " differs from the published file_size " + request.expectedSize());
        }
        String actual = HexFormat.of().formatHex(md5.digest());
        if (request.expectedMd5() != null && !request.expectedMd5().equalsIgnoreCase(actual)) {
            throw failure(request, "md5 " + actual + " differs from the published md5sum " + request.expectedMd5());
        }
        return new Outcome(size, actual);
    }

    private void attempt(Request request, ByteSink sink, MessageDigest md5, ProgressReporter progress) throws TransferException {
        long offset = sink.length();
        if (offset > 0 && offset == request.expectedSize()) {
            return; // an earlier attempt received every byte and failed only afterwards
        }
        try (Connector.Response response = connector.open(request.url(), request.base(), offset)) {
            int status = response.status();
            if (!response.ok()) {
                String what = "HTTP " + status + describe(response.reason(), status);
                if (status == 416) {
                    restart(sink, md5);
                    throw TransferException.retryable(what + " for a resume at byte " + offset + "; starting over");
                }
                if (status == 408 || status == 429 || status >= 500) {
                    throw TransferException.retryable(what, response.retryAfterMs());
                }
                throw TransferException.fatal(what);
            }
            if (response.start() != offset) {
                restart(sink, md5);
                if (response.start() != 0) {
                    throw TransferException.retryable("server resumed at byte " + response.start() + " instead of " + offset);
                }
                Log.warn(request.label() + ": server ignored the Range request; starting over from byte 0");
            }
            long total = response.total();
            if (total > options.maxBytes()) {
                throw TransferException.fatal("size " + total + " is over --max-bytes " + options.maxBytes());
            }
            if (total >= 0 && request.expectedSize() >= 0 && total != request.expectedSize()) {
                throw TransferException.fatal("server announces " + total + " bytes, the published file_size is " + request.expectedSize());
            }
            copy(response.body(), sink, md5, total, progress);
        }
    }

    private void copy(InputStream in, ByteSink sink, MessageDigest md5, long total, ProgressReporter progress) throws TransferException {
        byte[] buffer = new byte[BUFFER];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw Connector.classify(e, "transfer interrupted at byte " + sink.length());
            }
            if (n < 0) {
                break;
            }
            long after = sink.length() + n;
            if (after > options.maxBytes()) {
                throw TransferException.fatal("more than --max-bytes " + options.maxBytes() + " bytes");
            }
            if (total >= 0 && after > total) {
                throw TransferException.fatal("server sent more than the announced " + total + " bytes");
            }
            try {
                sink.write(buffer, 0, n);
            } catch (IOException e) {
                throw UserException.badParameter("cannot write the download: " + TransferException.oneLine(e.getMessage()));
            }
            md5.update(buffer, 0, n);
            progress.update(after, total);
        }
        if (total >= 0 && sink.length() < total) {
            throw TransferException.retryable("connection closed after " + sink.length() + " of " + total + " bytes");
        }
    }

    private static void restart(ByteSink sink, MessageDigest md5) {
        try {
            sink.reset();
        } catch (IOException e) {
            throw UserException.badParameter("cannot truncate the download: " + TransferException.oneLine(e.getMessage()));
        }
        md5.reset();
    }

    private static String describe(String statusLine, int status) {
        if (statusLine == null) {
            return "";
        }
        String prefix = " " + status + " ";
        int at = statusLine.indexOf(prefix);
        return at < 0 ? "" : " " + statusLine.substring(at + prefix.length()).strip();
    }

    private static String hint(Request request, TransferException e) {
        return e.getMessage().startsWith("HTTP 404") ? request.notFoundHint() : "";
    }

    private static UserException failure(Request request, String problem) {
        return new UserException(ExitCode.BAD_INPUT, request.accession() + ": " + request.label() + ": " + problem
                + " [" + request.url() + "]");
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides MD5", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserException.badParameter("interrupted while waiting to retry");
        }
    }
}
