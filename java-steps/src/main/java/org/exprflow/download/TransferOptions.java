package org.exprflow.download;

import javax.net.ssl.SSLSocketFactory;

/**
 * How transfers behave: retry count and backoff, the idle timeout (connect, and no byte received for
 * this long), the per-file size cap, when a progress line is worth printing, and the TLS trust (null:
 * the JDK default, which honours the javax.net.ssl.trustStore system properties).
 */
record TransferOptions(int retries, long backoffMs, long backoffMaxMs, int timeoutMs, long maxBytes,
        long progressMinBytes, SSLSocketFactory tls) {
}
