package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.testing.Cli;
import org.exprflow.stepfile.PredictionTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary-relevance multi-label scoring: micro and macro F1 over labels. */
@Tag("unit")
class MultilabelCommandTest {
    @TempDir
    Path dir;

    /** Rows with the given numbers of true positives, false positives, false negatives, true negatives. */
    private static PredictionTable table(int tp, int fp, int fn, int tn) {
        List<PredictionTable.Row> rows = new ArrayList<>();
        int[][] kinds = {{tp, 1, 1}, {fp, 0, 1}, {fn, 1, 0}, {tn, 0, 0}};
        int n = 0;
        for (int[] k : kinds) {
            for (int i = 0; i < k[0]; i++) {
                String truth = k[1] == 1 ? "yes" : "no";
                String pred = k[2] == 1 ? "yes" : "no";
                rows.add(new PredictionTable.Row("cv", 1, 1, "S" + (n++), "model", truth, pred,
                        pred.equals("yes") ? new double[] {0.2, 0.8} : new double[] {0.8, 0.2}));
            }
        }
        return new PredictionTable(List.of("no", "yes"), rows);
    }

    @Test
    void microAndMacroF1ComputedByHand() {
        Map<String, PredictionTable> tables = new LinkedHashMap<>();
        tables.put("A", table(3, 1, 2, 4)); // F1 = 2*3 / (2*3 + 1 + 2) = 6/9
        tables.put("B", table(1, 0, 1, 8)); // F1 = 2 / (2 + 0 + 1) = 2/3
        tables.put("C", table(0, 2, 1, 7)); // F1 = 0 / 3 = 0
        MultiLabelSummary s = MultiLabelSummary.of(tables, "cv", null);
        assertEquals(6.0 / 9, s.labels().get(0).f1(), 1e-15);
        assertEquals(2.0 / 3, s.labels().get(1).f1(), 1e-15);
        assertEquals(0.0, s.labels().get(2).f1(), 0.0);
        // micro: TP 4, FP 3, FN 4 -> 8 / (8 + 3 + 4) = 8/15; precision 4/7, recall 4/8
        assertEquals(8.0 / 15, s.microF1(), 1e-15);
        assertEquals(4.0 / 7, s.microPrecision(), 1e-15);
        assertEquals(0.5, s.microRecall(), 1e-15);
        // macro: (2/3 + 2/3 + 0) / 3 = 4/9
        assertEquals(4.0 / 9, s.macroF1(), 1e-15);
    }

    @Test
    void eachLabelGetsItsOwnModelAndTheSummaryAgreesWithPerLabelEvaluation() throws Exception {
        // 48 samples, 3 binary labels; label j is present when gene j is high (plus noise genes)
        Random rng = new Random(5);
        int n = 48;
        int p = 40;
        List<String> ids = new ArrayList<>();
        double[][] v = new double[n][p];
        List<List<String>> labels = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            ids.add(String.format("S%02d", i));
            for (int j = 0; j < p; j++) {
                v[i][j] = 8 + rng.nextGaussian();
            }
            for (int l = 0; l < 3; l++) {
                boolean present = (i >> l & 1) == 1 ^ (i % 7 == l);
                labels.get(l).add(present ? "yes" : "no");
                v[i][l * 3] += present ? 2.5 : 0;
                v[i][l * 3 + 1] += present ? 2.0 : 0;
            }
        }
        List<String> fids = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            fids.add("g" + j);
        }
        List<Target> targets = List.of(Target.nominal("nucleus", labels.get(0)), Target.nominal("membrane", labels.get(1)),
                Target.nominal("cytosol", labels.get(2)));
        Path data = dir.resolve("ml.xfd");
        DatasetFile.write(new Dataset("ml", ids, fids, FeatureIdType.OTHER, v, new LinkedHashMap<>(), targets), data);

        List<String> args = new ArrayList<>(List.of("multilabel"));
        long tpSum = 0;
        long fpSum = 0;
        long fnSum = 0;
        for (Target t : targets) {
            Path splits = dir.resolve(t.name() + ".splits.tsv");
            assertEquals(0, Cli.run("split", "--input", data.toString(), "--target", t.name(), "--output", splits.toString(),
                    "--folds", "4").exitCode());
            List<String> eval = new ArrayList<>(List.of("evaluate", "--predictions"));
            for (int f = 1; f <= 4; f++) {
                Path pred = dir.resolve(t.name() + f + ".tsv");
                Cli.Result r = Cli.run("train", "--input", data.toString(), "--target", t.name(), "--splits", splits.toString(),
                        "--repeat", "1", "--fold", Integer.toString(f), "--predictions", pred.toString(), "--top-k", "5");
                assertEquals(0, r.exitCode(), r.stderr());
                eval.add(pred.toString());
            }
            Path merged = dir.resolve(t.name() + ".all.tsv");
            eval.addAll(List.of("--output-tsv", dir.resolve(t.name() + ".m.tsv").toString(), "--output-json",
                    dir.resolve(t.name() + ".m.json").toString(), "--output-predictions", merged.toString(), "--bootstrap", "0"));
            assertEquals(0, Cli.run(eval.toArray(String[]::new)).exitCode());
            String m = Files.readString(dir.resolve(t.name() + ".m.tsv"));
            tpSum += confusion(m, "yes>yes");
            fpSum += confusion(m, "no>yes");
            fnSum += confusion(m, "yes>no");
            args.addAll(List.of("--label", t.name() + "=" + merged));
        }
        Path tsv = dir.resolve("ml.tsv");
        args.addAll(List.of("--output-tsv", tsv.toString(), "--output-json", dir.resolve("ml.json").toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        String out = Files.readString(tsv);
        double micro = 2.0 * tpSum / (2.0 * tpSum + fpSum + fnSum);
        assertTrue(out.contains("cv\tall\tmicro_f1\t" + org.exprflow.io.Canonical.number(micro) + "\n"), out + " expected " + micro);
        assertTrue(micro > 0.8, "the planted labels are learnable: micro F1 " + micro);
        assertTrue(out.contains("cv\tcytosol\tf1\t") && out.contains("cv\tall\tmacro_f1\t"), out);
    }

    private static long confusion(String metrics, String cell) {
        return metrics.lines().filter(l -> l.startsWith("cv\tmodel\tconfusion\t" + cell + "\t"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf('\t') + 1))).findFirst().orElseThrow();
    }

    @Test
    void anUnrecognisedPositiveClassIsAUsageError() throws Exception {
        Path f = dir.resolve("x.tsv");
        new PredictionTable(List.of("absent", "here"), List.of(new PredictionTable.Row("cv", 1, 1, "S1", "model", "here", "here",
                new double[] {0, 1}))).write(f);
        Path out = dir.resolve("o.tsv");
        Cli.Result r = Cli.run("multilabel", "--label", "loc=" + f, "--output-tsv", out.toString(), "--output-json",
                dir.resolve("o.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("cannot tell which class of label 'loc' means present"), r.stderr());
        assertFalse(Files.exists(out));
        assertEquals(0, Cli.run("multilabel", "--label", "loc=" + f, "--positive-class", "here", "--output-tsv", out.toString(),
                "--output-json", dir.resolve("o.json").toString()).exitCode());
    }
}
