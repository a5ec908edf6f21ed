package org.exprflow.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User errors of the score step: one stderr line naming file and line, the documented exit code, and
 * no output file at all (not even a temporary one).
 */
@Tag("unit")
class ScoreCommandTest {
    @TempDir
    Path dir;

    private Path pred;
    private Path meas;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private ScoreRun score(String... more) throws IOException {
        if (pred == null) {
            pred = file("p.tsv", "gene\tpred\ng1\t1\ng2\t2\ng3\t3\ng4\t4\n");
        }
        if (meas == null) {
            meas = file("m.tsv", "gene\ttpm\ng1\t1\ng2\t3\ng3\t2\ng4\t8\n");
        }
        String[] args = new String[4 + more.length];
        args[0] = "--predictions";
        args[1] = pred.toString();
        args[2] = "--measurements";
        args[3] = meas.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return ScoreRun.run(dir.resolve("out"), args);
    }

    private static void assertFailed(ScoreRun run, int exitCode, String line) {
        assertEquals(exitCode, run.result.exitCode(), run.result.stderr());
        assertEquals(List.of(line), run.result.errorLines());
        assertEquals(List.of(), run.files());
    }

    @Test
    void validInputWritesAllFourOutputs() throws IOException {
        ScoreRun run = score();
        assertEquals(0, run.result.exitCode(), run.result.stderr());
        assertEquals(List.of("metrics.json", "metrics.tsv", "pairs.tsv", "plot.svg"), run.files());
    }

    /** Issue 14: the plot's axes say "predicted_log2_tpm", not "predicted predicted_log2_tpm". */
    @Test
    void axisLabelsDoNotRepeatTheRoleTheColumnNameAlreadySays() throws IOException {
        pred = file("p.tsv", "gene\tpredicted_log2_tpm\ng1\t1\ng2\t2\ng3\t3\ng4\t4\n");
        ScoreRun run = score("--transform", "log2p1");
        assertEquals(0, run.result.exitCode(), run.result.stderr());
        String svg = Files.readString(dir.resolve("out/plot.svg"));
        assertTrue(svg.contains(">predicted_log2_tpm</text>"), svg);
        assertTrue(svg.contains(">measured tpm, log2(x + 1)</text>"), svg);
        assertEquals("predicted score", ScoreAxisLabel.predicted("score"));
        assertEquals("Prediction (log2)", ScoreAxisLabel.predicted("Prediction (log2)"));
        assertEquals("predicted unpredicted", ScoreAxisLabel.predicted("unpredicted"), "only a word start counts");
        assertEquals("measured_TPM", ScoreAxisLabel.measured("measured_TPM", false));
        assertEquals("measured column 2", ScoreAxisLabel.measured("column 2", false));
    }

    @Test
    void nonNumericMeasurement() throws IOException {
        meas = file("m.tsv", "gene\ttpm\ng1\t1\ng2\t3,5\ng3\t2\ng4\t8\n");
        assertFailed(score(), 3, "score: error: " + meas + ":3: value '3,5' of id g2 in column 2 is not a number");
    }

    @Test
    void nonNumericPredictionWithoutHeader() throws IOException {
        pred = file("p.csv", "g1,1\ng2,2\ng3,high\ng4,4\n");
        assertFailed(score(), 3, "score: error: " + pred + ":3: value 'high' of id g3 in column 2 is not a number");
    }

    @Test
    void negativeValueCannotBeLog2p1Transformed() throws IOException {
        meas = file("m.tsv", "gene\tlog_tpm\ng1\t1\ng2\t-0.5\ng3\t2\ng4\t8\n");
        assertFailed(score("--transform", "log2p1"), 3, "score: error: " + meas
                + ":3: --transform log2p1 needs non-negative values, but id g2 has -0.5 (already on a log scale?)");
    }

    @Test
    void log2p1TransformsTheMeasuredSide() throws IOException {
        ScoreRun run = score("--transform", "log2p1");
        assertEquals(0, run.result.exitCode(), run.result.stderr());
        // TPM 1, 3, 2, 8 -> 1, 2, log2(3), log2(9); predictions unchanged
        assertEquals("g2\t2\t2", run.lines("pairs.tsv").get(3));
        assertEquals(Math.log(9) / Math.log(2), Double.parseDouble(run.lines("pairs.tsv").get(5).split("\t")[1]), 1e-11);
    }

    @Test
    void missingFile() throws IOException {
        meas = dir.resolve("absent.tsv");
        assertFailed(score(), 3, "score: error: " + meas + ": no such file");
    }

    @Test
    void badParameters() throws IOException {
        assertFailed(score("--transform", "log"), 2, "score: error: --transform 'log': expected none or log2p1");
        assertFailed(score("--duplicates", "last"), 2, "score: error: --duplicates 'last': expected error, mean or first");
        assertFailed(score("--map-from-column", "2"), 2,
                "score: error: --map-from-column, --map-to-column and --map-header need --id-map");
        ScoreRun sameFile = ScoreRun.run(dir.resolve("out"), "--predictions", pred.toString(), "--measurements",
                meas.toString(), "--output-pairs", dir.resolve("out/metrics.tsv").toString());
        assertEquals(2, sameFile.result.exitCode(), sameFile.result.stderr());
    }

    @Test
    void tooFewMatchedIdsIsUnsuitable() throws IOException {
        meas = file("m.tsv", "gene\ttpm\ng1\t1\ng2\t3\nx3\t2\n");
        ScoreRun two = score();
        assertFailed(two, 4, "score: error: only 2 ids have a value on both sides (2 matched), at least 3 are needed");
        meas = file("m.tsv", "ENSG00000000001\t1\nENSG00000000002\t3\n");
        ScoreRun none = score();
        assertEquals(4, none.result.exitCode());
        assertTrue(none.result.stderr().contains("predictions e.g. g1, measurements e.g. ENSG00000000001"),
                none.result.stderr());
    }
}
