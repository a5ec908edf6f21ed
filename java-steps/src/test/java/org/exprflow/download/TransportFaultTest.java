package org.exprflow.download;

import static org.exprflow.download.DownloadRun.content;
import static org.exprflow.download.DownloadRun.listing;
import static org.exprflow.download.DownloadRun.md5;
import static org.exprflow.download.DownloadRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transport faults injected by a loopback GEO mirror, and what the download makes of each. */
@Tag("unit")
class TransportFaultTest {
    static final String MATRIX = "/geo/series/GSEnnn/GSE781/matrix/GSE781_series_matrix.txt.gz";
    static final String NAME = "GSE781_series_matrix.txt.gz";

    @TempDir
    Path tmp;
    MirrorServer server;
    byte[] matrix = content(200_000, 781);
    Path out;

    @BeforeEach
    void start() throws IOException {
        server = MirrorServer.http().put(MATRIX, matrix);
        out = tmp.resolve("out");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli.Result geo(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--accession";
        args[1] = "GSE781";
        args[2] = "--geo-base";
        args[3] = server.base() + "/geo";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return run(out, args);
    }

    private void assertDownloaded() throws IOException {
        assertArrayEquals(matrix, Files.readAllBytes(out.resolve(NAME)));
        assertEquals(List.of("GSE781", "geo-series-matrix", NAME, "200000", md5(matrix), server.base() + MATRIX),
                List.of(Files.readAllLines(out.resolve("manifest.tsv")).get(1).split("\t")));
        assertEquals(List.of(NAME, "manifest.tsv"), listing(out));
    }

    @Test
    void serverErrorIsRetriedOnce() throws IOException {
        server.fault(MATRIX, MirrorServer.status(500));
        Cli.Result r = geo();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(2, server.requests(MATRIX).size());
        assertTrue(r.stderr().contains("HTTP 500"), r.stderr());
        assertDownloaded();
    }

    @Test
    void droppedConnectionResumesFromTheReceivedOffset() throws IOException {
        server.fault(MATRIX, MirrorServer.dropAfter(70_000));
        Cli.Result r = geo();
        assertEquals(0, r.exitCode(), r.stderr());
        List<MirrorServer.Request> requests = server.requests(MATRIX);
        assertEquals(2, requests.size());
        assertNull(requests.get(0).range());
        assertEquals("bytes=70000-", requests.get(1).range());
        assertDownloaded();
    }

    @Test
    void serverIgnoringRangeMakesTheDownloadStartOver() throws IOException {
        server.ignoreRange(true);
        server.fault(MATRIX, MirrorServer.dropAfter(50_000));
        Cli.Result r = geo();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("bytes=50000-", server.requests(MATRIX).get(1).range());
        assertTrue(r.stderr().contains("server ignored the Range request; starting over from byte 0"), r.stderr());
        assertDownloaded();
    }

    @Test
    void stalledServerTimesOutAndIsRetried() throws IOException {
        server.fault(MATRIX, MirrorServer.stall());
        long start = System.nanoTime();
        Cli.Result r = geo("--timeout-ms", "300");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("timed out"), r.stderr());
        assertEquals(2, server.requests(MATRIX).size());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the timeout did not cut the stall short");
        assertDownloaded();
    }

