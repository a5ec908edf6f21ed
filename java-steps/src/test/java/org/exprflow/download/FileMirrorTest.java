package org.exprflow.download;

import static org.exprflow.download.DownloadRun.content;
import static org.exprflow.download.DownloadRun.fixture;
import static org.exprflow.download.DownloadRun.fixtureBytes;
import static org.exprflow.download.DownloadRun.listing;
import static org.exprflow.download.DownloadRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file:// mirrors: the same layouts in a directory, copied with the same verification. */
@Tag("unit")
class FileMirrorTest {
    @TempDir
    Path tmp;

    private Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Test
    void geoCumidaAndEncodeMirrorsInADirectory() throws IOException {
        Path mirror = tmp.resolve("mirror");
        byte[] matrix = content(5_000, 1);
        byte[] cumida = "samples,type,1007_s_at\n1,AML,7.5\n".getBytes(StandardCharsets.UTF_8);
        write(mirror.resolve("geo/series/GSE12nnn/GSE12345/matrix/GSE12345-GPL96_series_matrix.txt.gz"), matrix);
        write(mirror.resolve("cumida/Leukemia/GSE9476/Leukemia_GSE9476.csv"), cumida);
        write(mirror.resolve("encode/files/ENCFF001GRC/index.json"), fixtureBytes("ENCFF001GRC.file.json"));
        Files.createDirectories(mirror.resolve("encode/files/ENCFF001GRC/@@download"));
        Files.copy(fixture("ENCFF001GRC.bed.gz"), mirror.resolve("encode/files/ENCFF001GRC/@@download/ENCFF001GRC.bed.gz"));
        Path list = write(tmp.resolve("accessions.csv"),
                "sample,accession\ns1,Leukemia_GSE9476\ns2,GSE12345-GPL96\ns3,ENCFF001GRC\ns4,GSE12345-GPL96\n".getBytes(StandardCharsets.UTF_8));

        Path out = tmp.resolve("out");
        Cli.Result r = run(out, "--accessions", list.toString(),
                "--geo-base", mirror.resolve("geo").toUri().toString(),
                "--cumida-base", mirror.resolve("cumida").toUri().toString(), "--cumida-path", "{type}/{series}/{name}.csv",
                "--encode-base", mirror.resolve("encode").toUri().toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("ENCFF001GRC.bed.gz", "GSE12345-GPL96_series_matrix.txt.gz", "Leukemia_GSE9476.csv", "manifest.tsv"),
                listing(out));
        assertArrayEquals(matrix, Files.readAllBytes(out.resolve("GSE12345-GPL96_series_matrix.txt.gz")));
        assertArrayEquals(cumida, Files.readAllBytes(out.resolve("Leukemia_GSE9476.csv")));
        // a shared download cache must be readable by the group, not private to the downloading user
        assertTrue(Files.getPosixFilePermissions(out.resolve("Leukemia_GSE9476.csv"))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
        List<String> manifest = Files.readAllLines(out.resolve("manifest.tsv"));
        assertEquals(4, manifest.size());
        assertEquals(List.of("ENCFF001GRC", "GSE12345-GPL96", "Leukemia_GSE9476"),
                manifest.subList(1, 4).stream().map(l -> l.split("\t")[0]).toList());
        assertTrue(manifest.get(3).startsWith("Leukemia_GSE9476\tcumida-csv\tLeukemia_GSE9476.csv\t" + cumida.length + "\t"), manifest.get(3));
    }

    @Test
    void wrongMd5InALocalMirrorFailsToo() throws IOException {
        Path mirror = tmp.resolve("mirror");
        write(mirror.resolve("files/ENCFF001GRC/index.json"), new String(fixtureBytes("ENCFF001GRC.file.json"), StandardCharsets.UTF_8)
                .replace("a5a67058bcc119b42bc58c8d01fd70e9", "ffffffffffffffffffffffffffffffff").getBytes(StandardCharsets.UTF_8));
        write(mirror.resolve("files/ENCFF001GRC/@@download/ENCFF001GRC.bed.gz"), fixtureBytes("ENCFF001GRC.bed.gz"));
        Path out = tmp.resolve("out");
        Cli.Result r = run(out, "--accession", "ENCFF001GRC", "--encode-base", mirror.toUri().toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("differs from the published md5sum ffffffffffffffffffffffffffffffff"), r.stderr());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void missingMirrorFileNamesTheAccession() {
        Cli.Result r = run(tmp.resolve("out"), "--accession", "GSE781", "--geo-base", tmp.toUri().toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.errorLines().get(0).startsWith("download: error: GSE781: GSE781_series_matrix.txt.gz: no such file"), r.stderr());
    }
}
