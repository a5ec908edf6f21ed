package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.io.Canonical;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate-regression through the CLI: the fold tables merge to the same bytes whatever order they
 * are given in, the metrics of a hand-computable case, and a missing table is one line. (The metric
 * definitions against R: RegressionMetricsRTest; the whole design-a chain: RegressCommandTest.)
 */
@Tag("unit")
class EvaluateRegressionCommandTest {
    private static final String HEADER = "target\tset\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\n";

    @TempDir
    Path dir;

    private Path table(String name, String... rows) throws Exception {
        return Files.writeString(dir.resolve(name), HEADER + String.join("\n", rows) + "\n");
    }

    private Cli.Result evaluate(String prefix, Path... tables) {
        List<String> args = new java.util.ArrayList<>(List.of("--quiet", "evaluate-regression", "--output-tsv",
                dir.resolve(prefix + ".tsv").toString(), "--output-json", dir.resolve(prefix + ".json").toString(),
                "--output-predictions", dir.resolve(prefix + ".regression.tsv").toString(), "--predictions"));
        for (Path t : tables) {
            args.add(t.toString());
        }
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void foldTablesMergeInAnyOrderAndGiveHandComputedMetrics() throws Exception {
        Path f1 = table("f1.tsv", "t1\tcv\t1\t1\ts1\tmodel\t1\t1", "t1\tcv\t1\t1\ts2\tmodel\t2\t2",
                "t1\tcv\t1\t1\ts1\tmean\t1\t2.5", "t1\tcv\t1\t1\ts2\tmean\t2\t2.5");
        Path f2 = table("f2.tsv", "t1\tcv\t1\t2\ts3\tmodel\t4\t3", "t1\tcv\t1\t2\ts3\tmean\t4\t1.5");
        Cli.Result a = evaluate("a", f1, f2);
        assertEquals(0, a.exitCode(), a.stderr());
        assertEquals(0, evaluate("b", f2, f1).exitCode());
        for (String suffix : new String[] {".tsv", ".json", ".regression.tsv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a" + suffix)), Files.readAllBytes(dir.resolve("b" + suffix)), suffix);
        }
        List<String> lines = Files.readAllLines(dir.resolve("a.tsv"));
        // model: errors 0, 0, 1 -> RMSE sqrt(1/3), MAE 1/3
        assertTrue(lines.contains("cv\tmodel\tt1\trmse\t" + Canonical.number(Math.sqrt(1.0 / 3))), lines.toString());
        assertTrue(lines.contains("cv\tmodel\tt1\tmae\t" + Canonical.number(1.0 / 3)), lines.toString());
        // the kind line, the header and the six rows
        assertEquals(2 + 6, Files.readAllLines(dir.resolve("a.regression.tsv")).size());
    }

    @Test
    void missingTableIsOneLineAndWritesNothing() {
        Path absent = dir.resolve("absent.tsv");
        Cli.Result r = evaluate("c", absent);
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("evaluate-regression: error: "), r.stderr());
        assertTrue(r.stderr().contains(absent.toString()), r.stderr());
        assertFalse(Files.exists(dir.resolve("c.tsv")));
    }
}
