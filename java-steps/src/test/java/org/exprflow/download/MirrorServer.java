package org.exprflow.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A loopback HTTP(S) server (127.0.0.1, ephemeral port) serving a mirror of the remote layouts from
 * in-memory files, honouring Range like a real server, logging every request, and injecting faults
 * per path: each queued fault answers one request, later requests are served normally.
 */
final class MirrorServer implements AutoCloseable {
    /** One logged request: method, path with query, and the Range header (null when absent). */
    record Request(String method, String path, String range) {
    }

    /** A fault answers one request instead of the normal response. */
    @FunctionalInterface
    interface Fault {
        void answer(MirrorServer server, HttpExchange exchange, byte[] content) throws IOException;
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<Request> log = new ArrayList<>();
    /** Released when the server closes, so a stalled handler never outlives its test. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean ignoreRange;

    private MirrorServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static MirrorServer http() throws IOException {
        return new MirrorServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    static MirrorServer https(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new MirrorServer(s);
    }

    /** http://127.0.0.1:PORT or https://127.0.0.1:PORT, without a trailing slash. */
    String base() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized MirrorServer put(String pathAndQuery, byte[] content) {
        files.put(pathAndQuery, content);
        return this;
    }

    synchronized MirrorServer fault(String pathAndQuery, Fault... queued) {
        faults.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).addAll(List.of(queued));
        return this;
    }

    void ignoreRange(boolean ignore) {
        this.ignoreRange = ignore;
    }

    synchronized List<Request> requests() {
        return List.copyOf(log);
    }

    synchronized List<Request> requests(String pathAndQuery) {
        return log.stream().filter(r -> r.path().equals(pathAndQuery)).toList();
    }

    synchronized void clearLog() {
        log.clear();
    }

    // ---- faults ----

    static Fault status(int code) {
        return (s, ex, content) -> s.sendStatus(ex, code, null);
    }

    static Fault status(int code, String retryAfterSeconds) {
        return (s, ex, content) -> s.sendStatus(ex, code, retryAfterSeconds);
    }

    /** Sends the headers and the first bytes of the (ranged) body, then drops the connection. */
    static Fault dropAfter(int bytes) {
        return (s, ex, content) -> {
            s.serve(ex, content, bytes);
            throw new IOException("connection dropped by the test server");
        };
    }

    /** Sends nothing until the server closes (or 20 s pass), like a hung server. */
    static Fault stall() {
        return (s, ex, content) -> {
            try {
                s.closing.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stalled request abandoned");
        };
    }

    static Fault redirect(int code, String location) {
        return (s, ex, content) -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(code, -1);
            ex.close();
        };
    }

    /** The whole body with chunked encoding, so no Content-Length announces its size. */
    static Fault chunked() {
        return (s, ex, content) -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(content);
            }
        };
    }

    // ---- serving ----

    private void handle(HttpExchange ex) throws IOException {
        String key = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        byte[] content;
        Fault fault;
        synchronized (this) {
            log.add(new Request(ex.getRequestMethod(), key, ex.getRequestHeaders().getFirst("Range")));
            content = files.get(key);
            Deque<Fault> queue = faults.get(key);
            fault = queue == null ? null : queue.poll();
        }
        try {
            if (fault != null) {
                fault.answer(this, ex, content);
            } else if (content == null) {
                sendStatus(ex, 404, null);
            } else {
                serve(ex, content, -1);
            }
        } finally {
            ex.close();
        }
    }

    /** Serves content (from the Range offset unless ignoring Range), at most limit bytes of it when limit >= 0. */
    private void serve(HttpExchange ex, byte[] content, int limit) throws IOException {
        if (content == null) {
            sendStatus(ex, 404, null);
            return;
        }
        int start = 0;
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches() && !ignoreRange) {
            start = Integer.parseInt(m.group(1));
            if (start >= content.length) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            ex.sendResponseHeaders(206, content.length - start);
        } else {
            ex.sendResponseHeaders(200, content.length);
        }
        int count = content.length - start;
        if (limit >= 0) {
            count = Math.min(count, limit);
        }
        OutputStream out = ex.getResponseBody();
        out.write(content, start, count);
        out.flush();
    }

    private void sendStatus(HttpExchange ex, int code, String retryAfter) throws IOException {
        byte[] body = ("status " + code + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (retryAfter != null) {
            ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        ex.sendResponseHeaders(code, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
