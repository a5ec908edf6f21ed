package org.exprflow.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.data.IdVersions;
import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Delimiter and header detection, and column choice, on the tables the score step reads. */
@Tag("unit")
class TableDetectionTest {
    @TempDir
    Path dir;

    private static final IdVersions AUTO = IdVersions.ENSEMBL;

    private IdValueTable read(String text, String idCol, String valueCol, Boolean header) throws IOException {
        Path f = dir.resolve("t.txt");
        Files.writeString(f, text);
        return IdValueTable.read(f, ColumnRef.parse("--pred-id-column", idCol),
                ColumnRef.parse("--pred-value-column", valueCol), header, "--no-header", AUTO);
    }

    @ParameterizedTest(name = "{0}, header {1}")
    @CsvSource({"TAB, true", "TAB, false", "COMMA, true", "COMMA, false", "WHITESPACE, true", "WHITESPACE, false"})
    void detectsDelimiterAndHeader(Delimiter delimiter, boolean withHeader) throws IOException {
        String sep = switch (delimiter) {
            case TAB -> "\t";
            case COMMA -> ",";
            case WHITESPACE -> "   ";
        };
        String text = (withHeader ? "gene" + sep + "symbol" + sep + "expr\n" : "")
                + "g1" + sep + "A1" + sep + "1.5\n"
                + "\n" // blank lines are skipped everywhere
                + "g2" + sep + "B2" + sep + "-2e-1\n"
                + "g3" + sep + "C3" + sep + "NA\n";
        IdValueTable t = read(text, "1", "3", null);
        assertEquals(delimiter, t.delimiter());
        assertEquals(withHeader, t.header());
        assertEquals(withHeader ? "expr" : "column 3", t.valueColumn());
        assertEquals(List.of("g1", "g2", "g3"), t.rows().stream().map(IdValue::id).toList());
        assertEquals(1.5, t.rows().get(0).value());
        assertEquals(-0.2, t.rows().get(1).value());
        assertTrue(Double.isNaN(t.rows().get(2).value()));
        // line numbers count the blank line, so errors point at the real line
        assertEquals(withHeader ? 4 : 3, t.rows().get(1).line());
    }

    @Test
    void tabWinsOverSpacesInsideCells() throws IOException {
        IdValueTable t = read("gene id\tpredicted value\nTP53 gene\t2.5\nMYC gene\t3\n", "1", "2", null);
        assertEquals(Delimiter.TAB, t.delimiter());
        assertTrue(t.header());
        assertEquals("TP53 gene", t.rows().get(0).id());
    }

    @Test
    void quotedCsvAndAlignedWhitespace() throws IOException {
        IdValueTable csv = read("\"id\",\"value\"\n\"ENSG1\",\"1.25\"\n\"ENSG2\",\"2\"\n", "1", "2", null);
        assertEquals(Delimiter.COMMA, csv.delimiter());
        assertEquals("id", csv.idColumn());
        assertEquals(1.25, csv.rows().get(0).value());
        IdValueTable aligned = read("  id    value\n  g1     1.0\n  g22   10.0\n", "id", "value", null);
        assertEquals(Delimiter.WHITESPACE, aligned.delimiter());
        assertEquals(10.0, aligned.rows().get(1).value());
    }

    @Test
    void columnsByNameInAnyOrder() throws IOException {
        IdValueTable t = read("TPM,gene_id\n3.5,ENSG1\n4,ENSG2\n", "gene_id", "TPM", null);
        assertEquals("ENSG1", t.rows().get(0).id());
        assertEquals(3.5, t.rows().get(0).value());
    }

    @Test
    void forcedHeaderSkipsANumericLookingHeader() throws IOException {
        // a header whose value column is named "2021" looks like data to the automatic rule
        String text = "gene\t2021\ng1\t1\ng2\t2\n";
        assertFalse(read(text, "1", "2", null).header());
        assertEquals(3, read(text, "1", "2", null).rows().size());
        IdValueTable forced = read(text, "1", "2", true);
        assertTrue(forced.header());
        assertEquals(List.of("g1", "g2"), forced.rows().stream().map(IdValue::id).toList());
    }

    @Test
    void forcedNoHeaderMakesAWordInTheValueColumnAnError() {
        UserException e = assertThrows(UserException.class, () -> read("id\tvalue\ng1\t1\n", "1", "2", false));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(dir.resolve("t.txt") + ":1: value 'value' of id id in column 2 is not a number", e.getMessage());
    }

    @Test
    void raggedLineIsAnErrorNamingItsLine() {
        UserException e = assertThrows(UserException.class,
                () -> read("id,value\ng1,1\ng2,2\ng3,3,extra\n", "1", "2", null));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(dir.resolve("t.txt") + ":4: expected 2 comma-separated columns (as on line 1), found 3",
                e.getMessage());
    }

    @Test
    void oneColumnFileHasNoDetectableDelimiter() {
        UserException e = assertThrows(UserException.class, () -> read("g1\ng2\n", "1", "2", null));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(dir.resolve("t.txt") + ":1: cannot detect the delimiter"), e.getMessage());
        // no delimiter splits the first two lines alike
        UserException mixed = assertThrows(UserException.class, () -> read("g1\t1\ng2,2\n", "1", "2", null));
        assertTrue(mixed.getMessage().startsWith(dir.resolve("t.txt") + ":1: cannot detect the delimiter"),
                mixed.getMessage());
    }

    @Test
    void badColumnChoicesAreParameterErrors() {
        String text = "id\tvalue\ng1\t1\n";
        UserException missing = assertThrows(UserException.class, () -> read(text, "id", "TPM", null));
        assertEquals(ExitCode.USAGE, missing.exitCode());
        assertEquals(dir.resolve("t.txt") + ":1: --pred-value-column 'TPM' is not a column of the header (id, value)",
                missing.getMessage());
        UserException tooFar = assertThrows(UserException.class, () -> read(text, "1", "3", null));
        assertEquals(ExitCode.USAGE, tooFar.exitCode());
        UserException nameWithoutHeader = assertThrows(UserException.class, () -> read(text, "id", "2", false));
        assertEquals(ExitCode.USAGE, nameWithoutHeader.exitCode());
        UserException same = assertThrows(UserException.class, () -> read(text, "2", "value", null));
        assertEquals(ExitCode.USAGE, same.exitCode());
        UserException zero = assertThrows(UserException.class, () -> ColumnRef.parse("--pred-id-column", "0"));
        assertEquals(ExitCode.USAGE, zero.exitCode());
    }

    @Test
    void gzipInputIsReadLikePlainText() throws IOException {
        Path f = dir.resolve("t.tsv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("g1 1\ng2 2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        IdValueTable t = IdValueTable.read(f, ColumnRef.parse("a", "1"), ColumnRef.parse("b", "2"), null, "x", AUTO);
        assertEquals(Delimiter.WHITESPACE, t.delimiter());
        assertEquals(2.0, t.rows().get(1).value());
    }
}
