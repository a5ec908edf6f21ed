package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Class imbalance is handled inside the training rows of each fit only (--imbalance weights|smote):
 * (a) no synthetic or reweighted row ever reaches held-out scoring, and the learner is trained on rows
 * derived from its own training samples only; (b) balanced accuracy, not accuracy, chooses among
 * candidates; (c) weights come from the fit's training rows, not all samples; (d) the same seed gives
 * identical bytes, whatever the thread count. SMOTE is Weka's filter; its arithmetic is checked by hand.
 */
@Tag("unit")
class ClassImbalanceTest {
    private static final String RECORDING = RecordingClassifier.class.getName();

    @TempDir
    Path dir;

    /** nA samples of class A then nB of class B; features 0..informative-1 shifted for B. */
    static Dataset imbalanced(long seed, int nA, int nB, int features, int informative, double shift) {
        Random rng = new Random(seed);
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[][] v = new double[nA + nB][features];
        for (int i = 0; i < nA + nB; i++) {
            ids.add(String.format("S%03d", i + 1));
            boolean b = i >= nA;
            labels.add(b ? "B" : "A");
            for (int j = 0; j < features; j++) {
                v[i][j] = 8 + rng.nextGaussian() + (b && j < informative ? shift : 0);
            }
        }
        List<String> fids = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            fids.add("g" + j);
        }
        return new Dataset("imbalanced", ids, fids, FeatureIdType.OTHER, v, new LinkedHashMap<>(),
                List.of(Target.nominal("label", labels)));
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    // ---- weights, by hand ----

    @Test
    void weightsAreInverseClassFrequencyOfTheRowsGiven() {
        // n = 40, K = 2: A 40 / (2 * 36), B 40 / (2 * 4)
        assertArrayEquals(new double[] {40.0 / 72, 5.0}, ClassWeights.inverseFrequency(new int[] {36, 4}), 1e-15);
        // a class without rows gets no weight and does not count in K: n = 8, K = 2
        assertArrayEquals(new double[] {8.0 / 12, 0, 2.0}, ClassWeights.inverseFrequency(new int[] {6, 0, 2}), 1e-15);
        // every class then weighs n / K, all rows n
        double[] w = ClassWeights.inverseFrequency(new int[] {17, 5, 9});
        assertEquals(31.0 / 3, 17 * w[0], 1e-12);
        assertEquals(31.0 / 3, 5 * w[1], 1e-12);
        assertEquals(31.0 / 3, 9 * w[2], 1e-12);
    }

    // ---- SMOTE: Weka's filter, its arithmetic and a case computed by hand ----

    @Test
    void smotePercentageMakesExactlyTheMissingRows() {
        // Weka's SMOTE makes floor(P/100) rows per class row, plus floor(frac(P/100) * n) more
        for (int count = 2; count <= 80; count++) {
            for (int target = count; target <= 400; target++) {
                double p = Smote.percentage(count, target);
                int made = (int) Math.floor(p / 100) * count + (int) ((p / 100 - Math.floor(p / 100.0)) * count);
                assertEquals(target - count, made, count + " -> " + target);
            }
        }
    }

    private static Instances rows(double[][] x, int[] classes, String... levels) {
        ArrayList<Attribute> attrs = new ArrayList<>();
        for (int j = 0; j < x[0].length; j++) {
            attrs.add(new Attribute("f" + j));
        }
        attrs.add(new Attribute("class", new ArrayList<>(List.of(levels))));
        Instances data = new Instances("t", attrs, x.length);
        data.setClassIndex(x[0].length);
        for (int i = 0; i < x.length; i++) {
            double[] v = java.util.Arrays.copyOf(x[i], x[i].length + 1);
            v[x[i].length] = classes[i];
            data.add(new DenseInstance(1.0, v));
        }
        return data;
    }

