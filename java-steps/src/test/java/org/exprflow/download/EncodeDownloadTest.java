package org.exprflow.download;

import static org.exprflow.download.DownloadRun.fixtureBytes;
import static org.exprflow.download.DownloadRun.listing;
import static org.exprflow.download.DownloadRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENCODE files and experiments from a loopback mirror of the REST API serving the hand-written fixtures. */
@Tag("unit")
class EncodeDownloadTest {
    static final String EXPERIMENT_JSON = "/experiments/ENCSR000TST/?format=json";
    static final String FILE_JSON = "/files/ENCFF001GRC/?format=json";
    static final String[] FILES = {"ENCFF001GRC.bed.gz", "ENCFF002HGN.bed.gz", "ENCFF003BBD.bigBed",
        "ENCFF004IDR.bed.gz", "ENCFF005REV.bed.gz", "ENCFF006TSV.tsv"};

    @TempDir
    Path tmp;
    MirrorServer server;
    Path out;

    static String download(String name) {
        return "/files/" + name.substring(0, name.indexOf('.')) + "/@@download/" + name;
    }

    /** Serves the fixtures at their ENCODE paths. */
    static void serveFixtures(MirrorServer server) throws IOException {
        server.put(EXPERIMENT_JSON, fixtureBytes("ENCSR000TST.experiment.json"));
        server.put(FILE_JSON, fixtureBytes("ENCFF001GRC.file.json"));
        for (String f : FILES) {
            server.put(download(f), fixtureBytes(f));
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = MirrorServer.http();
        serveFixtures(server);
        out = tmp.resolve("out");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli.Result encode(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--encode-base", server.base()));
        args.addAll(List.of(extra));
        return run(out, args.toArray(String[]::new));
    }

    @Test
    void experimentFiltersPickTheGrch38PseudoreplicatedNarrowPeakFile() throws IOException {
        Cli.Result r = encode("--accession", "ENCSR000TST", "--file-format", "bed narrowPeak",
                "--output-type", "pseudoreplicated peaks", "--assembly", "GRCh38");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("ENCFF001GRC.bed.gz", "manifest.tsv"), listing(out));
        assertArrayEquals(fixtureBytes("ENCFF001GRC.bed.gz"), Files.readAllBytes(out.resolve("ENCFF001GRC.bed.gz")));
        // hg19, bigBed, IDR and the revoked file are never requested
        assertEquals(List.of(EXPERIMENT_JSON, download("ENCFF001GRC.bed.gz")),
                server.requests().stream().map(MirrorServer.Request::path).toList());
        assertEquals(List.of(ManifestWriter.HEADER, "ENCSR000TST\tencode-file\tENCFF001GRC.bed.gz\t221\ta5a67058bcc119b42bc58c8d01fd70e9\t"
                + server.base() + download("ENCFF001GRC.bed.gz")), Files.readAllLines(out.resolve("manifest.tsv")));
    }

    @Test
    void fileFormatAlsoMatchesFileFormatAndOutputTypeSelectsQuantifications() throws IOException {
        Cli.Result r = encode("--accession", "ENCSR000TST", "--file-format", "tsv", "--output-type", "gene quantifications");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("ENCFF006TSV.tsv", "manifest.tsv"), listing(out));
    }

