package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.exprflow.data.DatasetFile;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs and seed give byte-identical predictions and metrics, whatever the thread count. */
@Tag("unit")
class DeterminismTest {
    @TempDir
    Path dir;

    private byte[] run(String tag, String learner) throws Exception {
        Path data = dir.resolve("d.xfd");
        if (!Files.exists(data)) {
            DatasetFile.write(SyntheticData.classes(31, 36, 80, 12, 1.2, "A", "B", "C"), data);
        }
        Path splits = dir.resolve("s.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        String[] preds = new String[3];
        for (int f = 1; f <= 3; f++) {
            Path p = dir.resolve(tag + f + ".tsv");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(f), "--predictions", p.toString(), "--learner", learner, "--top-k", "20");
            assertEquals(0, r.exitCode(), r.stderr());
            preds[f - 1] = p.toString();
        }
        Path m = dir.resolve(tag + ".metrics.tsv");
        Path j = dir.resolve(tag + ".metrics.json");
        assertEquals(0, Cli.run("evaluate", "--predictions", preds[2], preds[0], preds[1], "--output-tsv", m.toString(),
                "--output-json", j.toString()).exitCode());
        return (Files.readString(m) + Files.readString(j)).getBytes();
    }

    @Test
    void randomForestMetricsDoNotDependOnThreadCount() throws Exception {
        byte[] one = run("t1-", "weka.classifiers.trees.RandomForest -I 50 -num-slots 1");
        byte[] two = run("t2-", "weka.classifiers.trees.RandomForest -I 50 -num-slots 2");
        byte[] again = run("t3-", "weka.classifiers.trees.RandomForest -I 50 -num-slots 1");
        assertArrayEquals(one, again);
        assertArrayEquals(one, two);
    }

    private static final String GRID = "weka.classifiers.functions.SMO -M;weka.classifiers.bayes.NaiveBayes;"
            + "weka.classifiers.trees.RandomForest -I 10";

    /** Every file a train fold task (grid, model comparison, calibration) and the final model write, as bytes. */
    private String trainOutputs(String tag, int threads) throws Exception {
        Path data = dir.resolve("grid.xfd");
        Path splits = dir.resolve("grid.splits.tsv");
        if (!Files.exists(data)) {
            DatasetFile.write(SyntheticData.classes(5, 45, 150, 10, 1.0, "A", "B", "C"), data);
            assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        }
        StringBuilder out = new StringBuilder();
        for (String fold : new String[] {"2", null}) {
            String prefix = tag + (fold == null ? "final" : "f" + fold);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--input", data.toString(),
                    "--splits", splits.toString(), "--output", dir.resolve(prefix + ".xfm").toString(),
                    "--learner", GRID, "--top-k", "5,30", "--inner-folds", "3", "--inner-repeats", "2",
                    "--calibration", "platt", "--threads", Integer.toString(threads)));
            if (fold != null) {
                args.addAll(java.util.List.of("--repeat", "1", "--fold", fold, "--predictions",
                        dir.resolve(prefix + ".predictions.tsv").toString(), "--candidate-scores",
                        dir.resolve(prefix + ".candidates.tsv").toString(), "--compare-models"));
            }
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.stderr());
            for (String suffix : new String[] {".xfm", ".choice.tsv", ".predictions.tsv", ".candidates.tsv"}) {
                Path f = dir.resolve(prefix + suffix);
                if (Files.exists(f)) {
                    out.append(suffix).append('\n').append(java.util.HexFormat.of().formatHex(Files.readAllBytes(f)));
                }
            }
        }
        return out.toString();
    }

    @Test
    void trainOutputsDoNotDependOnTheThreadCount() throws Exception {
        String one = trainOutputs("t1-", 1);
        assertEquals(one, trainOutputs("t2-", 2));
        assertEquals(one, trainOutputs("t3-", 3));
    }

    @Test
    void permutationsDoNotDependOnTheThreadCount() throws Exception {
        Path data = dir.resolve("perm.xfd");
        Path splits = dir.resolve("perm.splits.tsv");
        DatasetFile.write(SyntheticData.classes(9, 30, 60, 6, 1.5, "A", "B"), data);
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        String[] tables = new String[3];
        for (int threads = 1; threads <= 3; threads++) {
            Path out = dir.resolve("perm" + threads + ".tsv");
            Cli.Result r = Cli.run("permute", "--input", data.toString(), "--splits", splits.toString(), "--from", "3",
                    "--to", "7", "--output", out.toString(), "--learner", "weka.classifiers.functions.SMO -M;"
                            + "weka.classifiers.bayes.NaiveBayes", "--top-k", "5,20", "--inner-folds", "2",
                    "--inner-repeats", "2", "--threads", Integer.toString(threads));
            assertEquals(0, r.exitCode(), r.stderr());
            tables[threads - 1] = Files.readString(out);
        }
        assertEquals(tables[0], tables[1]);
        assertEquals(tables[0], tables[2]);
    }

    @Test
    void threadsMustBePositive() {
        Cli.Result r = Cli.run("permute", "--input", "x.xfd", "--splits", "s.tsv", "--from", "1", "--to", "1",
                "--output", dir.resolve("p.tsv").toString(), "--threads", "0");
        assertEquals(2, r.exitCode(), r.stderr());
        org.junit.jupiter.api.Assertions.assertTrue(r.stderr().contains("--threads must be at least 1"), r.stderr());
    }
}
