package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.data.DatasetFile;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * permute through the CLI: permutation i gives the same score whatever chunk it runs in (so
 * --permutation_chunk changes the tasks, not the p-value), and a bad range is one line.
 */
@Tag("unit")
class PermuteCommandTest {
    @TempDir
    Path dir;

    private Cli.Result permute(Path data, Path splits, int from, int to, Path out) {
        return Cli.run("--quiet", "permute", "--input", data.toString(), "--splits", splits.toString(), "--from",
                String.valueOf(from), "--to", String.valueOf(to), "--learner", "weka.classifiers.bayes.NaiveBayes",
                "--top-k", "5", "--inner-repeats", "1", "--output", out.toString());
    }

    @Test
    void aPermutationScoresTheSameInAnyChunk() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(31, 24, 30, 5, 2, "A", "B"), data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        Path whole = dir.resolve("whole.tsv");
        Path second = dir.resolve("second.tsv");
        Cli.Result r = permute(data, splits, 1, 2, whole);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(0, permute(data, splits, 2, 2, second).exitCode());
        // the kind line, the header, then one row per permutation
        List<String> all = Files.readAllLines(whole);
        assertEquals("## exprflow permutations 1", all.get(0));
        assertEquals("permutation\tbalanced_accuracy\taccuracy", all.get(1));
        assertEquals(4, all.size());
        assertEquals(all.get(3), Files.readAllLines(second).get(2));
        assertTrue(all.get(3).startsWith("2\t"), all.get(3));
    }

    @Test
    void outerRepeatsRerunsOnlyTheFirstRepeatsOfTheSplitsTable() throws Exception {
        Path data = dir.resolve("r.xfd");
        DatasetFile.write(SyntheticData.classes(31, 24, 30, 5, 2, "A", "B"), data);
        Path threeRepeats = dir.resolve("three.tsv");
        Path oneRepeat = dir.resolve("one.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", threeRepeats.toString(), "--folds", "3",
                "--repeats", "3").exitCode());
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", oneRepeat.toString(), "--folds", "3")
                .exitCode());
        Path first = dir.resolve("first.tsv");
        Path only = dir.resolve("only.tsv");
        Path all = dir.resolve("all.tsv");
        Cli.Result r = Cli.run("--quiet", "permute", "--input", data.toString(), "--splits", threeRepeats.toString(), "--from",
                "1", "--to", "2", "--learner", "weka.classifiers.bayes.NaiveBayes", "--top-k", "5", "--inner-repeats", "1",
                "--outer-repeats", "1", "--output", first.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(0, permute(data, oneRepeat, 1, 2, only).exitCode());
        assertEquals(0, permute(data, threeRepeats, 1, 2, all).exitCode());
        // the first repeat of three is the one repeat of a one-repeat split: the same scores
        assertEquals(Files.readString(only), Files.readString(first));
        assertFalse(Files.readString(all).equals(Files.readString(first)), "all three repeats pool other predictions");
        Cli.run("permute", "--input", data.toString(), "--splits", oneRepeat.toString(), "--from", "1", "--to", "1",
                "--outer-repeats", "2", "--output", dir.resolve("x.tsv").toString())
                .assertOneLineError(2, "--outer-repeats 2 is more than the 1 repeat(s) of");
    }

    @Test
    void anEmptyRangeIsOneLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("p.tsv");
        Cli.Result r = permute(dir.resolve("d.xfd"), dir.resolve("s.tsv"), 3, 2, out);
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(List.of("permute: error: --from and --to must satisfy 1 <= from <= to, got 3..2"), r.errorLines());
        assertFalse(Files.exists(out));
    }

    @Test
    void permuteTakesTheImbalanceHandlingOfTrain() throws Exception {
        Path data = dir.resolve("i.xfd");
        DatasetFile.write(ClassImbalanceTest.imbalanced(6, 20, 7, 30, 4, 1.5), data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        Path smote = dir.resolve("smote.tsv");
        Path again = dir.resolve("again.tsv");
        for (Path out : List.of(smote, again)) {
            Cli.Result r = Cli.run("--quiet", "permute", "--input", data.toString(), "--splits", splits.toString(), "--from",
                    "1", "--to", "1", "--learner", "weka.classifiers.functions.Logistic", "--top-k", "5",
                    "--imbalance", "smote", "--output", out.toString());
            assertEquals(0, r.exitCode(), r.stderr());
        }
        assertEquals(Files.readString(smote), Files.readString(again));
        Cli.run("permute", "--input", data.toString(), "--splits", splits.toString(), "--from", "1", "--to", "1",
                "--imbalance", "SMOTE", "--output", dir.resolve("x.tsv").toString()).assertOneLineError(2, "--imbalance");
    }
}
