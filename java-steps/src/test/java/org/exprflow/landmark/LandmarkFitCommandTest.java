package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * landmark-fit: chunks gathered by landmark-summary give byte for byte the single-chunk result, and
 * user errors are one line that writes nothing. (The summary's own errors: LandmarkSummaryCommandTest.)
 */
@Tag("unit")
class LandmarkFitCommandTest {
    @TempDir
    Path dir;

    @Test
    void chunksGatherToTheWholeAndRunsRepeatByteForByte() throws Exception {
        assertEquals(0, Cli.run("simulate-landmark", "--output-dir", dir.resolve("sim").toString(), "--samples", "60",
                "--landmarks", "40", "--targets", "9").exitCode());
        assertEquals(0, Cli.run("import", "--input", dir.resolve("sim/expression.tsv.gz").toString(), "--format", "tsv",
                "--output", dir.resolve("d.xfd").toString()).exitCode());
        String[] common = {"landmark-fit", "--input", dir.resolve("d.xfd").toString(), "--landmarks",
            dir.resolve("sim/landmarks.txt").toString(), "--learner", "linear;ridge:5;knn", "--seed", "3"};
        fit(common, "1/1", "whole.tsv");
        fit(common, "1/1", "again.tsv");
        assertArrayEquals(Files.readAllBytes(dir.resolve("whole.tsv")), Files.readAllBytes(dir.resolve("again.tsv")));
        for (int k = 1; k <= 3; k++) {
            fit(common, k + "/3", "c" + k + ".tsv");
        }
        summary("s1", "whole.tsv");
        summary("s3", "c3.tsv", "c1.tsv", "c2.tsv");
        for (String suffix : new String[] {".targets.tsv", ".summary.tsv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("s1" + suffix)), Files.readAllBytes(dir.resolve("s3" + suffix)), suffix);
        }
        // 9 targets x 4 learners (mean added) x 2 sets, plus the kind line and the header
        assertEquals(2 + 9 * 4 * 2, Files.readAllLines(dir.resolve("s1.targets.tsv")).size());
    }

    @Test
    void userErrorsAreOneLine() {
        Cli.Result r = Cli.run("landmark-fit", "--input", dir.resolve("absent.xfd").toString(), "--landmarks", "x",
                "--targets-chunk", "5/4", "--output", dir.resolve("o.tsv").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("landmark-fit: error: --targets-chunk"), r.stderr());
        Cli.Result bad = Cli.run("landmark-fit", "--input", "x.xfd", "--landmarks", "x", "--learner", "svm",
                "--output", dir.resolve("o.tsv").toString());
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.errorLines().size(), bad.stderr());
    }

    @Test
    void modelLearnerWithoutOutputModelIsOneLineAndWritesNothing() throws Exception {
        assertEquals(0, Cli.run("simulate-landmark", "--output-dir", dir.resolve("sim").toString(), "--samples", "40",
                "--landmarks", "12", "--targets", "4", "--query-samples", "0").exitCode());
        assertEquals(0, Cli.run("import", "--input", dir.resolve("sim/expression.tsv.gz").toString(), "--format", "tsv",
                "--output", dir.resolve("d.xfd").toString()).exitCode());
        Cli.Result noModel = Cli.run("landmark-fit", "--input", dir.resolve("d.xfd").toString(), "--landmarks",
                dir.resolve("sim/landmarks.txt").toString(), "--model-learner", "linear", "--output", dir.resolve("o.tsv").toString());
        assertEquals(2, noModel.exitCode(), noModel.stderr());
        assertEquals(List.of("landmark-fit: error: --model-learner needs --output-model"), noModel.errorLines());
        assertTrue(Files.notExists(dir.resolve("o.tsv")), "o.tsv was written");
    }

    private void fit(String[] common, String chunk, String out) {
        String[] args = java.util.Arrays.copyOf(common, common.length + 4);
        args[common.length] = "--targets-chunk";
        args[common.length + 1] = chunk;
        args[common.length + 2] = "--output";
        args[common.length + 3] = dir.resolve(out).toString();
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private void summary(String prefix, String... chunks) {
        List<String> args = new java.util.ArrayList<>(List.of("landmark-summary", "--output-targets",
                dir.resolve(prefix + ".targets.tsv").toString(), "--output-summary", dir.resolve(prefix + ".summary.tsv").toString()));
        for (String c : chunks) {
            args.add("--input");
            args.add(dir.resolve(c).toString());
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
    }
}
