package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.stats.RegressionMetrics;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved landmark model predicts new landmark-only samples exactly as the fit predicted its own
 * held-out samples, one sample at a time as well as in a batch, whatever the chunking; new data
 * named by another id type is translated through a landmark list; mistakes are one line.
 */
@Tag("unit")
class LandmarkPredictCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void simulate() {
        ok("simulate-landmark", "--output-dir", p("sim"), "--samples", "300", "--landmarks", "60", "--targets", "10",
                "--query-samples", "30", "--seed", "5");
        ok("import", "--input", p("sim/expression.tsv.gz"), "--format", "tsv", "--output", p("d.xfd"));
        ok("import", "--input", p("sim/query_landmarks.tsv.gz"), "--format", "tsv", "--output", p("q.xfd"));
    }

    @Test
    void savedModelReproducesTheFitsOwnHeldOutPredictions() throws Exception {
        fit("ridge:2", "1/1", "m.xlm", "p.tsv");
        // The held-out samples of the fit, as a landmark-only matrix: what a new L1000 profile looks like.
        Map<String, Map<String, Double>> fromFit = new HashMap<>(); // sample -> target -> predicted z
        for (String line : Files.readAllLines(dir.resolve("p.tsv")).subList(1, Files.readAllLines(dir.resolve("p.tsv")).size())) {
            String[] f = line.split("\t");
            if (f[1].equals("ridge:2")) {
                fromFit.computeIfAbsent(f[3], k -> new HashMap<>()).put(f[0], Double.parseDouble(f[5]));
            }
        }
        List<String> heldOut = new ArrayList<>(fromFit.keySet());
        java.util.Collections.sort(heldOut);
        writeLandmarkColumns(dir.resolve("sim/expression.tsv.gz"), heldOut, dir.resolve("held.tsv"));
        ok("import", "--input", p("held.tsv"), "--format", "tsv", "--output", p("held.xfd"));
        ok("landmark-predict", "--model", p("m.xlm"), "--input", p("held.xfd"), "--scale", "z", "--output", p("held_pred.tsv"));
        Map<String, Map<String, Double>> predicted = readMatrix(dir.resolve("held_pred.tsv"));
        assertEquals(heldOut.size(), predicted.values().iterator().next().size());
        for (String sample : heldOut) {
            fromFit.get(sample).forEach((target, z) ->
                    assertEquals(z, predicted.get(target).get(sample), 1e-9, sample + " " + target));
        }
        // One sample alone is predicted as in the batch: nothing is fitted on the new samples.
        writeLandmarkColumns(dir.resolve("sim/expression.tsv.gz"), heldOut.subList(0, 1), dir.resolve("one.tsv"));
        ok("import", "--input", p("one.tsv"), "--format", "tsv", "--output", p("one.xfd"));
        ok("landmark-predict", "--model", p("m.xlm"), "--input", p("one.xfd"), "--scale", "z", "--output", p("one_pred.tsv"));
        readMatrix(dir.resolve("one_pred.tsv")).forEach((target, bySample) ->
                assertEquals(predicted.get(target).get(heldOut.get(0)), bySample.get(heldOut.get(0)), 0.0, target));
    }

    @Test
    void chunkModelsTogetherEqualTheWholeOnTheExpressionScale() throws Exception {
        fit("ridge:10", "1/1", "whole.xlm", null);
        fit("ridge:10", "1/2", "c1.xlm", null);
        fit("ridge:10", "2/2", "c2.xlm", null);
        ok("landmark-predict", "--model", p("whole.xlm"), "--input", p("q.xfd"), "--output", p("whole.tsv"));
        ok("landmark-predict", "--model", p("c2.xlm"), p("c1.xlm"), "--input", p("q.xfd"), "--output", p("chunks.tsv"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("whole.tsv")), Files.readAllBytes(dir.resolve("chunks.tsv")));
        // On the training scale the query samples' predictions track their true targets (linear ones at least).
        Map<String, Map<String, Double>> predicted = readMatrix(dir.resolve("whole.tsv"));
        Map<String, Map<String, Double>> truth = readMatrix(dir.resolve("sim/query_targets.tsv.gz"));
        Map<String, String> kind = kinds();
        double sum = 0;
        int linear = 0;
        for (String target : predicted.keySet()) {
            double[] t = truth.get(target).values().stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = truth.get(target).keySet().stream().mapToDouble(s -> predicted.get(target).get(s)).toArray();
            double r = RegressionMetrics.of(t, y).pearson();
            if (kind.get(target).equals("linear")) {
                assertTrue(r > 0.5, target + ": r " + r + " on the 30 query samples");
                sum += r;
                linear++;
            }
        }
        assertEquals(5, linear);
        assertTrue(sum / linear > 0.7, "mean r of the linear targets on the query samples: " + sum / linear);
    }

    @Test
    void newDataNamedBySymbolsIsTranslatedThroughTheLandmarkMap() throws Exception {
        fit("linear", "1/1", "m.xlm", null);
        // A D-GEX-style map (symbol, Ensembl, probe) for the simulated probes, and the query renamed to symbols.
        List<String> probes = Files.readAllLines(dir.resolve("sim/landmarks.txt"));
        List<String> map = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            map.add("GENE" + i + "\tENSG" + String.format("%011d", i) + "\t" + probes.get(i));
        }
        Files.write(dir.resolve("map_lm.txt"), map);
        List<String> lines = readGz(dir.resolve("sim/query_landmarks.tsv.gz"));
        List<String> renamed = new ArrayList<>(List.of(lines.get(0).replaceFirst("^probe", "symbol")));
        for (String line : lines.subList(1, lines.size())) {
            String probe = line.substring(0, line.indexOf('\t'));
            renamed.add("GENE" + probes.indexOf(probe) + line.substring(line.indexOf('\t')));
        }
        Files.write(dir.resolve("symbols.tsv"), renamed);
        ok("import", "--input", p("symbols.tsv"), "--format", "tsv", "--output", p("symbols.xfd"));
        ok("landmark-predict", "--model", p("m.xlm"), "--input", p("q.xfd"), "--output", p("by_probe.tsv"));
        ok("landmark-predict", "--model", p("m.xlm"), "--input", p("symbols.xfd"), "--id-type", "symbol",
                "--landmarks", p("map_lm.txt"), "--output", p("by_symbol.tsv"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("by_probe.tsv")), Files.readAllBytes(dir.resolve("by_symbol.tsv")));
    }

    @Test
    void mistakesAreOneLineAndLeaveNoOutput() throws Exception {
        fit("linear", "1/2", "c1.xlm", null);
        // A landmark missing from the new data: refused unless its training mean may stand in.
        List<String> lines = readGz(dir.resolve("sim/query_landmarks.tsv.gz"));
        List<String> fewer = new ArrayList<>(lines);
        fewer.remove(5);
        Files.write(dir.resolve("fewer.tsv"), fewer);
        ok("import", "--input", p("fewer.tsv"), "--format", "tsv", "--output", p("fewer.xfd"));
        oneLine(Cli.run("landmark-predict", "--model", p("c1.xlm"), "--input", p("fewer.xfd"), "--output", p("o.tsv")),
                4, "1 of 60 landmarks are absent");
        ok("landmark-predict", "--model", p("c1.xlm"), "--input", p("fewer.xfd"), "--missing-landmarks", "mean", "--output", p("o.tsv"));
        Files.delete(dir.resolve("o.tsv"));
        // The same chunk twice, and a chunk of another fit.
        oneLine(Cli.run("landmark-predict", "--model", p("c1.xlm"), p("c1.xlm"), "--input", p("q.xfd"), "--output", p("o.tsv")),
                3, "is in another model too");
        ok("landmark-fit", "--input", p("d.xfd"), "--landmarks", p("sim/landmarks.txt"), "--learner", "linear", "--seed", "9",
                "--targets-chunk", "2/2", "--output", p("other.tsv"), "--output-model", p("other.xlm"));
        oneLine(Cli.run("landmark-predict", "--model", p("c1.xlm"), p("other.xlm"), "--input", p("q.xfd"), "--output", p("o.tsv")),
                3, "fitted on other landmarks, training samples or learner");
        // Not a model at all, and a learner the fit does not have.
        oneLine(Cli.run("landmark-predict", "--model", p("d.xfd"), "--input", p("q.xfd"), "--output", p("o.tsv")),
                3, "not an exprflow landmark model file");
        oneLine(Cli.run("landmark-fit", "--input", p("d.xfd"), "--landmarks", p("sim/landmarks.txt"), "--learner", "linear",
                "--output", p("o.tsv"), "--output-model", p("x.xlm"), "--model-learner", "knn"), 2, "--model-learner knn is not one of");
        assertTrue(Files.notExists(dir.resolve("o.tsv")) && Files.notExists(dir.resolve("x.xlm")));
    }

    private void fit(String learner, String chunk, String model, String predictions) {
        List<String> args = new ArrayList<>(List.of("landmark-fit", "--input", p("d.xfd"), "--landmarks", p("sim/landmarks.txt"),
                "--targets", p("sim/targets.txt"), "--learner", learner, "--targets-chunk", chunk, "--seed", "3",
                "--output", p(model + ".metrics.tsv"), "--output-model", p(model)));
        if (predictions != null) {
            args.addAll(List.of("--output-predictions", p(predictions)));
        }
        ok(args.toArray(String[]::new));
    }

    private Map<String, String> kinds() throws Exception {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("sim/truth.tsv")).subList(1, 11)) {
            String[] f = line.split("\t");
            out.put(f[0], f[1]);
        }
        return out;
    }

    /** The landmark rows of a features × samples matrix, for the given samples only. */
    private void writeLandmarkColumns(Path matrix, List<String> samples, Path out) throws Exception {
        List<String> lines = readGz(matrix);
        List<String> header = List.of(lines.get(0).split("\t"));
        int[] cols = samples.stream().mapToInt(header::indexOf).toArray();
        List<String> landmarks = Files.readAllLines(dir.resolve("sim/landmarks.txt"));
        List<String> kept = new ArrayList<>();
        kept.add("probe\t" + String.join("\t", samples));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (landmarks.contains(f[0])) {
                StringBuilder sb = new StringBuilder(f[0]);
                for (int c : cols) {
                    sb.append('\t').append(f[c]);
                }
                kept.add(sb.toString());
            }
        }
        Files.write(out, kept);
    }

    /** A features × samples matrix: feature -> sample -> value. */
    private static Map<String, Map<String, Double>> readMatrix(Path file) throws Exception {
        List<String> lines = file.toString().endsWith(".gz") ? readGz(file) : Files.readAllLines(file);
        String[] header = lines.get(0).split("\t");
        Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Map<String, Double> row = new java.util.LinkedHashMap<>();
            for (int i = 1; i < f.length; i++) {
                row.put(header[i], Double.parseDouble(f[i]));
            }
            out.put(f[0], row);
        }
        return out;
    }

    private static List<String> readGz(Path file) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return List.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static void oneLine(Cli.Result r, int exit, String fragment) {
        assertEquals(exit, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().contains(fragment), r.stderr());
    }

    private static void ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }
}