    @Test
    void assemblyAloneKeepsEveryReleasedFileOfThatAssembly() throws IOException {
        Cli.Result r = encode("--accession", "ENCSR000TST", "--assembly", "hg19");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("ENCFF002HGN.bed.gz", "manifest.tsv"), listing(out));
        r = encode("--accession", "ENCSR000TST", "--assembly", "GRCh38", "--file-format", "bed narrowPeak");
        assertEquals(0, r.exitCode(), r.stderr());
        // the revoked GRCh38 file (ENCFF005REV) is left out
        assertEquals(List.of("ENCFF001GRC.bed.gz", "ENCFF002HGN.bed.gz", "ENCFF004IDR.bed.gz", "manifest.tsv"), listing(out));
        assertEquals(3, Files.readAllLines(out.resolve("manifest.tsv")).size());
    }

    @Test
    void noMatchingFileIsUnsuitableAndListsWhatExists() throws IOException {
        Cli.Result r = encode("--accession", "ENCSR000TST", "--assembly", "mm10");
        assertEquals(4, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().contains("ENCSR000TST: no file matches status released, --assembly 'mm10'"), r.stderr());
        assertTrue(r.stderr().contains("bed narrowPeak / pseudoreplicated peaks / hg19 / released"), r.stderr());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void singleFileAccessionIsVerifiedAgainstItsMetadata() throws IOException {
        Cli.Result r = encode("--accession", "ENCFF001GRC");
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(fixtureBytes("ENCFF001GRC.bed.gz"), Files.readAllBytes(out.resolve("ENCFF001GRC.bed.gz")));
        assertTrue(Files.readAllLines(out.resolve("manifest.tsv")).get(1).startsWith("ENCFF001GRC\tencode-file\tENCFF001GRC.bed.gz\t221\t"));
    }

    @Test
    void wrongMd5FailsAndLeavesNeitherFinalNorTemporaryFile() throws IOException {
        String json = new String(fixtureBytes("ENCFF001GRC.file.json"), StandardCharsets.UTF_8)
                .replace("a5a67058bcc119b42bc58c8d01fd70e9", "00000000000000000000000000000000");
        server.put(FILE_JSON, json.getBytes(StandardCharsets.UTF_8));
        Cli.Result r = encode("--accession", "ENCFF001GRC");
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.errorLines().get(0).startsWith("download: error: ENCFF001GRC: ENCFF001GRC.bed.gz: md5 a5a67058bcc119b42bc58c8d01fd70e9"
                + " differs from the published md5sum 00000000000000000000000000000000"), r.stderr());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void wrongFileSizeIsRefusedFromTheAnnouncedLength() throws IOException {
        String json = new String(fixtureBytes("ENCFF001GRC.file.json"), StandardCharsets.UTF_8)
                .replace("\"file_size\": 221", "\"file_size\": 220");
        server.put(FILE_JSON, json.getBytes(StandardCharsets.UTF_8));
        Cli.Result r = encode("--accession", "ENCFF001GRC");
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("server announces 221 bytes, the published file_size is 220"), r.stderr());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void fileNameClimbingOutOfTheOutputDirectoryIsRefusedBeforeAnyFileRequest() throws IOException {
        String json = new String(fixtureBytes("ENCFF001GRC.file.json"), StandardCharsets.UTF_8)
                .replace("@@download/ENCFF001GRC.bed.gz", "@@download/..%2F..%2FENCFF001GRC.bed.gz");
        server.put(FILE_JSON, json.getBytes(StandardCharsets.UTF_8));
        Cli.Result r = encode("--accession", "ENCFF001GRC");
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(List.of("download: error: ENCFF001GRC: refusing remote file name '../../ENCFF001GRC.bed.gz': contains '..'"),
                r.errorLines());
        assertEquals(List.of(FILE_JSON), server.requests().stream().map(MirrorServer.Request::path).toList());
        assertEquals(List.of(), listing(out));
        assertFalse(Files.exists(tmp.resolve("ENCFF001GRC.bed.gz")));
    }

    @Test
    void hrefPointingAtAnotherHostIsRefused() throws IOException {
        String json = new String(fixtureBytes("ENCFF001GRC.file.json"), StandardCharsets.UTF_8)
                .replace("\"/files/ENCFF001GRC/@@download/", "\"//evil.example/files/ENCFF001GRC/@@download/");
        server.put(FILE_JSON, json.getBytes(StandardCharsets.UTF_8));
        Cli.Result r = encode("--accession", "ENCFF001GRC");
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("href must be a path on the ENCODE server"), r.stderr());
        assertEquals(1, server.requests().size());
    }
}
