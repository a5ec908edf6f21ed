package org.exprflow.stepfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step-file codec: kind line, versions, header and row checks, and what a step reports for a bad file. */
@Tag("unit")
class StepTableTest {
    record Row(String name, int count, double value) {
    }

    private static final StepTable<Row> TABLE = StepTable.of("example", 2, List.of("name", "count", "value"),
            (r, c) -> c.text(r.name()).integer(r.count()).number(r.value()),
            line -> new Row(line.text(0), line.integer(1), line.number(2)));

    @TempDir
    Path dir;

    @Test
    void writesKindLineHeaderAndCanonicalRowsAndReadsThemBack() throws IOException {
        Path f = dir.resolve("t.tsv");
        List<Row> rows = List.of(new Row("a", 3, 0.1 + 0.2), new Row("b", 0, Double.NaN));
        TABLE.write(f, rows);
        assertEquals("## exprflow example 2\nname\tcount\tvalue\na\t3\t0.3\nb\t0\tNA\n", Files.readString(f));
        StepTable.Contents<Row> back = TABLE.read(f);
        assertEquals(2, back.version());
        assertEquals(List.of("name", "count", "value"), back.header());
        assertEquals("a", back.rows().get(0).name());
        assertEquals(0.3, back.rows().get(0).value(), 1e-15);
        assertTrue(Double.isNaN(back.rows().get(1).value()));
        Path again = dir.resolve("again.tsv");
        TABLE.write(again, back.rows());
        assertEquals(Files.readString(f), Files.readString(again));
        assertEquals("example", StepTable.kindOf(f));
    }

    @Test
    void readsGzipAndOlderVersionsAndFilesFromBeforeTheKindLine() throws IOException {
        Path gz = dir.resolve("t.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("## exprflow example 1\nname\tcount\tvalue\n\na\t1\t2\n".getBytes(StandardCharsets.UTF_8));
        }
        StepTable.Contents<Row> v1 = TABLE.read(gz);
        assertEquals(1, v1.version());
        assertEquals(1, v1.rows().size());
        Path legacy = write("legacy.tsv", "name\tcount\tvalue\na\t1\t2\n");
        StepTable.Contents<Row> v0 = TABLE.read(legacy);
        assertEquals(StepTable.LEGACY_VERSION, v0.version());
        assertEquals(new Row("a", 1, 2.0), v0.rows().get(0));
        assertNull(StepTable.kindOf(legacy));
    }

    @Test
    void extraColumnsMustPassTheTablesTest() throws IOException {
        StepTable<Row> open = TABLE.withExtraColumns(c -> c.startsWith("x:"), "x:<name> columns");
        Path f = dir.resolve("x.tsv");
        open.write(f, List.of("x:1"), List.of());
        assertEquals(List.of("x:1"), open.read(f).extraColumns(open));
        assertError(TABLE, f, ":2: column 4 'x:1' is not an example column");
    }

    @Test
    void rejectsAnotherKind() throws IOException {
        Path f = write("t.tsv", "## exprflow splits 1\nsample\tpartition\trepeat\tfold\n");
        assertError(TABLE, f, f + ":1: this is an exprflow splits table, expected example");
    }

    @Test
    void rejectsANewerVersion() throws IOException {
        Path f = write("t.tsv", "## exprflow example 3\nname\tcount\tvalue\n");
        assertError(TABLE, f, f + ":1: example format version 3 is newer than this exprflow reads (up to 2)");
    }

    @Test
    void rejectsAMalformedKindLineAndAForeignFile() throws IOException {
        assertError(TABLE, write("a.tsv", "## exprflow example\nname\tcount\tvalue\n"), ":1: malformed kind line");
        assertError(TABLE, write("b.tsv", "## something else\n"), ":1: not an exprflow example table");
        assertError(TABLE, write("c.tsv", "gene\tvalue\n"), ":1: not an exprflow example table");
        assertError(TABLE, write("d.tsv", ""), "d.tsv: empty file");
    }

    @Test
    void rejectsAMissingOrMisplacedColumn() throws IOException {
        Path f = write("t.tsv", "## exprflow example 2\nname\tvalue\na\t1\n");
        assertError(TABLE, f, f + ":2: missing column 'count' (example columns: name, count, value)");
        Path g = write("u.tsv", "## exprflow example 2\nname\tvalue\tcount\na\t1\t1\n");
        assertError(TABLE, g, g + ":2: column 2 must be 'count', found 'value'");
    }

    @Test
    void rejectsAShortRowOrABadNumberNamingTheLine() throws IOException {
        Path f = write("t.tsv", "## exprflow example 2\nname\tcount\tvalue\na\t1\t2\nb\t2\n");
        assertError(TABLE, f, f + ":4: expected 3 fields, found 2");
        Path g = write("u.tsv", "## exprflow example 2\nname\tcount\tvalue\na\tmany\t2\n");
        assertError(TABLE, g, g + ":3: count must be an integer, found 'many'");
        Path h = write("v.tsv", "## exprflow example 2\nname\tcount\tvalue\na\t1\tlots\n");
        assertError(TABLE, h, h + ":3: value must be a number or NA, found 'lots'");
    }

    /** What the user sees: one line naming file and line, exit 3, no stack trace, no output. */
    @Test
    void aStepGivenAWrongFileFailsInOneLine() throws IOException {
        Path splits = write("splits.tsv", "## exprflow splits 1\nsample\tpartition\trepeat\tfold\ns1\ttrain\t1\t1\n");
        Path perm = write("perm.tsv", "## exprflow permutations 1\npermutation\tbalanced_accuracy\taccuracy\n1\t0.5\n");
        Path out = dir.resolve("out");
        String[] outputs = {"--output-tsv", out.resolve("m.tsv").toString(), "--output-json", out.resolve("m.json").toString()};
        Cli.Result wrongKind = Cli.run(concat(new String[] {"evaluate", "--predictions", splits.toString()}, outputs));
        assertEquals(3, wrongKind.exitCode(), wrongKind.stderr());
        assertEquals(List.of("evaluate: error: " + splits + ":1: this is an exprflow splits table, expected predictions"),
                wrongKind.errorLines());
        Path predictions = write("p.tsv", "## exprflow predictions 1\nset\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:A\tprob:B\n"
                + "cv\t1\t1\ts1\tmodel\tA\tA\t0.9\t0.1\ncv\t1\t1\ts2\tmodel\tB\tB\t0.2\t0.8\n");
        Cli.Result shortRow = Cli.run(concat(new String[] {"evaluate", "--predictions", predictions.toString(),
            "--permutations", perm.toString()}, outputs));
        assertEquals(3, shortRow.exitCode(), shortRow.stderr());
        assertEquals(List.of("evaluate: error: " + perm + ":3: expected 3 fields, found 2"), shortRow.errorLines());
        assertTrue(!shortRow.stderr().contains("\tat "), shortRow.stderr());
        assertTrue(Files.notExists(out.resolve("m.tsv")) && Files.notExists(out.resolve("m.json")));
        Path newer = write("n.tsv", "## exprflow predictions 7\nset\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\n");
        Cli.Result tooNew = Cli.run(concat(new String[] {"evaluate", "--predictions", newer.toString()}, outputs));
        assertEquals(3, tooNew.exitCode(), tooNew.stderr());
        assertEquals(List.of("evaluate: error: " + newer + ":1: predictions format version 7 is newer than this exprflow reads"
                + " (up to 1); use the exprflow that wrote it or a newer one"), tooNew.errorLines());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void assertError(StepTable<Row> table, Path f, String expected) {
        UserException e = assertThrows(UserException.class, () -> table.read(f));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