    @Test
    void notFoundIsOneLineNamingTheAccessionAndIsNotRetried() throws IOException {
        Cli.Result r = run(out, "--accession", "GSE9476", "--geo-base", server.base() + "/geo");
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        String line = r.errorLines().get(0);
        assertTrue(line.startsWith("download: error: GSE9476: GSE9476_series_matrix.txt.gz: HTTP 404"), line);
        assertTrue(line.contains("request e.g. GSE9476-GPL570"), line);
        assertEquals(List.of(new MirrorServer.Request("GET", "/geo/series/GSE9nnn/GSE9476/matrix/GSE9476_series_matrix.txt.gz", null)),
                server.requests());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterAndSucceeds() throws IOException {
        server.fault(MATRIX, MirrorServer.status(429, "0"), MirrorServer.status(503));
        Cli.Result r = geo();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(3, server.requests(MATRIX).size());
        assertDownloaded();
    }

    @Test
    void forbiddenIsNotRetried() throws IOException {
        server.fault(MATRIX, MirrorServer.status(403));
        Cli.Result r = geo();
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, server.requests(MATRIX).size());
        assertTrue(r.stderr().contains("GSE781: " + NAME + ": HTTP 403"), r.stderr());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void persistentFailureGivesUpAfterTheRetriesAndLeavesNoFile() throws IOException {
        server.fault(MATRIX, MirrorServer.status(502), MirrorServer.status(502), MirrorServer.status(502));
        Cli.Result r = geo("--retries", "2");
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(3, server.requests(MATRIX).size());
        assertTrue(r.errorLines().get(r.errorLines().size() - 1).contains("HTTP 502 Bad Gateway (after 3 attempts)"), r.stderr());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void announcedSizeOverTheCapIsRefusedBeforeTheBody() throws IOException {
        Cli.Result r = geo("--max-bytes", "100k");
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("size 200000 is over --max-bytes 102400"), r.stderr());
        assertEquals(1, server.requests(MATRIX).size());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void unannouncedBodyOverTheCapIsAbortedWhileStreaming() throws IOException {
        server.fault(MATRIX, MirrorServer.chunked());
        Cli.Result r = geo("--max-bytes", "100k");
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("more than --max-bytes 102400 bytes"), r.stderr());
        assertEquals(1, server.requests(MATRIX).size());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void chunkedBodyWithinTheCapIsAccepted() throws IOException {
        server.fault(MATRIX, MirrorServer.chunked());
        Cli.Result r = geo();
        assertEquals(0, r.exitCode(), r.stderr());
        assertDownloaded();
    }

    @Test
    void redirectToPlainHttpOnAnotherHostIsRefused() throws IOException {
        try (MirrorServer other = MirrorServer.http().put("/elsewhere", matrix)) {
            server.fault(MATRIX, MirrorServer.redirect(302, other.base() + "/elsewhere"));
            Cli.Result r = geo();
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.errorLines().get(0).contains("redirect to plain http on another host refused"), r.stderr());
            assertEquals(List.of(), other.requests());
            assertEquals(List.of(), listing(out));
        }
    }

    @Test
    void redirectWithinTheConfiguredHttpMirrorIsFollowed() throws IOException {
        server.put("/moved/matrix.gz", matrix);
        server.fault(MATRIX, MirrorServer.redirect(301, "/moved/matrix.gz"));
        Cli.Result r = geo();
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(1, server.requests("/moved/matrix.gz").size());
        assertArrayEquals(matrix, Files.readAllBytes(out.resolve(NAME)));
    }

    @Test
    void familySoftIsFetchedWithGeoSoftAndProgressIsReported() throws IOException {
        byte[] soft = content(150_000, 9);
        server.put("/geo/series/GSEnnn/GSE781/soft/GSE781_family.soft.gz", soft);
        Cli.Result r = geo("--geo-soft", "--progress-min-bytes", "1");
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(soft, Files.readAllBytes(out.resolve("GSE781_family.soft.gz")));
        assertTrue(r.stderr().contains("GSE781_family.soft.gz: 146.5 KiB of 146.5 KiB (100%)"), r.stderr());
        List<String> manifest = Files.readAllLines(out.resolve("manifest.tsv"));
        assertEquals(3, manifest.size());
        assertTrue(manifest.get(1).startsWith("GSE781\tgeo-family-soft\tGSE781_family.soft.gz\t150000\t" + md5(soft)), manifest.get(1));
        assertTrue(manifest.get(2).startsWith("GSE781\tgeo-series-matrix\t" + NAME), manifest.get(2));
    }
}
