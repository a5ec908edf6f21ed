package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate step end to end through the exprflow command line. */
@Tag("unit")
class EvaluateCommandTest {
    private static final String HEADER = "set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:A\tprob:B\n";

    @TempDir
    Path dir;

    /** Two CV folds (model 2 of 3 right in each; ZeroR always A) and the test set with a predict row. */
    private Path[] writeFoldFiles() throws IOException {
        Path fold1 = dir.resolve("fold1.tsv");
        Files.writeString(fold1, HEADER
                + "cv\t1\t1\ts1\tmodel\tA\tA\t0.9\t0.1\n"
                + "cv\t1\t1\ts1\tZeroR\tA\tA\t0.5\t0.5\n"
                + "cv\t1\t1\ts2\tmodel\tB\tB\t0.2\t0.8\n"
                + "cv\t1\t1\ts2\tZeroR\tB\tA\t0.5\t0.5\n"
                + "cv\t1\t1\ts3\tmodel\tA\tB\t0.4\t0.6\n"
                + "cv\t1\t1\ts3\tZeroR\tA\tA\t0.5\t0.5\n");
        Path fold2 = dir.resolve("fold2.tsv");
        Files.writeString(fold2, HEADER
                + "cv\t1\t2\ts4\tmodel\tB\tB\t0.3\t0.7\n"
                + "cv\t1\t2\ts4\tZeroR\tB\tA\t0.6\t0.4\n"
                + "cv\t1\t2\ts5\tmodel\tA\tA\t0.8\t0.2\n"
                + "cv\t1\t2\ts5\tZeroR\tA\tA\t0.6\t0.4\n"
                + "cv\t1\t2\ts6\tmodel\tB\tA\t0.6\t0.4\n"
                + "cv\t1\t2\ts6\tZeroR\tB\tA\t0.6\t0.4\n");
        Path test = dir.resolve("test.tsv");
        Files.writeString(test, HEADER
                + "test\t0\t0\tt1\tmodel\tA\tA\t0.7\t0.3\n"
                + "test\t0\t0\tt2\tmodel\tB\tB\t0.1\t0.9\n"
                + "predict\t0\t0\tn1\tmodel\tNA\tA\t0.7\t0.3\n");
        return new Path[] {fold1, fold2, test};
    }

    private static int run(PrintStream err, String... args) {
        PrintStream saved = System.err;
        System.setErr(err);
        try {
            return Main.run(args);
        } finally {
            System.setErr(saved);
        }
    }

    private int evaluate(Path out, Path... inputs) {
        String[] args = Stream.concat(Stream.of("--quiet", "evaluate", "--predictions"),
                Stream.concat(Stream.of(inputs).map(Path::toString), Stream.of(
                        "--output-tsv", out.resolve("m.tsv").toString(),
                        "--output-json", out.resolve("m.json").toString(),
                        "--output-predictions", out.resolve("all.tsv").toString()))).toArray(String[]::new);
        return run(System.err, args);
    }