    @Test
    void smoteByHandOnOneFeature() {
        // B has rows 0 and 10 (one neighbour each), A has 4: B needs 2 synthetic rows, P = 125 (one per B row,
        // no extra). Weka's filter draws, per B row in order, the neighbour (nextInt(1)) then one gap per feature.
        Instances data = rows(new double[][] {{1}, {0}, {2}, {10}, {3}, {4}}, new int[] {0, 1, 0, 1, 0, 0}, "A", "B");
        Smote.Result r = Smote.balance(data, 42);
        Random rand = new Random(42);
        rand.nextInt(1);
        double g1 = rand.nextDouble();
        rand.nextInt(1);
        double g2 = rand.nextDouble();
        assertEquals(8, r.rows().numInstances());
        assertArrayEquals(new int[] {0, 2}, r.synthetic());
        for (int i = 0; i < 6; i++) {
            assertEquals(data.instance(i).value(0), r.rows().instance(i).value(0), 0); // originals first, in order
        }
        assertEquals(0 + g1 * (10 - 0), r.rows().instance(6).value(0), 0);
        assertEquals(10 + g2 * (0 - 10), r.rows().instance(7).value(0), 0);
        assertEquals(1, (int) r.rows().instance(6).classValue());
        assertEquals(1, (int) r.rows().instance(7).classValue());
    }

