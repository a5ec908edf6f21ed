package org.exprflow.download;

import static org.exprflow.download.DownloadRun.md5;
import static org.exprflow.download.DownloadRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real GSE781 family SOFT file that Debian's r-bioc-geoquery ships, served through the loopback
 * GEO layout and fetched by accession: the bytes must arrive unchanged (no decompression, no
 * re-encoding), across a dropped connection too.
 */
@Tag("realdata")
class GeoRealDataTest {
    @TempDir
    Path tmp;

    @Test
    void familySoftOfGse781ArrivesByteIdentical() throws Exception {
        Path original = TestEnvironment.systemFile("/usr/lib/R/site-library/GEOquery/extdata/GSE781_family.soft.gz", "r-bioc-geoquery");
        byte[] soft = Files.readAllBytes(original);
        byte[] matrix = Files.readAllBytes(TestEnvironment.projectDir().resolve("test-data/classify/series_matrix.txt.gz"));
        String softPath = "/geo/series/GSEnnn/GSE781/soft/GSE781_family.soft.gz";
        try (MirrorServer server = MirrorServer.http()) {
            server.put(softPath, soft).put(TransportFaultTest.MATRIX, matrix);
            server.fault(softPath, MirrorServer.dropAfter(soft.length / 3));
            Path out = tmp.resolve("out");
            Cli.Result r = run(out, "--accession", "GSE781", "--geo-soft", "--geo-base", server.base() + "/geo");
            assertEquals(0, r.exitCode(), r.stderr());
            assertArrayEquals(soft, Files.readAllBytes(out.resolve("GSE781_family.soft.gz")));
            assertArrayEquals(matrix, Files.readAllBytes(out.resolve("GSE781_series_matrix.txt.gz")));
            assertEquals("bytes=" + soft.length / 3 + "-", server.requests(softPath).get(1).range());
            assertEquals(List.of("GSE781", "geo-family-soft", "GSE781_family.soft.gz", Long.toString(soft.length), md5(soft),
                    server.base() + softPath), List.of(Files.readAllLines(out.resolve("manifest.tsv")).get(1).split("\t")));
        }
    }
}
