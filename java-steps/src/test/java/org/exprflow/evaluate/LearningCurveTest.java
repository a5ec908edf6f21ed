package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exprflow.core.UserException;
import org.exprflow.stepfile.LearningCurveTable;
import org.exprflow.stepfile.PredictionTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning curve from the main CV and the fraction runs: the numbers, the full-size reuse, the checks. */
@Tag("unit")
class LearningCurveTest {
    private static final List<String> LEVELS = List.of("A", "B");

    @TempDir
    Path dir;

    /** 12 samples, classes alternating, 3 folds of 4 (sample i in fold i % 3 + 1); the model errs on samples 0 and 1. */
    private static PredictionTable main() {
        List<PredictionTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String truth = LEVELS.get(i % 2);
            String predicted = i < 2 ? LEVELS.get(1 - i % 2) : truth;
            int fold = i % 3 + 1;
            rows.add(new PredictionTable.Row("cv", 1, fold, id(i), "model", truth, predicted, new double[] {0.5, 0.5}));
            rows.add(new PredictionTable.Row("cv", 1, fold, id(i), "ZeroR", truth, "A", new double[] {0.5, 0.5}));
        }
        return new PredictionTable(LEVELS, rows);
    }

    private static String id(int i) {
        return String.format("S%02d", i);
    }

    /** The fraction's rows: the model errs on the first {@code errors} samples; training size 4 per fold. */
    private static List<LearningCurveTable.Row> curve(double fraction, int errors, int size) {
        List<LearningCurveTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String truth = LEVELS.get(i % 2);
            rows.add(new LearningCurveTable.Row(fraction, 1, i % 3 + 1, size, id(i), truth,
                    i < errors ? LEVELS.get(1 - i % 2) : truth));
        }
        return rows;
    }

    @Test
    void fullSizeIsTheMainCvAndSmallerSizesComeFromTheFractionRuns() {
        PredictionTable main = main();
        List<LearningCurveTable.Row> rows = new ArrayList<>(curve(0.5, 6, 4));
        rows.addAll(curve(0.25, 6, 2));
        LearningCurve c = LearningCurve.of(main, rows, 200, 42);
        assertEquals(3, c.points().size());
        assertEquals(List.of(0.25, 0.5, 1.0), c.points().stream().map(LearningCurve.Point::fraction).toList());

        LearningCurve.Point full = c.points().get(2);
        LearnerEvaluation cv = EvaluateCommand.evaluate(main, 200, 42, null).get(0);
        assertEquals("cv", cv.set());
        assertEquals(cv.metrics().balancedAccuracy(), full.balancedAccuracy());
        assertEquals(10.0 / 12, full.balancedAccuracy(), 1e-12);
        // the same rows, replicates and seed: the full-size interval is the main CV's, exactly
        assertEquals(cv.interval().balancedAccuracyLow(), full.interval().balancedAccuracyLow());
        assertEquals(cv.interval().balancedAccuracyHigh(), full.interval().balancedAccuracyHigh());
        assertEquals(cv.folds().balancedAccuracy().mean(), full.foldBalancedAccuracy().mean());
        assertEquals(cv.folds().balancedAccuracy().sd(), full.foldBalancedAccuracy().sd());
        // every fold trains on the 8 samples of the other two folds
        assertEquals(8.0, full.trainingSamplesMean());
        assertEquals(8, full.trainingSamplesMin());
        assertEquals(8, full.trainingSamplesMax());
        assertEquals(3, full.folds());
        assertEquals(12, full.predictions());

        LearningCurve.Point half = c.points().get(1);
        assertEquals(0.5, half.balancedAccuracy(), 1e-12); // 6 errors of 12, 3 per class
        assertEquals(4.0, half.trainingSamplesMean());
        assertEquals(2.0, c.points().get(0).trainingSamplesMean());
        assertTrue(half.interval().balancedAccuracyLow() <= 0.5 && half.interval().balancedAccuracyHigh() >= 0.5);
        // ZeroR always says A: recall 1 for A, 0 for B
        assertEquals(0.5, c.zeroRBalancedAccuracy(), 1e-12);
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<LearningCurveTable.Row> rows = new ArrayList<>(curve(0.5, 5, 4));
        rows.addAll(curve(0.25, 7, 2));
        LearningCurve a = LearningCurve.of(main(), rows, 300, 9);
        java.util.Collections.shuffle(rows, new java.util.Random(3));
        LearningCurve b = LearningCurve.of(main(), rows, 300, 9);
        assertEquals(LearningCurveWriter.tsvLines(a), LearningCurveWriter.tsvLines(b));
    }

    @Test
    void foldSizesAreTheOtherFoldsOfTheRepeat() {
        // unequal folds: 5, 4, 3 held out of 12 -> training sizes 7, 8, 9
        List<PredictionTable.Row> rows = new ArrayList<>();
        int[] foldOf = {1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3};
        for (int i = 0; i < 12; i++) {
            rows.add(new PredictionTable.Row("cv", 1, foldOf[i], id(i), "model", LEVELS.get(i % 2), "A", new double[] {1, 0}));
        }
        LearningCurve c = LearningCurve.of(new PredictionTable(LEVELS, rows), List.of(), 0, 1);
        LearningCurve.Point full = c.points().get(0);
        assertEquals(8.0, full.trainingSamplesMean());
        assertEquals(7, full.trainingSamplesMin());
        assertEquals(9, full.trainingSamplesMax());
        assertEquals(null, full.interval());
        assertTrue(Double.isNaN(c.zeroRBalancedAccuracy()));
    }

    @Test
    void aMissingFoldOrAFractionOfOneIsRefused() {
        List<LearningCurveTable.Row> missing = curve(0.5, 0, 4).stream().filter(r -> r.fold() != 2).toList();
        UserException e = assertThrows(UserException.class, () -> LearningCurve.of(main(), missing, 0, 1));
        assertTrue(e.getMessage().contains("learning-curve fraction 0.5 does not score the held-out samples of the main "
                + "cross-validation (lacks repeat 1 fold 2 sample S01)"), e.getMessage());
        e = assertThrows(UserException.class, () -> LearningCurve.of(main(), curve(1.0, 0, 8), 0, 1));
        assertTrue(e.getMessage().contains("is the main cross-validation, which the curve reuses"), e.getMessage());
        List<LearningCurveTable.Row> twice = new ArrayList<>(curve(0.5, 0, 4));
        twice.add(twice.get(0));
        e = assertThrows(UserException.class, () -> LearningCurve.of(main(), twice, 0, 1));
        assertTrue(e.getMessage().contains("appears in more than one file"), e.getMessage());
    }

    @Test
    void metricsFilesCarryTheCurve() throws Exception {
        LearningCurve c = LearningCurve.of(main(), curve(0.5, 6, 4), 100, 42);
        String tsv = LearningCurveWriter.tsvLines(c);
        assertTrue(tsv.contains("learning_curve\tmodel\tbalanced_accuracy\t0.5\t0.5\n"), tsv);
        assertTrue(tsv.contains("learning_curve\tmodel\ttraining_samples_mean\t1\t8\n"), tsv);
        assertTrue(tsv.contains("learning_curve\tmodel\tzero_r_balanced_accuracy\tall\t0.5\n"), tsv);
        List<LearnerEvaluation> evaluations = EvaluateCommand.evaluate(main(), 100, 42, null);
        String json = MetricsJsonWriter.render(LEVELS, 0, evaluations, null, null, null,
                new MetricsJsonWriter.Additions(null, List.of(), c, null));
        JsonNode block = new ObjectMapper().readTree(json).path("learning_curve");
        assertEquals(2, block.path("points").size(), json);
        JsonNode first = block.path("points").path(0);
        assertEquals(0.5, first.path("fraction").asDouble());
        assertEquals(4.0, first.path("training_samples").path("mean").asDouble());
        assertEquals(2, first.path("balanced_accuracy_interval").size());
        assertEquals(100, block.path("interval").path("replicates").asInt());
        assertTrue(block.path("subsets").asText().contains("nested"), json);
    }

    @Test
    void learningCurveTableRoundTripsAndRejectsBadRows() throws Exception {
        Path p = dir.resolve("lc.tsv");
        LearningCurveTable.write(p, curve(0.5, 2, 4));
        assertEquals(curve(0.5, 2, 4).stream().sorted(java.util.Comparator.comparingInt(LearningCurveTable.Row::fold)
                .thenComparing(LearningCurveTable.Row::sample)).toList(), LearningCurveTable.read(p));
        List<String> lines = new ArrayList<>(Files.readAllLines(p));
        assertEquals("## exprflow learning-curve 1", lines.get(0));
        Path bad = dir.resolve("bad.tsv");
        lines.set(2, lines.get(2).replaceFirst("^0\\.5", "1.5"));
        Files.write(bad, lines);
        UserException e = assertThrows(UserException.class, () -> LearningCurveTable.read(bad));
        assertTrue(e.getMessage().contains("bad.tsv:3: fraction must be above 0 and at most 1"), e.getMessage());
        List<String> sizes = new ArrayList<>(Files.readAllLines(p));
        sizes.set(3, sizes.get(3).replaceFirst("\t4\t", "\t5\t"));
        Files.write(bad, sizes);
        e = assertThrows(UserException.class, () -> LearningCurveTable.read(bad));
        assertTrue(e.getMessage().contains("bad.tsv:4: training_samples 5 differs from 4"), e.getMessage());
    }
}
