package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.exprflow.testing.Cli;
import org.exprflow.testing.GolubTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golub's 38 training patients with the whole-analysis benchmark's protocol (bench/classify-vs-sklearn.sh:
 * grid {linear SVM, naive Bayes} x k {20, 200}, 3 x 3 inner folds, 5 outer folds): an outer fold task
 * with the model comparison, and a chunk of permutations, write the same bytes on 1 and 2 threads.
 */
@Tag("realdata")
class ThreadsGolubTest {
    private static final List<String> PROTOCOL = List.of("--learner",
            "weka.classifiers.functions.SMO -M;weka.classifiers.bayes.NaiveBayes", "--top-k", "20,200",
            "--inner-folds", "3", "--inner-repeats", "3");

    @TempDir
    Path dir;

    private String run(Path data, Path splits, int threads) throws Exception {
        String t = "t" + threads + "-";
        List<String> train = new ArrayList<>(List.of("train", "--input", data.toString(), "--splits", splits.toString(),
                "--repeat", "1", "--fold", "3", "--output", dir.resolve(t + "f3.xfm").toString(), "--predictions",
                dir.resolve(t + "f3.predictions.tsv").toString(), "--candidate-scores",
                dir.resolve(t + "f3.candidates.tsv").toString(), "--compare-models", "--threads", Integer.toString(threads)));
        train.addAll(PROTOCOL);
        Cli.Result r = Cli.run(train.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> permute = new ArrayList<>(List.of("permute", "--input", data.toString(), "--splits", splits.toString(),
                "--from", "1", "--to", "3", "--output", dir.resolve(t + "p.tsv").toString(), "--threads",
                Integer.toString(threads)));
        permute.addAll(PROTOCOL);
        r = Cli.run(permute.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        StringBuilder out = new StringBuilder();
        for (String f : new String[] {"f3.xfm", "f3.choice.tsv", "f3.predictions.tsv", "f3.candidates.tsv", "p.tsv"}) {
            out.append(f).append('\n').append(HexFormat.of().formatHex(Files.readAllBytes(dir.resolve(t + f)))).append('\n');
        }
        return out.toString();
    }

    @Test
    void benchmarkProtocolGivesTheSameBytesOnOneAndTwoThreads() throws Exception {
        Path data = GolubTraining.normalised(dir);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "5",
                "--seed", "42").exitCode());
        assertEquals(run(data, splits, 1), run(data, splits, 2));
    }
}
