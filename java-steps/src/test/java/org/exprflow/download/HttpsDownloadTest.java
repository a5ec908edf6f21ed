package org.exprflow.download;

import static org.exprflow.download.DownloadRun.content;
import static org.exprflow.download.DownloadRun.listing;
import static org.exprflow.download.DownloadRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS against a loopback server with a certificate made at test time, trusted through --truststore. */
@Tag("unit")
class HttpsDownloadTest {
    static final String MATRIX = TransportFaultTest.MATRIX;

    @TempDir
    static Path keys;
    static TestCertificates certificates;
    static MirrorServer server;
    static final byte[] MATRIX_BYTES = content(40_000, 3);

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(keys);
        server = MirrorServer.https(certificates.serverContext()).put(MATRIX, MATRIX_BYTES);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Cli.Result geo(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--accession", "GSE781", "--geo-base", server.base() + "/geo"));
        args.addAll(List.of(extra));
        return run(out, args.toArray(String[]::new));
    }

    @Test
    void truststoreOptionMakesTheSelfSignedServerTrusted() throws Exception {
        server.clearLog();
        Path out = tmp.resolve("out");
        Cli.Result r = geo(out, "--truststore", certificates.truststore.toString(),
                "--truststore-password", TestCertificates.PASSWORD);
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(MATRIX_BYTES, Files.readAllBytes(out.resolve("GSE781_series_matrix.txt.gz")));
        assertEquals(1, server.requests(MATRIX).size());
    }

    @Test
    void untrustedCertificateFailsAtOnceWithAHint() throws Exception {
        Path out = tmp.resolve("out");
        Cli.Result r = geo(out);
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.errorLines().get(0).startsWith("download: error: GSE781: GSE781_series_matrix.txt.gz: TLS handshake failed"), r.stderr());
        assertTrue(r.errorLines().get(0).contains("--truststore FILE"), r.stderr());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void redirectFromHttpsToHttpIsRefused() throws Exception {
        try (MirrorServer plain = MirrorServer.http().put("/plain.gz", MATRIX_BYTES)) {
            String moved = "/geo/series/GSEnnn/GSE782/matrix/GSE782_series_matrix.txt.gz";
            server.fault(moved, MirrorServer.redirect(302, plain.base() + "/plain.gz"));
            Path out = tmp.resolve("out");
            Cli.Result r = run(out, "--accession", "GSE782", "--geo-base", server.base() + "/geo",
                    "--truststore", certificates.truststore.toString(), "--truststore-password", TestCertificates.PASSWORD);
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.errorLines().get(0).contains("redirect from https to plain http refused: " + plain.base() + "/plain.gz"),
                    r.stderr());
            assertEquals(List.of(), plain.requests());
            assertEquals(List.of(), listing(out));
        }
    }

    @Test
    void unreadableTruststoreIsABadInputFile() throws Exception {
        Path bogus = tmp.resolve("bogus.p12");
        Files.writeString(bogus, "not a keystore");
        Cli.Result r = geo(tmp.resolve("out"), "--truststore", bogus.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.errorLines().get(0).startsWith("download: error: " + bogus + ": cannot load the truststore"), r.stderr());
    }
}
