package org.exprflow.download;

import static org.exprflow.download.DownloadRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Accession shapes, the GEO directory convention, accession lists, and remote-name checks. */
@Tag("unit")
class AccessionTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"GSE781, GSEnnn", "GSE9476, GSE9nnn", "GSE12345, GSE12nnn", "GSE1, GSEnnn", "GSE1000, GSE1nnn"})
    void geoSeriesDirectoryReplacesTheLastThreeDigits(String series, String directory) {
        assertEquals(directory, GeoSource.rangeDirectory(series));
    }

    @ParameterizedTest
    @CsvSource({"GSE781, GEO_SERIES", "GSE781-GPL96, GEO_SERIES", "Leukemia_GSE9476, CUMIDA_DATASET",
        "Liver_GSE14520_U133A, CUMIDA_DATASET", "ENCFF001GRC, ENCODE_FILE", "ENCSR000TST, ENCODE_EXPERIMENT"})
    void accessionKindFollowsItsShape(String id, Accession.Kind kind) {
        assertEquals(kind, Accession.parse(id).kind());
    }

    @Test
    void cumidaNameSplitsIntoTypeAndSeries() {
        Accession a = Accession.parse("Liver_GSE14520_U133A");
        assertEquals("Liver", a.cumidaType());
        assertEquals("GSE14520", a.series());
        assertEquals("GSE781", Accession.parse("GSE781-GPL96").series());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GSE", "../GSE781", "GSE781/x", "gse781", "ENCFF001grc", "Leukemia_GSE9476/..", "GSE781?x=1", "SRR123"})
    void malformedAccessionsAreRejected(String text) {
        assertNull(Accession.tryParse(text));
    }

    @Test
    void unknownAccessionOnTheCommandLineIsAUsageError() {
        Cli.Result r = run(tmp.resolve("out"), "--accession", "SRR123");
        assertEquals(2, r.exitCode());
        assertEquals(List.of("download: error: unknown accession 'SRR123' (expected GSE781, GSE781-GPL96, ENCFF..., ENCSR..."
                + " or a CuMiDa name such as Leukemia_GSE9476)"), r.errorLines());
    }

    @Test
    void plainListAndCsvTableAreRead() throws IOException {
        Path plain = Files.writeString(tmp.resolve("list.txt"), "\uFEFF# series\nGSE781\n\n  ENCSR000TST \n");
        assertEquals(List.of("GSE781", "ENCSR000TST"), AccessionListReader.read(plain).stream().map(Accession::id).toList());
        Path tsv = Files.writeString(tmp.resolve("sheet.tsv"), "sample\tAccession\nA\tLeukemia_GSE9476\nB\tGSE9476\n");
        assertEquals(List.of("Leukemia_GSE9476", "GSE9476"), AccessionListReader.read(tsv).stream().map(Accession::id).toList());
    }

    @Test
    void tableWithoutAccessionColumnOrWithABadValueNamesFileAndLine() throws IOException {
        Path noColumn = Files.writeString(tmp.resolve("a.csv"), "sample,series\ns1,GSE781\n");
        UserException e = assertThrows(UserException.class, () -> AccessionListReader.read(noColumn));
        assertEquals(noColumn + ":1: a table needs an 'accession' column (header: sample,series)", e.getMessage());
        Path bad = Files.writeString(tmp.resolve("b.csv"), "accession\nGSE781\n../etc\n");
        e = assertThrows(UserException.class, () -> AccessionListReader.read(bad));
        assertEquals(3, e.exitCode().code);
        assertEquals(bad + ":3: " + Accession.describeInvalid("../etc"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.gz", "..", "a/b.gz", "a\\b.gz", "/etc/passwd", "C:x.gz", ".hidden", "x\ny.gz", "x\u0000.gz", "", "-rf"})
    void unsafeRemoteNamesAreRefused(String name) {
        UserException e = assertThrows(UserException.class, () -> LocalFileName.check("ENCFF001GRC", name));
        assertEquals(3, e.exitCode().code);
        assertEquals(1, e.getMessage().lines().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENCFF001GRC.bed.gz", "GSE781-GPL96_series_matrix.txt.gz", "Leukemia_GSE9476.csv"})
    void ordinaryNamesAreKept(String name) {
        assertEquals(name, LocalFileName.check("x", name));
    }
}