    @Test
    void smoteTopsEveryClassUpToTheLargestWithRowsInsideItsOwnClass() {
        // 3 classes: 11 A, 4 B, 2 C; C's single neighbour is its other row
        Random rng = new Random(3);
        double[][] x = new double[17][3];
        int[] cls = new int[17];
        for (int i = 0; i < 17; i++) {
            cls[i] = i < 11 ? 0 : i < 15 ? 1 : 2;
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextGaussian() + 5 * cls[i];
            }
        }
        Smote.Result r = Smote.balance(rows(x, cls, "A", "B", "C"), 7);
        assertArrayEquals(new int[] {0, 7, 9}, r.synthetic());
        assertArrayEquals(new int[] {11, 11, 11}, ClassWeights.classCounts(r.rows()));
        // Weka draws one gap per feature: a synthetic row lies in the box spanned by a row of its class and
        // one of that row's neighbours of the same class
        for (int s = 17; s < r.rows().numInstances(); s++) {
            int c = (int) r.rows().instance(s).classValue();
            assertTrue(insideSomeBox(r.rows().instance(s).toDoubleArray(), x, cls, c, 3), "synthetic row " + s);
        }
    }

    /** Whether point p (first dims values) lies in the box of two rows of class c. */
    private static boolean insideSomeBox(double[] p, double[][] x, int[] cls, int c, int dims) {
        for (int a = 0; a < x.length; a++) {
            for (int b = 0; b < x.length; b++) {
                if (a == b || cls[a] != c || cls[b] != c) {
                    continue;
                }
                boolean inside = true;
                for (int j = 0; j < dims && inside; j++) {
                    double lo = Math.min(x[a][j], x[b][j]);
                    double hi = Math.max(x[a][j], x[b][j]);
                    inside = p[j] >= lo && p[j] <= hi;
                }
                if (inside) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void smoteLeavesASingleRowClassAndIsSeeded() {
        Instances one = rows(new double[][] {{1}, {2}, {3}, {9}}, new int[] {0, 0, 0, 1}, "A", "B");
        assertEquals(4, Smote.balance(one, 1).rows().numInstances()); // no neighbour, nothing to make
        Instances data = rows(new double[][] {{1}, {2}, {3}, {4}, {9}, {12}}, new int[] {0, 0, 0, 0, 1, 1}, "A", "B");
        double a = Smote.balance(new Instances(data), 1).rows().instance(6).value(0);
        double again = Smote.balance(new Instances(data), 1).rows().instance(6).value(0);
        double other = Smote.balance(new Instances(data), 2).rows().instance(6).value(0);
        assertEquals(a, again, 0);
        assertNotEquals(a, other);
    }

    // ---- (a) nothing synthetic or reweighted reaches held-out scoring ----

    @Test
    void learnerTrainsOnTheFitsOwnRowsAndSyntheticRowsMadeFromThemOnly() {
        Dataset d = imbalanced(5, 30, 8, 40, 5, 1.5);
        Dataset train = d.subsetSamples(range(0, 24));          // 24 A
        train = concat(train, d.subsetSamples(range(30, 35)));  // + 5 B
        Dataset held = concat(d.subsetSamples(range(24, 30)), d.subsetSamples(range(35, 38)));
        RecordingClassifier.reset();
        ModelSpec spec = new ModelSpec(List.of("standardise"), 6, RECORDING, 42, ClassImbalance.smote);
        ModelPipeline m = ModelPipeline.fit(train, train.primaryTarget(), spec);
        List<RecordingClassifier.Fit> fits = RecordingClassifier.fits();
        assertEquals(1, fits.size());
        RecordingClassifier.Fit fit = fits.get(0);
        double[][] trainingRows = m.features().trainingRows(
                PreparedTraining.prepare(train, train.primaryTarget(), List.of("standardise")));
        assertEquals(48, fit.rows()); // 24 A + 5 B + 19 synthetic B
        for (int i = 0; i < 29; i++) {
            assertArrayEquals(trainingRows[i], fit.values()[i], 0, "training row " + i);
            assertEquals(1.0, fit.weights()[i]);
        }
        int[] cls = new int[29];
        for (int i = 0; i < 29; i++) {
            cls[i] = fit.classes()[i];
        }
        for (int s = 29; s < 48; s++) {
            assertEquals(1, fit.classes()[s]);
            assertTrue(insideSomeBox(fit.values()[s], trainingRows, cls, 1, 6), "synthetic row " + s);
        }
        assertEquals("A: 24 rows; B: 5 + 19 SMOTE rows", m.metadata().get("learner_rows"));
        assertEquals("smote", m.metadata().get("imbalance"));

        // held-out rows reach the learner once each, as the training fit transforms them, weight 1
        m.predict(held);
        List<double[]> predicted = RecordingClassifier.predicted();
        double[][] expected = m.features().apply(held, -1, null);
        assertEquals(held.sampleCount(), predicted.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], predicted.get(i), 0);
        }
        assertTrue(RecordingClassifier.predictedWeights().stream().allMatch(w -> w == 1.0));
    }

    private static Dataset concat(Dataset a, Dataset b) {
        List<String> ids = new ArrayList<>(a.sampleIds());
        ids.addAll(b.sampleIds());
        List<String> labels = new ArrayList<>(a.primaryTarget().labels());
        labels.addAll(b.primaryTarget().labels());
        double[][] v = new double[ids.size()][];
        for (int i = 0; i < a.sampleCount(); i++) {
            v[i] = a.row(i);
        }
        for (int i = 0; i < b.sampleCount(); i++) {
            v[a.sampleCount() + i] = b.row(i);
        }
        return new Dataset(a.name(), ids, a.featureIds(), a.featureIdType(), v, new LinkedHashMap<>(),
                List.of(Target.nominal("label", List.of("A", "B"), encode(labels))));
    }

    private static double[] encode(List<String> labels) {
        return labels.stream().mapToDouble(l -> l.equals("A") ? 0 : 1).toArray();
    }

    @Test
    void everyFitOfNestedCvSeesTrainingRowsOnlyAndHeldOutSamplesAreScoredOnce() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(imbalanced(8, 36, 9, 60, 6, 1.2), data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        SplitPlan plan = SplitPlan.read(splits);
        for (String handling : List.of("none", "weights", "smote")) {
            for (int f = 1; f <= 3; f++) {
                Path pred = dir.resolve(handling + f + ".tsv");
                RecordingClassifier.reset();
                Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                        "--fold", Integer.toString(f), "--predictions", pred.toString(), "--imbalance", handling,
                        "--learner", RECORDING, "--learner", "weka.classifiers.functions.Logistic", "--top-k", "5,10",
                        "--inner-folds", "3", "--inner-repeats", "1");
                assertEquals(0, r.exitCode(), r.stderr());
                Set<String> held = plan.heldOut(1, f);
                PredictionTable t = PredictionTable.read(pred);
                for (String learner : List.of("model", "ZeroR")) {
                    List<String> scored = t.rows("cv", learner).stream().map(PredictionTable.Row::sample).toList();
                    assertEquals(held.size(), scored.size(), handling + " " + learner);
                    assertEquals(new TreeSet<>(held), new TreeSet<>(scored), handling + " " + learner);
                }
                int train = 45 - held.size();
                long trainA = plan.trainingSamples().stream().filter(id -> !held.contains(id))
                        .filter(id -> Integer.parseInt(id.substring(1)) <= 36).count();
                // every recorded fit (inner folds and the fold's model): at most the fold's training rows, plus
                // synthetic B rows under smote (A, the largest class, is never oversampled)
                assertTrue(RecordingClassifier.fits().size() > 1, "the inner loop ran");
                for (RecordingClassifier.Fit fit : RecordingClassifier.fits()) {
                    int[] counts = new int[2];
                    for (int c : fit.classes()) {
                        counts[c]++;
                    }
                    assertTrue(counts[0] <= trainA, handling + ": a fit saw " + counts[0] + " A rows of " + trainA);
                    if (handling.equals("smote")) {
                        assertEquals(counts[0], counts[1], "smote balances the classes");
                    } else {
                        assertTrue(fit.rows() <= train, handling + ": a fit saw " + fit.rows() + " rows of " + train);
                    }
                    double[] w = ClassWeights.inverseFrequency(counts);
                    for (int i = 0; i < fit.rows(); i++) {
                        // (c) weights from this fit's own rows, whichever loop it belongs to
                        assertEquals(handling.equals("weights") ? w[fit.classes()[i]] : 1.0, fit.weights()[i], 0, handling);
                    }
                }
                assertTrue(RecordingClassifier.predictedWeights().stream().allMatch(w -> w == 1.0),
                        "a held-out row reached the learner with a weight");
            }
        }
    }

    // ---- (b) balanced accuracy, not accuracy, chooses ----

    /**
     * One feature: 30 A below 0, 6 A and 4 B above it. ZeroR (always A) has accuracy 0.9 and balanced
     * accuracy 0.5; the rule "B above 0" has accuracy 0.85 and balanced accuracy 0.92. Accuracy would
     * choose ZeroR, listed first; balanced accuracy chooses the rule.
     */
    @Test
    void balancedAccuracyNotAccuracyChoosesAmongCandidates() {
        Random rng = new Random(11);
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[][] v = new double[40][1];
        for (int i = 0; i < 40; i++) {
            ids.add(String.format("S%03d", i + 1));
            labels.add(i < 36 ? "A" : "B");
            v[i][0] = (i < 30 ? -1 : 1) + 0.1 * rng.nextGaussian();
        }
        Dataset d = new Dataset("rule", ids, List.of("g0"), FeatureIdType.OTHER, v, new LinkedHashMap<>(),
                List.of(Target.nominal("label", labels)));
        String zeroR = "weka.classifiers.rules.ZeroR";
        String rule = FirstFeatureRule.class.getName();
        // held-out accuracy and balanced accuracy of each alone, by 3-fold CV
        double[] acc = new double[2];
        double[] bacc = new double[2];
        List<String> learners = List.of(zeroR, rule);
        for (int c = 0; c < 2; c++) {
            ModelOptions alone = ModelOptions.of(List.of(learners.get(c)), List.of(0), "none", 3, 1, 42, null);
            List<PredictionTable.Row> rows = NestedCrossValidation.run(d, d.primaryTarget(), 3, 1, 42, alone).stream()
                    .filter(r -> r.learner().equals("model")).toList();
            acc[c] = ConfusionMatrix.of(List.of("A", "B"), rows).accuracy();
            bacc[c] = ConfusionMatrix.of(List.of("A", "B"), rows).balancedAccuracy();
        }
        assertEquals(0.9, acc[0], 1e-12);
        assertEquals(0.85, acc[1], 1e-12);
        assertEquals(0.5, bacc[0], 1e-12);
        assertEquals((30.0 / 36 + 1) / 2, bacc[1], 1e-12);
        for (ModelOptions.SelectionRule selection : ModelOptions.SelectionRule.values()) {
            ModelOptions both = ModelOptions.of(learners, List.of(0), "none", 3, 3, 42, null);
            both.selectionRule = selection;
            ModelSelection.Result r = ModelSelection.fit(d, d.primaryTarget(), both, 7);
            assertEquals(rule, r.chosen().learner(), selection.name());
            assertEquals(0.5, r.scores().get(0).balancedAccuracy(), 1e-12);
            assertEquals((30.0 / 36 + 1) / 2, r.scores().get(1).balancedAccuracy(), 1e-12);
        }
    }

    // ---- (c) weights from the fit's training rows, never all samples ----

    @Test
    void outerFoldWeightsComeFromItsTrainingRowsNotAllSamples() {
        // all samples: 40 A, 10 B (weights would be 50/80 and 2.5); held out: 5 A and 5 B, leaving 35 A and 5 B
        Dataset d = imbalanced(13, 40, 10, 30, 4, 1.5);
        Set<String> held = new LinkedHashSet<>();
        Set<String> train = new LinkedHashSet<>();
        for (int i = 0; i < 50; i++) {
            ((i >= 35 && i < 45) ? held : train).add(d.sampleId(i));
        }
        RecordingClassifier.reset();
        ModelOptions options = ModelOptions.of(List.of(RECORDING), List.of(10), "standardise", 3, 1, 42, null)
                .withImbalance(ClassImbalance.weights);
        OuterFold.Result r = OuterFold.run(d, d.primaryTarget(), train, held, 1, 1, options);
        RecordingClassifier.Fit fit = RecordingClassifier.fits().get(0);
        assertEquals(1, RecordingClassifier.fits().size());
        assertEquals(40, fit.rows());
        for (int i = 0; i < 40; i++) {
            assertEquals(fit.classes()[i] == 0 ? 40.0 / 70 : 4.0, fit.weights()[i], 1e-15);
        }
        assertEquals("A: 35 rows × 0.571428571429; B: 5 rows × 4", r.selection().model().metadata().get("learner_rows"));
        assertEquals(10, r.rows().stream().filter(x -> x.learner().equals("model")).count());
        // ZeroR, the baseline, stays the unweighted training majority: 35 of 40 (Laplace-smoothed by Weka)
        PredictionTable.Row zr = r.rows().stream().filter(x -> x.learner().equals("ZeroR")).findFirst().orElseThrow();
        assertEquals(36.0 / 42, zr.probabilities()[0], 1e-12);
    }

    @Test
    void weightsRefuseALearnerThatIgnoresThem() {
        // every usual Weka learner handles weights (SMO, Logistic, IBk, J48, RandomForest); this test rule does not
        ModelOptions options = ModelOptions.of(List.of(FirstFeatureRule.class.getName()), List.of(0), "none", 3, 1, 42, null)
                .withImbalance(ClassImbalance.weights);
        org.exprflow.core.UserException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.exprflow.core.UserException.class, options::candidates);
        assertTrue(e.getMessage().contains("ignores instance weights; use --imbalance smote"), e.getMessage());
        options.withImbalance(ClassImbalance.smote).candidates(); // smote needs no weights
    }

    // ---- (d) determinism ----

    private byte[] foldPredictions(String tag, Path data, Path splits, String learner, String seed) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int f = 1; f <= 3; f++) {
            Path p = dir.resolve(tag + f + ".tsv");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(f), "--predictions", p.toString(), "--learner", learner,
                    "--learner", "weka.classifiers.functions.Logistic -R 1.0", "--top-k", "8,16", "--inner-repeats", "2",
                    "--imbalance", "smote", "--seed", seed);
            assertEquals(0, r.exitCode(), r.stderr());
            all.append(Files.readString(p));
        }
        return all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void smoteRunsAreByteIdenticalForOneSeedWhateverTheThreadCount() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(imbalanced(21, 33, 9, 50, 6, 1.0), data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        byte[] one = foldPredictions("a", data, splits, "weka.classifiers.trees.RandomForest -I 30 -num-slots 1", "42");
        byte[] two = foldPredictions("b", data, splits, "weka.classifiers.trees.RandomForest -I 30 -num-slots 2", "42");
        byte[] again = foldPredictions("c", data, splits, "weka.classifiers.trees.RandomForest -I 30 -num-slots 1", "42");
        byte[] otherSeed = foldPredictions("d", data, splits, "weka.classifiers.trees.RandomForest -I 30 -num-slots 1", "43");
        assertArrayEquals(one, again);
        assertArrayEquals(one, two);
        assertFalse(java.util.Arrays.equals(one, otherSeed), "the seed reaches SMOTE and the learner");
    }
}
