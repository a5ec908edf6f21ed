package org.exprflow.download;

import java.io.IOException;

/**
 * One failed attempt of a transfer. Retryable failures (connection errors, timeouts, HTTP 5xx, 408,
 * 429, a body cut short) are retried with backoff; the others (404, a refused redirect, a size over
 * the cap, an untrusted certificate) end the download at once, because repeating them only delays
 * the same answer.
 */
final class TransferException extends IOException {
    private final boolean retryable;
    private final long retryAfterMs;

    private TransferException(String message, boolean retryable, long retryAfterMs) {
        super(oneLine(message), null);
        this.retryable = retryable;
        this.retryAfterMs = retryAfterMs;
    }

    static TransferException retryable(String message) {
        return new TransferException(message, true, -1);
    }

    /** A retryable failure whose server asked (Retry-After) to wait this long; -1 when it did not. */
    static TransferException retryable(String message, long retryAfterMs) {
        return new TransferException(message, true, retryAfterMs);
    }

    static TransferException fatal(String message) {
        return new TransferException(message, false, -1);
    }

    boolean isRetryable() {
        return retryable;
    }

    long retryAfterMs() {
        return retryAfterMs;
    }

    /** Error messages end up in a one-line user error: exception texts from the JDK may span lines. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
