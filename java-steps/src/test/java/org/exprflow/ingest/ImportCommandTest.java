package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.exprflow.ingest.IngestFixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheDatasetAndLogsFormatShapeAndClasses() {
        Path out = dir.resolve("d.xfd");
        IngestFixtures.Run r = run("import", "--input", fixture("cumida_small.csv").toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("[import] format: cumida (detected)"), r.stderr());
        assertTrue(r.stderr().contains("[import] shape: 3 samples x 3 features"), r.stderr());
        assertTrue(r.stderr().contains("[import] classes (label): AML 2, normal 1"), r.stderr());
        Dataset d = DatasetFile.read(out);
        assertEquals("cumida_small", d.name());
        assertEquals(List.of("GSM1001", "GSM1002", "GSM1003"), d.sampleIds());
        assertArrayEquals(new double[] {8, Double.NaN, 150}, d.row(1));
        assertEquals(List.of("AML", "normal", "AML"), d.primaryTarget().labels());
    }

    @Test
    void appliesTheSamplesheetAndTheGivenFormatAndName() throws IOException {
        Path out = dir.resolve("m.xfd");
        IngestFixtures.Run r = run("import", "--input", fixture("matrix_small.tsv").toString(), "--format", "tsv",
                "--samplesheet", fixture("samplesheet_multilabel.tsv").toString(), "--sample-column", "id",
                "--label-column", "subtype", "--name", "demo", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("format: tsv (given)"), r.stderr());
        assertTrue(r.stderr().contains("classes (subtype): A 1, B 1; 1 unlabelled"), r.stderr());
        assertTrue(r.stderr().contains("WARNING: 1 of 3 samples are not in samplesheet"), r.stderr());
        Dataset d = DatasetFile.read(out);
        assertEquals("demo", d.name());
        assertEquals(Arrays.asList("B", "A", null), d.target("subtype").labels());
        assertEquals(Arrays.asList("I", "II", null), d.annotation("stage"));
    }

    @Test
    void aWebPageIsNamedAsSuchWhateverTheFormat() throws IOException {
        // an error page saved as a series matrix: detected or given, the message says what it is
        Path page = java.nio.file.Files.writeString(dir.resolve("GSE1_series_matrix.txt"),
                "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head></html>\n");
        for (String[] format : new String[][] {{}, {"--format", "geo-matrix"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import", "--input", page.toString(),
                    "--label-key", "disease state", "--output", dir.resolve("x.xfd").toString()));
            args.addAll(java.util.List.of(format));
            IngestFixtures.Run r = run(args.toArray(String[]::new));
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains(page + ": is not expression data: it looks like HTML"), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("x.xfd")));
    }

    @Test
    void sameInputGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a.xfd");
        Path b = dir.resolve("b.xfd");
        String in = fixture("gse_family_small.soft").toString();
        assertEquals(0, run("import", "--input", in, "--label-field", "title", "--output", a.toString()).exitCode());
        assertEquals(0, run("import", "--input", in, "--label-field", "title", "--output", b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void baseNameDropsCompressionAndOneFormatExtension() {
        assertEquals("GSE781_family", ImportCommand.baseName(Path.of("x/GSE781_family.soft.gz")));
        assertEquals("data_set_ALL_AML_train", ImportCommand.baseName(Path.of("data_set_ALL_AML_train.csv.gz")));
        assertEquals("02_SRBCT", ImportCommand.baseName(Path.of("02_SRBCT.arff")));
        assertEquals("matrix", ImportCommand.baseName(Path.of("matrix")));
    }

    // ---- bad input: one line naming file and line, exit code 3, no output file ----

    private void assertBadInput(Path input, String expectedMessage, String... extraArgs) {
        Path out = dir.resolve("out.xfd");
        String[] args = Stream.concat(
                Stream.of("--quiet", "import", "--input", input.toString(), "--output", out.toString()),
                Stream.of(extraArgs)).toArray(String[]::new);
        IngestFixtures.Run r = run(args);
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.lines().size(), "exactly one line, no stack trace:\n" + r.stderr());
        assertEquals("import: error: " + expectedMessage, r.lines().get(0));
        assertFalse(Files.exists(out), "no output file after an error");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial")), "no partial file left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void raggedRow() throws IOException {
        Path f = write("ragged.tsv", "id\tS1\tS2\tS3\nf1\t1\t2\t3\nf2\t1\t2\n");
        assertBadInput(f, f + ":3: row has 3 fields, the header has 4");
    }

    @Test
    void nonNumericValueNamesFeatureAndSample() throws IOException {
        Path f = write("text.tsv", "id\tS1\tS2\nf1\t1\t2\nf2\t1\tabc\n");
        assertBadInput(f, f + ":3: feature 'f2', sample 'S2': 'abc' is not a number");
    }

    @Test
    void nonNumericCumidaValueNamesSampleAndProbe() throws IOException {
        Path f = write("c.csv", "samples,type,p1,p2\nGSM1,AML,1,2\nGSM2,AML,1.5.2,2\n");
        assertBadInput(f, f + ":3: sample 'GSM2', probe 'p1' (column 3): '1.5.2' is not a number");
    }

    @Test
    void duplicateSampleRows() throws IOException {
        Path f = write("c.csv", "samples,type,p1\nGSM1,AML,1\nGSM2,AML,2\nGSM1,normal,3\n");
        assertBadInput(f, f + ":4: duplicate sample id 'GSM1' (first on line 2)");
    }

    @Test
    void duplicateIdsInAHeader() throws IOException {
        Path f = write("dup.tsv", "id\tS1\tS2\tS1\nf1\t1\t2\t3\n");
        assertBadInput(f, f + ":1: duplicate sample id 'S1' in columns 2 and 4");
    }

    @Test
    void duplicatePatientInAGolubHeader() throws IOException {
        Path f = write("g.csv", "Gene Description,Gene Accession Number,1,call,1,call\nd,M1_at,1,P,2,A\n");
        assertBadInput(f, f + ":1: duplicate sample id '1' in columns 3 and 5");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.csv", "");
        assertBadInput(f, f + ": is empty");
        assertBadInput(f, f + ": is empty", "--format", "cumida");
    }

    @Test
    void seriesMatrixWithoutTableEnd() throws IOException {
        Path f = write("s.txt", "!Series_title\t\"x\"\n!Sample_geo_accession\t\"GSM1\"\n!series_matrix_table_begin\n"
                + "\"ID_REF\"\t\"GSM1\"\n\"p1\"\t1\n");
        assertBadInput(f, f + ":5: file ends without !series_matrix_table_end (truncated download?)");
    }

    @Test
    void truncatedGzipNamesTheByteOffset() throws IOException {
        // big enough that the cut falls inside the deflate stream, not in the header
        StringBuilder text = new StringBuilder("id\tS1\tS2\n");
        for (int i = 0; i < 20000; i++) {
            text.append("f").append(i).append('\t').append(i * 0.37).append('\t').append(i % 97).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path f = Files.write(dir.resolve("cut.tsv.gz"), Arrays.copyOf(whole, whole.length / 2));
        Path out = dir.resolve("out.xfd");
        IngestFixtures.Run r = run("--quiet", "import", "--input", f.toString(), "--output", out.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.lines().size(), r.stderr());
        assertTrue(r.lines().get(0).matches("import: error: " + java.util.regex.Pattern.quote(f.toString())
                + ": byte \\d+: gzip stream is truncated or corrupt.*"), r.lines().get(0));
        assertFalse(Files.exists(out));
    }

    /** A gzip of a wide CuMiDa file, cut in half; {@code badValueOnLine3} plants a parse error before the cut. */
    private Path truncatedCumida(boolean badValueOnLine3) throws IOException {
        StringBuilder text = new StringBuilder("samples,type");
        for (int p = 0; p < 3000; p++) {
            text.append(",p").append(p);
        }
        text.append('\n');
        for (int s = 0; s < 40; s++) {
            text.append("GSM").append(s).append(",AML");
            for (int p = 0; p < 3000; p++) {
                text.append(',').append(s == 1 && p == 5 && badValueOnLine3 ? "x7" : Double.toString((s * 3000 + p) * 1.1));
            }
            text.append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        return Files.write(dir.resolve("cumida_cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
    }

    @Test
    void truncatedGzipWhileReadingAhead() throws IOException {
        Path f = truncatedCumida(false);
        Path out = dir.resolve("out.xfd");
        IngestFixtures.Run r = run("--quiet", "import", "--input", f.toString(), "--output", out.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.lines().size(), r.stderr());
        assertTrue(r.lines().get(0).startsWith("import: error: " + f + ": byte "), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void anErrorBeforeTheTruncationIsReportedFirstWhateverTheThreadTiming() throws IOException {
        assertBadInput(truncatedCumida(true),
                dir.resolve("cumida_cut.csv.gz") + ":3: sample 'GSM1', probe 'p5' (column 8): 'x7' is not a number");
    }

    @Test
    void labelOptionsOnANonGeoFileAreAParameterError() {
        Path out = dir.resolve("out.xfd");
        IngestFixtures.Run r = run("--quiet", "import", "--input", fixture("matrix_small.tsv").toString(),
                "--label-key", "x", "--output", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.lines().size(), r.stderr());
        assertFalse(Files.exists(out));
    }
}
