package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design (a), across samples, through the CLI steps exactly as the pipeline chains them (no
 * Nextflow): region-dataset per chromosome and chunk of target genes, one split of the samples into
 * CV folds, regress per (chunk, fold), evaluate-regression over all of them. On the simulated study
 * in test-data/peaks the planted genes (expression driven by the TSS peak's signal) must come out
 * with a high per-gene r, the null genes near zero, and the model must beat the training-mean
 * baseline only on the planted genes.
 */
@Tag("unit")
class RegressCommandTest {
    static final Path DATA = TestEnvironment.projectDir().resolve("test-data/peaks");
    static final String LEARNER = "weka.classifiers.functions.LinearRegression -S 1 -R 1.0E-8";
    static final String[] REGIONS = {"chr1:0-200000", "chr2:0-150000", "chr3:0-100000"};
    static final int CHUNKS = 2;
    static final int FOLDS = 4;

    @TempDir
    Path dir;

    @Test
    void recoversThePlantedGenesThroughTheCliSteps() throws Exception {
        List<Path> peaks = new ArrayList<>();
        List<Path> rna = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String s = String.format("sample%02d", i);
            peaks.add(DATA.resolve(s + ".narrowPeak.gz"));
            rna.add(DATA.resolve(s + ".rna.tsv"));
            names.add(s);
        }
        // The scatter: one dataset per (region, chunk of its genes), all with the same samples.
        List<Path> datasets = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int r = 0; r < REGIONS.length; r++) {
            for (int k = 1; k <= CHUNKS; k++) {
                Path out = dir.resolve("r" + r + ".c" + k + ".xfd");
                List<String> args = new ArrayList<>(List.of("--quiet", "region-dataset", "--peaks"));
                peaks.forEach(p -> args.add(p.toString()));
                args.add("--rna");
                rna.forEach(p -> args.add(p.toString()));
                args.add("--names");
                args.addAll(names);
                args.addAll(List.of("--annotation", DATA.resolve("genes.bed").toString(),
                        "--chrom-sizes", DATA.resolve("chrom.sizes").toString(), "--region", REGIONS[r],
                        "--bin-size", "1000", "--value", "signal", "--targets-chunk", k + "/" + CHUNKS,
                        "--output", out.toString()));
                Cli.Result result = Cli.run(args.toArray(String[]::new));
                assertEquals(0, result.exitCode(), result.stderr());
                Dataset d = DatasetFile.read(out);
                assertEquals(names, d.sampleIds());
                d.targets().stream().map(Target::name).forEach(targets::add);
                datasets.add(out);
            }
        }
        // The chunks partition the genes: every gene of the study is a target exactly once.
        assertEquals(truth().keySet().stream().sorted().toList(), targets.stream().sorted().toList());

        // Folds over samples, made once (a numeric target has one stratum, so any chunk gives the same folds).
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("--quiet", "split", "--input", datasets.get(0).toString(), "--output", splits.toString(),
                "--folds", String.valueOf(FOLDS), "--seed", "42").exitCode());
        Path otherSplits = dir.resolve("splits-other-chunk.tsv");
        assertEquals(0, Cli.run("--quiet", "split", "--input", datasets.get(3).toString(), "--output",
                otherSplits.toString(), "--folds", String.valueOf(FOLDS), "--seed", "42").exitCode());
        assertEquals(Files.readString(splits), Files.readString(otherSplits), "folds must not depend on the chunk");

        List<String> tables = new ArrayList<>();
        for (Path d : datasets) {
            for (int f = 1; f <= FOLDS; f++) {
                Path pred = dir.resolve(d.getFileName() + ".f" + f + ".tsv");
                Cli.Result result = Cli.run("--quiet", "regress", "--input", d.toString(), "--splits", splits.toString(),
                        "--repeat", "1", "--fold", String.valueOf(f), "--learner", LEARNER, "--top-k", "1",
                        "--predictions", pred.toString());
                assertEquals(0, result.exitCode(), result.stderr());
                tables.add(pred.toString());
            }
        }
        List<String> args = new ArrayList<>(List.of("--quiet", "evaluate-regression", "--predictions"));
        args.addAll(tables);
        Path metrics = dir.resolve("m.tsv");
        args.addAll(List.of("--output-tsv", metrics.toString(), "--output-json", dir.resolve("m.json").toString()));
        assertEquals(0, Cli.run(args.toArray(String[]::new)).exitCode());

        List<String> lines = Files.readAllLines(metrics);
        Map<String, Boolean> planted = truth();
        List<Double> plantedR = new ArrayList<>();
        List<Double> nullR = new ArrayList<>();
        List<Double> plantedGain = new ArrayList<>();
        for (Map.Entry<String, Boolean> gene : planted.entrySet()) {
            double r = value(lines, "cv\tmodel\t" + gene.getKey() + "\tpearson");
            (gene.getValue() ? plantedR : nullR).add(r);
            if (gene.getValue()) {
                plantedGain.add(value(lines, "cv\tmean\t" + gene.getKey() + "\trmse")
                        - value(lines, "cv\tmodel\t" + gene.getKey() + "\trmse"));
            }
        }
        double plantedMedian = median(plantedR);
        double nullMedian = median(nullR);
        System.out.printf("design (a) on test-data/peaks: median per-gene r planted %.3f, null %.3f%n",
                plantedMedian, nullMedian);
        assertEquals(12, plantedR.size());
        assertTrue(plantedMedian >= 0.8, "planted genes' median r " + plantedMedian + " " + plantedR);
        assertTrue(nullMedian <= 0.3, "null genes' median r " + nullMedian + " " + nullR);
        assertTrue(plantedR.stream().filter(r -> r > 0.5).count() >= 10, "planted r " + plantedR);
        // On planted genes the model's error is below the training-mean baseline's.
        assertTrue(median(plantedGain) > 0, "RMSE gain over the mean baseline " + plantedGain);
        assertEquals(24, (int) value(lines, "cv\tmodel\tall\ttargets"));
    }

    /** gene_id -> planted, from the simulator's truth table. */
    static Map<String, Boolean> truth() throws Exception {
        Map<String, Boolean> out = new TreeMap<>();
        for (String line : Files.readAllLines(DATA.resolve("truth.tsv")).subList(1, 25)) {
            String[] f = line.split("\t");
            out.put(f[0], Boolean.parseBoolean(f[4]));
        }
        return out;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double value(List<String> lines, String prefix) {
        List<String> hits = lines.stream().filter(l -> l.startsWith(prefix + "\t")).toList();
        assertEquals(1, hits.size(), prefix + ": " + hits);
        return Double.parseDouble(hits.get(0).substring(prefix.length() + 1));
    }
}
