package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.CandidateScores;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Range;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.PairedStats;
import weka.experiment.PairedStatsCorrected;

/**
 * The corrected resampled t-test of {@link ModelComparison} against Weka 3.8.6's
 * {@code weka.experiment.PairedCorrectedTTester}, the Experimenter's "Paired T-Tester (corrected)", on
 * the same per-fold values. The values reach Weka as an Experimenter result set: one instance per
 * (scheme, run, fold) with the key columns Key_Dataset, Key_Run, Key_Fold, Key_Scheme,
 * Key_Scheme_options, Key_Scheme_version_ID, the sizes Number_of_training_instances and
 * Number_of_testing_instances (from which the tester takes n_test/n_train as total over total), and
 * the compared metric.
 *
 * <p>Tolerances: the mean difference, the corrected variance (1/J + n_test/n_train) · s² and t agree
 * within 1e-12 relative (Weka keeps a running variance, exprflow a two-pass one), plus 1e-15 absolute
 * for values that are 0 up to rounding; the two-sided p within 1e-10 relative (Weka's F(t², 1, df)
 * probability and commons-math's incomplete beta are different series); the significance at 0.05
 * (+1, 0, −1) is identical.
 */
@Tag("unit")
class ModelComparisonWekaTest {
    private static final double RELATIVE = 1e-12;
    private static final double P_RELATIVE = 1e-10;
    private static final double ABSOLUTE = 1e-15;

    @TempDir
    Path dir;

    /** Observed largest relative differences (corrected variance, t, p), printed for the docs. */
    private final double[] max = new double[3];

    @Test
    void randomFoldsMatchPairedCorrectedTTester() throws Exception {
        Random random = new Random(20031);
        int compared = 0;
        for (int trial = 0; trial < 200; trial++) {
            int repeats = 1 + random.nextInt(10);
            int folds = 2 + random.nextInt(9);
            int samples = folds * 3 + random.nextInt(100);
            List<Fold> rows = new ArrayList<>();
            double gap = random.nextDouble() * 0.2 - 0.1;
            for (int r = 1; r <= repeats; r++) {
                for (int f = 1; f <= folds; f++) {
                    // unequal fold sizes, as stratified folds of a real study have
                    int nTest = samples / folds + (f <= samples % folds ? 1 : 0);
                    double a = Math.min(1, Math.max(0, 0.7 + random.nextGaussian() * 0.1));
                    double b = Math.min(1, Math.max(0, a - gap + random.nextGaussian() * 0.05));
                    rows.add(new Fold(r, f, samples - nTest, nTest, a, b));
                }
            }
            check(rows);
            compared++;
        }
        System.out.printf("PairedCorrectedTTester, %d random result sets: max relative difference corrected variance %.2e,"
                + " t %.2e, p %.2e%n", compared, max[0], max[1], max[2]);
    }

    @Test
    void equalDifferencesFollowWekasConvention() throws Exception {
        List<Fold> zero = new ArrayList<>();
        List<Fold> constant = new ArrayList<>();
        for (int f = 1; f <= 5; f++) {
            zero.add(new Fold(1, f, 40, 10, 0.8, 0.8));
            constant.add(new Fold(1, f, 40, 10, 0.9, 0.8));
        }
        ModelComparison.Comparison z = check(zero);
        assertEquals(1.0, z.p());
        ModelComparison.Comparison c = check(constant);
        assertEquals(0.0, c.p());
    }

