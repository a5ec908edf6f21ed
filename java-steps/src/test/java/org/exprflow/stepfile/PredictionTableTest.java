package org.exprflow.stepfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: repeat and fold are NA outside cv (never 0), while files of the earlier form still read. */
@Tag("unit")
class PredictionTableTest {
    private static final String HEADER = "## exprflow predictions 1\nset\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:A\tprob:B\n";

    @TempDir
    Path dir;

    @Test
    void rowsOutsideCvAreWrittenWithNaRepeatAndFoldAndReadBack() throws IOException {
        Path f = dir.resolve("p.tsv");
        new PredictionTable(List.of("A", "B"), List.of(
                new PredictionTable.Row("cv", 1, 2, "s1", "model", "A", "A", new double[] {0.9, 0.1}),
                new PredictionTable.Row("predict", PredictionTable.NO_FOLD, PredictionTable.NO_FOLD, "n1", "model", "B", "A",
                        new double[] {0.6, 0.4}),
                new PredictionTable.Row("predict", PredictionTable.NO_FOLD, PredictionTable.NO_FOLD, "n1", "ZeroR", "B", "A",
                        new double[] {0.5, 0.5}),
                new PredictionTable.Row("test", PredictionTable.NO_FOLD, PredictionTable.NO_FOLD, "t1", "model", null, "B",
                        new double[] {0.2, 0.8}))).write(f);
        assertEquals(HEADER
                + "cv\t1\t2\ts1\tmodel\tA\tA\t0.9\t0.1\n"
                + "predict\tNA\tNA\tn1\tZeroR\tB\tA\t0.5\t0.5\n"
                + "predict\tNA\tNA\tn1\tmodel\tB\tA\t0.6\t0.4\n"
                + "test\tNA\tNA\tt1\tmodel\tNA\tB\t0.2\t0.8\n", Files.readString(f));
        PredictionTable back = PredictionTable.read(f);
        assertEquals(PredictionTable.NO_FOLD, back.rows("predict", "model").get(0).repeat());
        assertEquals(PredictionTable.NO_FOLD, back.rows("test", "model").get(0).fold());
        assertEquals(2, back.rows("cv", "model").get(0).fold());
    }

    @Test
    void zeroRepeatAndFoldOfEarlierFilesStillReadAndAreRewrittenAsNa() throws IOException {
        Path f = dir.resolve("old.tsv");
        Files.writeString(f, HEADER + "predict\t0\t0\tn1\tmodel\tNA\tA\t0.6\t0.4\n");
        PredictionTable old = PredictionTable.read(f);
        assertEquals(PredictionTable.NO_FOLD, old.rows().get(0).repeat());
        Path again = dir.resolve("again.tsv");
        old.write(again);
        assertTrue(Files.readString(again).contains("predict\tNA\tNA\tn1\tmodel"));
    }

    @Test
    void aCvRowWithoutAFoldAndAHalfMissingFoldAreRefusedNamingTheLine() throws IOException {
        Path cv = dir.resolve("cv.tsv");
        Files.writeString(cv, HEADER + "cv\tNA\tNA\ts1\tmodel\tA\tA\t0.9\t0.1\n");
        UserException e = assertThrows(UserException.class, () -> PredictionTable.read(cv));
        assertEquals(cv + ":3: repeat and fold of a cv row must be integers", e.getMessage());
        Path half = dir.resolve("half.tsv");
        Files.writeString(half, HEADER + "test\tNA\t2\tt1\tmodel\tA\tA\t0.9\t0.1\n");
        e = assertThrows(UserException.class, () -> PredictionTable.read(half));
        assertTrue(e.getMessage().startsWith(half + ":3: repeat and fold must both be NA outside cv"), e.getMessage());
    }
}
