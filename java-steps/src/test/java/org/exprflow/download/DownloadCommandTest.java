package org.exprflow.download;

import static org.exprflow.download.DownloadRun.content;
import static org.exprflow.download.DownloadRun.fixtureBytes;
import static org.exprflow.download.DownloadRun.listing;
import static org.exprflow.download.DownloadRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The download cache: a warm cache answers without any request, --offline never makes one. */
@Tag("unit")
class DownloadCommandTest {
    static final String MATRIX = "/geo/series/GSEnnn/GSE781/matrix/GSE781_series_matrix.txt.gz";

    @TempDir
    Path tmp;
    MirrorServer server;
    byte[] matrix = content(30_000, 7);
    Path cache;

    @BeforeEach
    void start() throws IOException {
        server = MirrorServer.http().put(MATRIX, matrix);
        EncodeDownloadTest.serveFixtures(server);
        cache = tmp.resolve("cache");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli.Result request(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--cache", cache.toString(),
                "--accession", "GSE781", "--accession", "ENCSR000TST", "--assembly", "GRCh38",
                "--output-type", "pseudoreplicated peaks", "--file-format", "bed narrowPeak",
                "--geo-base", server.base() + "/geo", "--encode-base", server.base()));
        args.addAll(List.of(extra));
        return run(out, args.toArray(String[]::new));
    }

    @Test
    void secondRunWithAWarmCacheMakesNoRequestAndWritesTheSameOutput() throws IOException {
        Path first = tmp.resolve("first");
        Cli.Result r = request(first);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(3, server.requests().size());
        assertTrue(Files.isRegularFile(cache.resolve("GSE781/GSE781_series_matrix.txt.gz")));
        assertTrue(Files.isRegularFile(cache.resolve("ENCFF001GRC/.ENCFF001GRC.bed.gz.json")));
        server.clearLog();

        Path second = tmp.resolve("second");
        r = request(second);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of(), server.requests());
        assertEquals(listing(first), listing(second));
        assertArrayEquals(Files.readAllBytes(first.resolve("manifest.tsv")), Files.readAllBytes(second.resolve("manifest.tsv")));
        assertArrayEquals(matrix, Files.readAllBytes(second.resolve("GSE781_series_matrix.txt.gz")));
        assertArrayEquals(fixtureBytes("ENCFF001GRC.bed.gz"), Files.readAllBytes(second.resolve("ENCFF001GRC.bed.gz")));

        // --offline reads the same cache with the server gone
        server.close();
        r = request(tmp.resolve("third"), "--offline");
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(Files.readAllBytes(first.resolve("manifest.tsv")), Files.readAllBytes(tmp.resolve("third/manifest.tsv")));
    }

    @Test
    void offlineWithAColdCacheFailsNamingTheAccessionWithoutAnyRequest() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result r = run(out, "--cache", cache.toString(), "--offline", "--accession", "GSE781",
                "--geo-base", server.base() + "/geo");
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(List.of("download: error: GSE781: GSE781_series_matrix.txt.gz is not in the cache " + cache + " (--offline)"),
                r.errorLines());
        assertEquals(List.of(), server.requests());
        assertEquals(List.of(), listing(out));

        r = run(out, "--cache", cache.toString(), "--offline", "--accession", "ENCSR000TST", "--encode-base", server.base());
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.errorLines().get(0).startsWith("download: error: ENCSR000TST: metadata is not in the cache"), r.stderr());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void damagedCacheEntryIsDetectedAndFetchedAgain() throws IOException {
        Cli.Result r = request(tmp.resolve("first"));
        assertEquals(0, r.exitCode(), r.stderr());
        Path cached = cache.resolve("GSE781/GSE781_series_matrix.txt.gz");
        byte[] damaged = matrix.clone();
        damaged[100] ^= 1; // same size, different bytes: only the md5 in the sidecar can tell
        Files.write(cached, damaged);
        server.clearLog();

        r = request(tmp.resolve("offline"), "--offline");
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("GSE781: the cached copy of GSE781_series_matrix.txt.gz is damaged"), r.stderr());
        assertEquals(List.of(), listing(tmp.resolve("offline")));

        r = request(tmp.resolve("second"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("the cached copy is damaged"), r.stderr());
        assertEquals(List.of(MATRIX), server.requests().stream().map(MirrorServer.Request::path).toList());
        assertArrayEquals(matrix, Files.readAllBytes(tmp.resolve("second/GSE781_series_matrix.txt.gz")));
        assertArrayEquals(matrix, Files.readAllBytes(cached));
    }

    @Test
    void offlineNeedsACache() {
        Cli.Result r = run(tmp.resolve("out"), "--offline", "--accession", "GSE781");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("download: error: --offline needs --cache DIR"), r.errorLines());
    }
}
