package org.exprflow.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Encodings at the one text-input layer: a UTF-8 BOM is skipped, UTF-16/32 are named and refused. */
@Tag("unit")
class TextInputTest {
    private static final String TEXT = "sample,label\nS1,AML\nS2,ALL\n";

    @TempDir
    Path dir;

    private static List<String> lines(Path p) {
        List<String> out = new ArrayList<>();
        try (TextInput in = TextInput.open(p)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedInPlainAndGzipFiles() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.csv"), TEXT);
        Path bom = Files.write(dir.resolve("bom.csv"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                TEXT.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(bom));
        }
        Path bomGz = Files.write(dir.resolve("bom.csv.gz"), gz.toByteArray());
        assertEquals(lines(plain), lines(bom));
        assertEquals(lines(plain), lines(bomGz));
        assertEquals("sample,label", lines(bom).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE"})
    void utf16And32AreRefusedNamingTheEncoding(String charset) throws Exception {
        Path p = Files.write(dir.resolve("wide.csv"), TEXT.getBytes(Charset.forName(charset)));
        UserException e = assertThrows(UserException.class, () -> lines(p));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        String family = charset.substring(0, 6);
        assertTrue(e.getMessage().startsWith(p + ": the text is encoded as " + family), e.getMessage());
    }

    @Test
    void aBomSamplesheetImportsExactlyAsWithout() throws Exception {
        Path matrix = Files.writeString(dir.resolve("m.tsv"), "feature\tS1\tS2\tS3\tS4\ng1\t1\t2\t3\t4\ng2\t4\t3\t2\t1\n");
        String sheet = "sample,label\nS1,A\nS2,A\nS3,B\nS4,B\n";
        Path plain = Files.writeString(dir.resolve("plain.csv"), sheet);
        Path bom = Files.write(dir.resolve("bom.csv"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                sheet.getBytes(StandardCharsets.UTF_8)));
        for (Path s : List.of(plain, bom)) {
            Cli.Result r = Cli.run("import", "--input", matrix.toString(), "--format", "tsv", "--samplesheet", s.toString(),
                    "--output", dir.resolve(s.getFileName() + ".xfd").toString());
            assertEquals(0, r.exitCode(), r.stderr());
        }
        assertEquals(-1L, Files.mismatch(dir.resolve("plain.csv.xfd"), dir.resolve("bom.csv.xfd")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
