package org.exprflow.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.exprflow.core.Versions;

/**
 * Opens one attempt of a transfer from a byte offset: an HTTP(S) GET with a Range header, or a
 * file:// read that skips to the offset, following redirects by {@link RedirectPolicy}.
 *
 * <p>HttpURLConnection rather than java.net.http.HttpClient: its read timeout fires when no byte
 * arrives for the timeout, mid-body as well as before the headers, which is exactly the stall
 * detection a long download needs; HttpClient's request timeout stops at the headers.
 */
final class Connector {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    /** An opened response. {@code start} is the offset of the body's first byte, {@code total} the full size or -1. */
    record Response(int status, String reason, long start, long total, InputStream body, long retryAfterMs,
            URI url, AutoCloseable closer) implements AutoCloseable {
        boolean ok() {
            return status == 200 || status == 206;
        }

        @Override
        public void close() {
            try {
                closer.close();
            } catch (Exception e) {
                // Closing a failed connection can fail again; the attempt's outcome is already decided.
            }
        }
    }

    private final TransferOptions options;

    Connector(TransferOptions options) {
        this.options = options;
    }

    Response open(URI url, URI configuredBase, long offset) throws TransferException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            if ("file".equalsIgnoreCase(current.getScheme())) {
                if (hop > 0) {
                    throw TransferException.fatal("redirect to " + current + " refused");
                }
                return openFile(current, offset);
            }
            HttpURLConnection c = connect(current, offset);
            int status = responseCode(c);
            if (status >= 300 && status < 400 && status != 304 && c.getHeaderField("Location") != null) {
                String location = c.getHeaderField("Location");
                c.disconnect();
                URI next;
                try {
                    next = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw TransferException.fatal("bad redirect Location '" + location + "'");
                }
                String refusal = RedirectPolicy.refusal(current, next, configuredBase);
                if (refusal != null) {
                    throw TransferException.fatal(refusal);
                }
                if (hop >= RedirectPolicy.MAX_REDIRECTS) {
                    throw TransferException.fatal("more than " + RedirectPolicy.MAX_REDIRECTS + " redirects");
                }
                current = next;
                continue;
            }
            return response(c, current, status);
        }
    }

    private HttpURLConnection connect(URI url, long offset) throws TransferException {
        try {
            URLConnection raw = url.toURL().openConnection();
            if (!(raw instanceof HttpURLConnection c)) {
                throw TransferException.fatal("unsupported URL " + url);
            }
            if (c instanceof HttpsURLConnection https && options.tls() != null) {
                https.setSSLSocketFactory(options.tls());
            }
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout(options.timeoutMs());
            c.setReadTimeout(options.timeoutMs());
            c.setRequestProperty("User-Agent", "exprflow/" + Versions.exprflow());
            // Bytes on disk must be the published bytes: no transparent decompression.
            c.setRequestProperty("Accept-Encoding", "identity");
            if (offset > 0) {
                c.setRequestProperty("Range", "bytes=" + offset + "-");
            }
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw TransferException.fatal("cannot open " + url + ": " + e.getMessage());
        }
    }

    private static int responseCode(HttpURLConnection c) throws TransferException {
        try {
            return c.getResponseCode();
        } catch (IOException e) {
            throw classify(e, "no response");
        }
    }

    private Response response(HttpURLConnection c, URI url, int status) throws TransferException {
        long retryAfter = Backoff.parseRetryAfter(c.getHeaderField("Retry-After"));
        String reason = c.getHeaderField(0);
        if (status != 200 && status != 206) {
            InputStream error = c.getErrorStream();
            return new Response(status, reason, 0, -1, InputStream.nullInputStream(), retryAfter, url, () -> {
                if (error != null) {
                    error.close();
                }
                c.disconnect();
            });
        }
        long start = 0;
        long total = c.getContentLengthLong();
        if (status == 206) {
            Matcher m = CONTENT_RANGE.matcher(String.valueOf(c.getHeaderField("Content-Range")));
            if (!m.find()) {
                c.disconnect();
                throw TransferException.retryable("HTTP 206 without a usable Content-Range");
            }
            start = Long.parseLong(m.group(1));
            total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        }
        try {
            InputStream body = c.getInputStream();
            return new Response(status, reason, start, total, body, retryAfter, url, () -> {
                body.close();
                c.disconnect();
            });
        } catch (IOException e) {
            c.disconnect();
            throw classify(e, "cannot read the response");
        }
    }

    private Response openFile(URI url, long offset) throws TransferException {
        Path path;
        try {
            path = Path.of(url);
        } catch (IllegalArgumentException e) {
            throw TransferException.fatal("not a local file URL: " + url);
        }
        try {
            long size = Files.size(path);
            InputStream in = Files.newInputStream(path);
            long skipped = in.skip(Math.min(offset, size));
            return new Response(206, "local file", skipped, size, in, -1, url, in);
        } catch (NoSuchFileException e) {
            throw TransferException.fatal("no such file: " + path);
        } catch (IOException e) {
            throw TransferException.retryable("cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * A certificate problem will not go away by retrying, so it is fatal and says how to fix it;
     * every other I/O failure (refused, reset, timed out, name lookup) may be transient.
     */
    static TransferException classify(IOException e, String what) {
        if (e instanceof SSLHandshakeException || (e instanceof SSLException && String.valueOf(e.getMessage()).contains("certificat"))) {
            return TransferException.fatal("TLS handshake failed (" + e.getMessage()
                    + "); for a private CA give --truststore FILE");
        }
        if (e instanceof SocketTimeoutException) {
            return TransferException.retryable(what + ": timed out");
        }
        String type = e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
        return TransferException.retryable(what + ": " + (type.isEmpty() ? "" : type + ": ") + e.getMessage());
    }
}
