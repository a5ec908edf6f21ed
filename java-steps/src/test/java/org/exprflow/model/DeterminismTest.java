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
}