    /** The per-fold values that train writes and evaluate reads, from a real nested-CV run. */
    @Test
    void candidateScoresOfTrainMatchPairedCorrectedTTester() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(31, 36, 60, 6, 0.8, "A", "B", "C"), data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3",
                "--repeats", "2").exitCode());
        List<Path> files = new ArrayList<>();
        for (int r = 1; r <= 2; r++) {
            for (int f = 1; f <= 3; f++) {
                Path scores = dir.resolve("r" + r + "f" + f + ".candidates.tsv");
                Cli.Result run = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat",
                        Integer.toString(r), "--fold", Integer.toString(f), "--predictions",
                        dir.resolve("r" + r + "f" + f + ".tsv").toString(), "--learner",
                        "weka.classifiers.bayes.NaiveBayes;weka.classifiers.lazy.IBk -K 3", "--top-k", "5,20",
                        "--inner-repeats", "1", "--candidate-scores", scores.toString(), "--compare-models");
                assertEquals(0, run.exitCode(), run.stderr());
                files.add(scores);
            }
        }
        ModelComparison comparison = ModelComparison.read(files);
        assertEquals(1 + 4 * 3 / 2, comparison.comparisons().size());
        assertAllAgree(comparison, max);
        System.out.printf("PairedCorrectedTTester, train's candidate scores (%d comparisons): max relative difference"
                + " corrected variance %.2e, t %.2e, p %.2e%n", comparison.comparisons().size(), max[0], max[1], max[2]);
    }

    /** Every comparison of a run against Weka on the same per-fold values; the largest differences go to max. */
    static void assertAllAgree(ModelComparison comparison, double[] max) throws Exception {
        for (ModelComparison.Comparison c : comparison.comparisons()) {
            ModelComparison.Scheme a = scheme(comparison, c.a());
            ModelComparison.Scheme b = scheme(comparison, c.b());
            List<Fold> rows = new ArrayList<>();
            for (Map.Entry<ModelComparison.FoldKey, CandidateScores.Row> e : new TreeMap<>(a.folds()).entrySet()) {
                CandidateScores.Row ra = e.getValue();
                rows.add(new Fold(ra.repeat(), ra.fold(), ra.nTrain(), ra.nTest(), ra.balancedAccuracy(),
                        b.folds().get(e.getKey()).balancedAccuracy()));
            }
            assertWekaAgrees(rows, c, max);
        }
    }

    private static ModelComparison.Scheme scheme(ModelComparison comparison, String name) {
        return comparison.schemes().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private record Fold(int repeat, int fold, int nTrain, int nTest, double a, double b) {
    }

    /** exprflow's test of a against b on these folds, checked against Weka's. */
    private ModelComparison.Comparison check(List<Fold> rows) throws Exception {
        double[] x = rows.stream().mapToDouble(Fold::a).toArray();
        double[] y = rows.stream().mapToDouble(Fold::b).toArray();
        double[] d = rows.stream().mapToDouble(r -> r.a() - r.b()).toArray();
        double ratio = rows.stream().mapToDouble(Fold::nTest).sum() / rows.stream().mapToDouble(Fold::nTrain).sum();
        ModelComparison.Comparison ours = ModelComparison.test("A", "B", x, y, d, ratio);
        assertWekaAgrees(rows, ours, max);
        return ours;
    }

    private static void assertWekaAgrees(List<Fold> rows, ModelComparison.Comparison ours, double[] max) throws Exception {
        PairedStats weka = pairedCorrectedTTester(rows);
        double wekaRatio = testTrainRatio(weka);
        double wekaVariance = weka.differencesStats.stdDev * weka.differencesStats.stdDev;
        double wekaCorrected = (1 / weka.count + wekaRatio) * wekaVariance;
        assertEquals(rows.size(), (int) weka.count);
        assertClose(wekaRatio, ours.testTrainRatio(), RELATIVE, "n_test/n_train");
        assertClose(weka.differencesStats.mean, ours.meanDifference(), RELATIVE, "mean difference");
        assertClose(weka.xStats.mean, ours.meanA(), RELATIVE, "mean of A");
        max[0] = Math.max(max[0], assertClose(wekaCorrected, ours.correctedVariance(), RELATIVE, "corrected variance"));
        if (wekaVariance > 0) {
            // Weka does not keep t: it is the mean over the square root of the corrected variance, as computed above.
            double wekaT = weka.differencesStats.mean / Math.sqrt(wekaCorrected);
            max[1] = Math.max(max[1], assertClose(wekaT, ours.t(), RELATIVE, "t"));
        }
        max[2] = Math.max(max[2], assertClose(weka.differencesProbability, ours.p(), P_RELATIVE, "p"));
        int significance = ours.p() <= 0.05 ? (ours.meanA() > ours.meanB() ? 1 : -1) : 0;
        assertEquals(weka.differencesSignificance, significance, "significance at 0.05");
    }

    /**
     * Asserts |ours − weka| ≤ tolerance · |weka| + 1e-15 and returns the relative difference (0 when
     * |weka| < 1e-9). The absolute floor, a few ulps of 1, is for values that are 0 up to rounding: on real
     * folds the differences of two schemes often cancel, and Weka's running mean and exprflow's sum
     * then leave different residues of order 1e-17.
     */
    private static double assertClose(double weka, double ours, double tolerance, String what) {
        double diff = Math.abs(ours - weka);
        assertTrue(diff <= tolerance * Math.abs(weka) + ABSOLUTE, what + ": exprflow " + ours + ", Weka " + weka);
        return Math.abs(weka) < 1e-9 ? 0 : diff / Math.abs(weka); // the reported maximum: values away from 0 only
    }

    /** The tester keeps n_test/n_train in the statistics it returns, in a protected field. */
    private static double testTrainRatio(PairedStats stats) throws Exception {
        Field f = PairedStatsCorrected.class.getDeclaredField("m_testTrainRatio");
        f.setAccessible(true);
        return f.getDouble(stats);
    }

    /** Weka's corrected paired t-test of scheme A against scheme B on an Experimenter result set. */
    private static PairedStats pairedCorrectedTTester(List<Fold> rows) throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("Key_Dataset", List.of("data")));
        attributes.add(new Attribute("Key_Run"));
        attributes.add(new Attribute("Key_Fold"));
        attributes.add(new Attribute("Key_Scheme", List.of("A", "B")));
        attributes.add(new Attribute("Key_Scheme_options", List.of("none")));
        attributes.add(new Attribute("Key_Scheme_version_ID", List.of("1")));
        attributes.add(new Attribute("Number_of_training_instances"));
        attributes.add(new Attribute("Number_of_testing_instances"));
        attributes.add(new Attribute("Balanced_accuracy"));
        Instances results = new Instances("results", attributes, 2 * rows.size());
        for (int scheme = 0; scheme < 2; scheme++) {
            for (Fold r : rows) {
                results.add(new DenseInstance(1, new double[] {0, r.repeat(), r.fold(), scheme, 0, 0, r.nTrain(), r.nTest(),
                        scheme == 0 ? r.a() : r.b()}));
            }
        }
        PairedCorrectedTTester tester = new PairedCorrectedTTester();
        tester.setInstances(results);
        tester.setDatasetKeyColumns(new Range("1"));
        tester.setRunColumn(1);
        tester.setFoldColumn(2);
        tester.setResultsetKeyColumns(new Range("4,5,6"));
        tester.setSignificanceLevel(0.05);
        assertEquals(2, tester.getNumResultsets());
        assertTrue(tester.getResultsetName(0).startsWith("A"), tester.getResultsetName(0));
        return tester.calculateStatistics(results.instance(0), 0, 1, 8);
    }
}