    @Test
    void outputsDoNotDependOnInputOrder() throws IOException {
        Path[] f = writeFoldFiles();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, evaluate(a, f[0], f[1], f[2]));
        assertEquals(0, evaluate(b, f[2], f[1], f[0]));
        for (String name : List.of("m.tsv", "m.json", "all.tsv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
    }

    /**
     * Issue 14: test and predict rows now carry repeat and fold as NA where they had 0. The metrics
     * (with bootstrap intervals, whose resampling follows the row order) are byte-identical either way,
     * so classify's published metrics do not change.
     */
    @Test
    void metricsAreTheSameWhetherRowsOutsideCvSpellTheirFoldAsZeroOrNa() throws IOException {
        Path[] f = writeFoldFiles();
        Path na = dir.resolve("test-na.tsv");
        Files.writeString(na, Files.readString(f[2]).replace("\t0\t0\t", "\tNA\tNA\t"));
        Path zero = dir.resolve("zero");
        Path withNa = dir.resolve("na");
        for (Path[] run : new Path[][] {{zero, f[2]}, {withNa, na}}) {
            String[] args = {"--quiet", "evaluate", "--predictions", f[0].toString(), f[1].toString(), run[1].toString(),
                "--bootstrap", "200", "--output-tsv", run[0].resolve("m.tsv").toString(),
                "--output-json", run[0].resolve("m.json").toString(), "--output-predictions", run[0].resolve("all.tsv").toString()};
            assertEquals(0, run(System.err, args));
        }
        for (String name : List.of("m.tsv", "m.json", "all.tsv")) {
            assertArrayEquals(Files.readAllBytes(zero.resolve(name)), Files.readAllBytes(withNa.resolve(name)), name);
        }
    }

    @Test
    void permutationsOfTheFirstRepeatAreComparedWithThatRepeat() throws IOException {
        // repeat 1: model right on all four samples; repeat 2: right on none. Pooled balanced accuracy 0.5.
        Path cv = dir.resolve("two-repeats.tsv");
        Files.writeString(cv, HEADER
                + "cv\t1\t1\ts1\tmodel\tA\tA\t0.9\t0.1\n" + "cv\t1\t1\ts2\tmodel\tB\tB\t0.2\t0.8\n"
                + "cv\t1\t2\ts3\tmodel\tA\tA\t0.9\t0.1\n" + "cv\t1\t2\ts4\tmodel\tB\tB\t0.2\t0.8\n"
                + "cv\t2\t1\ts1\tmodel\tA\tB\t0.1\t0.9\n" + "cv\t2\t1\ts2\tmodel\tB\tA\t0.8\t0.2\n"
                + "cv\t2\t2\ts3\tmodel\tA\tB\t0.1\t0.9\n" + "cv\t2\t2\ts4\tmodel\tB\tA\t0.8\t0.2\n");
        Path permutations = dir.resolve("perm.tsv");
        Files.writeString(permutations, "## exprflow permutations 1\npermutation\tbalanced_accuracy\taccuracy\n"
                + "1\t0.5\t0.5\n2\t0.75\t0.75\n3\t0.25\t0.25\n");
        for (String repeats : List.of("0", "1")) {
            Path out = Files.createDirectories(dir.resolve("r" + repeats));
            assertEquals(0, run(System.err, "--quiet", "evaluate", "--predictions", cv.toString(), "--permutations",
                    permutations.toString(), "--permutation-repeats", repeats, "--output-tsv", out.resolve("m.tsv").toString(),
                    "--output-json", out.resolve("m.json").toString(), "--output-predictions", out.resolve("all.tsv").toString()));
        }
        List<String> all = Files.readAllLines(dir.resolve("r0/m.tsv"));
        List<String> first = Files.readAllLines(dir.resolve("r1/m.tsv"));
        // every repeat: observed 0.5, reached by permutations 1 and 2: p = 3/4; the first repeat: observed 1, none
        assertTrue(all.contains("cv\tmodel\tpermutation_p\tall\t0.75"), all.toString());
        assertTrue(first.contains("cv\tmodel\tpermutation_p\tall\t0.25"), first.toString());
        assertTrue(first.contains("cv\tmodel\tpermutation_repeats\tall\t1"), first.toString());
        assertTrue(first.contains("cv\tmodel\tpermutation_observed_balanced_accuracy\tall\t1"), first.toString());
        // the CV estimate itself still pools both repeats
        assertTrue(first.contains("cv\tmodel\tbalanced_accuracy\tall\t0.5"), first.toString());
        assertFalse(all.stream().anyMatch(l -> l.contains("permutation_repeats")), all.toString());
        assertFalse(Files.readString(dir.resolve("r0/m.json")).contains("\"observed\""));
        assertTrue(Files.readString(dir.resolve("r1/m.json")).contains("\"repeats\": 1,\n"));
    }

    @Test
    void writesModelAndBaselineMetrics() throws IOException {
        Path[] f = writeFoldFiles();
        assertEquals(0, evaluate(dir, f[1], f[0], f[2]));
        List<String> tsv = Files.readAllLines(dir.resolve("m.tsv"));
        assertEquals("set\tlearner\tmetric\tclass\tvalue", tsv.get(0));
        // model cv: 4 of 6 right; ZeroR cv: 3 of 6 (the A rows); model test: 2 of 2.
        assertTrue(tsv.contains("cv\tmodel\taccuracy\tall\t0.666666666667"), tsv.toString());
        assertTrue(tsv.contains("cv\tZeroR\taccuracy\tall\t0.5"));
        assertTrue(tsv.contains("test\tmodel\taccuracy\tall\t1"));
        // Each fold 2/3: mean 2/3, SD 0.
        assertTrue(tsv.contains("cv\tmodel\tfold_accuracy_mean\tall\t0.666666666667"));
        assertTrue(tsv.contains("cv\tmodel\tfold_accuracy_sd\tall\t0"));
        // ZeroR never predicts B: precision NA.
        assertTrue(tsv.contains("cv\tZeroR\tprecision\tB\tNA"));
        assertTrue(tsv.contains("cv\tmodel\tconfusion\tA>B\t1"));
        assertTrue(tsv.contains("cv\tmodel\tconfusion\tB>A\t1"));
        // Order: cv before test, model before ZeroR; no test rows for ZeroR (none given).
        int cvModel = tsv.indexOf("cv\tmodel\taccuracy\tall\t0.666666666667");
        int cvZeroR = tsv.indexOf("cv\tZeroR\taccuracy\tall\t0.5");
        int testModel = tsv.indexOf("test\tmodel\taccuracy\tall\t1");
        assertTrue(cvModel < cvZeroR && cvZeroR < testModel);
        assertFalse(tsv.stream().anyMatch(l -> l.startsWith("test\tZeroR") || l.startsWith("predict")));

        String json = Files.readString(dir.resolve("m.json"));
        assertTrue(json.contains("\"levels\": [\n    \"A\",\n    \"B\"\n  ]"), json);
        assertTrue(json.contains("\"unscored_predictions\": 1"));
        assertTrue(json.contains("\"predictions\": 6"));
        assertTrue(json.contains("\"precision\": null"));
        // The merged table keeps all 15 rows, sorted: cv rows first.
        List<String> merged = Files.readAllLines(dir.resolve("all.tsv"));
        assertEquals(17, merged.size());
        assertEquals("## exprflow predictions 1", merged.get(0));
        assertEquals(HEADER.strip(), merged.get(1));
        assertTrue(merged.get(2).startsWith("cv\t1\t1\ts1\tZeroR"), merged.get(2));
        // Rows outside cv have no fold: written NA, whatever the input said (0 in these older-style files).
        assertTrue(merged.get(16).startsWith("test\tNA\tNA\tt2\tmodel"), merged.get(16));
    }

    private void assertFailsCleanly(int expectedExit, String expectedMessage, Path... inputs) {
        Path out = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("evaluate", "--predictions"),
                Stream.concat(Stream.of(inputs).map(Path::toString), Stream.of(
                        "--output-tsv", out.resolve("m.tsv").toString(),
                        "--output-json", out.resolve("m.json").toString(),
                        "--output-predictions", out.resolve("all.tsv").toString()))).toArray(String[]::new);
        int code = run(new PrintStream(err, true, StandardCharsets.UTF_8), args);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("evaluate: error: ") && message.contains(expectedMessage), message);
        assertFalse(Files.exists(out.resolve("m.tsv")) || Files.exists(out.resolve("m.json"))
                || Files.exists(out.resolve("all.tsv")));
    }

    @Test
    void rejectsFileThatIsNotAPredictionTable() throws IOException {
        Path[] f = writeFoldFiles();
        Path bogus = dir.resolve("expression.tsv");
        Files.writeString(bogus, "gene\tS1\tS2\nTP53\t1.5\t2.5\n");
        assertFailsCleanly(3, "expression.tsv:1: not an exprflow predictions table", f[0], bogus);
    }

    @Test
    void rejectsFilesWithDifferentClasses() throws IOException {
        Path[] f = writeFoldFiles();
        Path other = dir.resolve("other.tsv");
        Files.writeString(other, "set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:A\tprob:C\n"
                + "cv\t1\t3\ts7\tmodel\tC\tC\t0.1\t0.9\n");
        assertFailsCleanly(2, "different classes", f[0], other);
    }

    @Test
    void rejectsTheSameFoldFileGivenTwice() throws IOException {
        Path[] f = writeFoldFiles();
        assertFailsCleanly(3, "appears in more than one file", f[0], f[1], f[0]);
    }

    @Test
    void rejectsUnknownClassInARow() throws IOException {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, HEADER + "cv\t1\t1\ts1\tmodel\tA\tA\t0.9\t0.1\ncv\t1\t1\ts2\tmodel\tB\tZ\t0.9\t0.1\n");
        assertFailsCleanly(3, "bad.tsv:3: predicted 'Z' is not one of the classes", bad);
    }
}
