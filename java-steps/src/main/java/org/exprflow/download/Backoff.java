package org.exprflow.download;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Delay before retry k (1-based): initial * 2^(k-1), capped, with up to 25% random reduction so that
 * many array jobs that failed together against the same server do not all come back at the same
 * instant. A server's Retry-After wins over the computed delay, still within the cap.
 */
final class Backoff {
    private final long initialMs;
    private final long maxMs;

    Backoff(long initialMs, long maxMs) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
    }

    long delayMs(int retry, long retryAfterMs) {
        if (retryAfterMs >= 0) {
            return Math.min(retryAfterMs, maxMs);
        }
        long exponential = initialMs << Math.min(retry - 1, 30);
        if (exponential < 0 || exponential > maxMs) {
            exponential = maxMs;
        }
        long jitter = (long) (exponential * 0.25 * ThreadLocalRandom.current().nextDouble());
        return exponential - jitter;
    }

    /** Retry-After in seconds (the HTTP-date form is not used by the servers we talk to); -1 if absent. */
    static long parseRetryAfter(String header) {
        if (header == null) {
            return -1;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? -1 : Math.min(seconds, 86_400) * 1000;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
