package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.ingest.ArffReader;
import org.exprflow.ingest.ReaderOptions;
import org.exprflow.stats.BrierScore;
import org.exprflow.stats.ReliabilityDiagram;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.testing.ReferencePython;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Brier scores, reliability bins and both calibrators against scikit-learn 1.2 (live, through
 * {@link ReferencePython}), on real data: DLBCL vs FL (2 classes) and SRBCT (4 classes) from
 * ../shared/data. The training samples' out-of-fold probabilities of SMO -M (the default learner; 50
 * genes, standardised) are scored with {@code brier_score_loss} and {@code calibration_curve(n_bins=10,
 * strategy='uniform')} one class against the rest; {@code CalibratedClassifierCV(cv='prefit')} is
 * fitted on the same probabilities (its prefit estimator returns them) and applied to the held-out
 * samples' uncalibrated probabilities, beside exprflow's calibrator.
 *
 * <p>Tolerances (also in docs/architecture.md, "Calibration"): Brier scores, bin means and frequencies
 * 1e-12 absolute (same sums, order may differ); isotonic calibrated probabilities 1e-12 absolute (the
 * same algorithm step by step); Platt parameters A and B 1e-4 relative and calibrated probabilities
 * 1e-5 absolute, because scikit-learn stops its BFGS at a gradient norm of 1e-5 while exprflow
 * iterates Newton's method to 1e-11 (both minimise the same convex function).
 */
@Tag("realdata")
class CalibrationSklearnTest {
    private static final double EXACT = 1e-12;
    private static final double PLATT_PARAMETER = 1e-4;
    private static final double PLATT_PROBABILITY = 1e-5;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"biolab/04_DLBCL.arff.gz", "biolab/02_SRBCT.arff.gz"})
    void brierBinsAndCalibratorsEqualScikitLearn(String file) throws Exception {
        Dataset data = ArffReader.read(TestEnvironment.sharedFile(file), ReaderOptions.defaults());
        int[] trainRows = java.util.stream.IntStream.range(0, data.sampleCount()).filter(i -> i % 4 != 0).toArray();
        int[] heldRows = java.util.stream.IntStream.range(0, data.sampleCount()).filter(i -> i % 4 == 0).toArray();
        Dataset train = data.subsetSamples(trainRows);
        Dataset held = data.subsetSamples(heldRows);
        Target target = train.primaryTarget();
        List<String> levels = target.levels();
        int k = levels.size();
        ModelOptions options = ModelOptions.of(List.of(ModelSpec.DEFAULT_LEARNER), List.of(50), "standardise", 3, 1, 42,
                null);
        Candidate chosen = options.candidates().get(0);
        double[][] oof = Calibration.outOfFoldProbabilities(train, target, options.withCalibration(
                ProbabilityCalibrator.Method.platt, 5), chosen, 11);
        int[] truth = new int[train.sampleCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = levels.indexOf(target.label(i));
        }
        ModelPipeline model = ModelPipeline.fitChecked(train, target, options.transformNames(), chosen, 42,
                ClassImbalance.none, new LinkedHashMap<>());
        double[][] raw = model.predictUncalibrated(held, -1);

        Path oofFile = dir.resolve("oof.tsv");
        Path heldFile = dir.resolve("held.tsv");
        Path outFile = dir.resolve("out.tsv");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < oof.length; i++) {
            sb.append(truth[i]);
            for (double p : oof[i]) {
                sb.append('\t').append(Double.toString(p));
            }
            sb.append('\n');
        }
        Files.writeString(oofFile, sb.toString());
        sb.setLength(0);
        for (double[] row : raw) {
            for (int c = 0; c < row.length; c++) {
                sb.append(c == 0 ? "" : "\t").append(Double.toString(row[c]));
            }
            sb.append('\n');
        }
        Files.writeString(heldFile, sb.toString());
        Path script = Path.of(CalibrationSklearnTest.class.getResource("/python/sklearn_calibration.py").toURI());
        Process p = new ProcessBuilder(ReferencePython.command(script, oofFile.toString(), heldFile.toString(),
                outFile.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), log);
        Map<String, double[]> ref = new HashMap<>();
        for (String line : Files.readAllLines(outFile)) {
            String[] f = line.split("\t");
            double[] v = new double[f.length - 2];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(f[i + 2]);
            }
            ref.put(f[0] + "/" + f[1], v);
        }

        // Brier scores and reliability bins, one class against the rest, of the out-of-fold probabilities
        List<PredictionTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < oof.length; i++) {
            rows.add(new PredictionTable.Row("cv", 1, 1, train.sampleId(i), "model", levels.get(truth[i]),
                    levels.get(ModelPipeline.predictedClass(oof[i])), oof[i]));
        }
        double maxBrier = 0;
        double maxBin = 0;
        double sumOneVsRest = 0;
        for (int c = 0; c < k; c++) {
            double brier = BrierScore.oneVsRest(levels, rows, c);
            maxBrier = Math.max(maxBrier, Math.abs(brier - ref.get("brier/" + c)[0]));
            sumOneVsRest += ref.get("brier/" + c)[0];
            List<ReliabilityDiagram.Bin> bins = ReliabilityDiagram.of(levels, rows, c).stream()
                    .filter(b -> b.count() > 0).toList();
            double[] expectedTrue = ref.get("curve_true/" + c);
            double[] expectedPred = ref.get("curve_pred/" + c);
            assertEquals(expectedTrue.length, bins.size(), levels.get(c) + ": non-empty bins");
            for (int b = 0; b < bins.size(); b++) {
                maxBin = Math.max(maxBin, Math.abs(bins.get(b).observedFrequency() - expectedTrue[b]));
                maxBin = Math.max(maxBin, Math.abs(bins.get(b).meanPredicted() - expectedPred[b]));
            }
        }
        double multi = Math.abs(BrierScore.multiClass(levels, rows) - sumOneVsRest);
        assertTrue(maxBrier <= EXACT, "Brier differs from brier_score_loss by " + maxBrier);
        assertTrue(multi <= EXACT, "multi-class Brier differs from the sum of brier_score_loss by " + multi);
        assertTrue(maxBin <= EXACT, "reliability bins differ from calibration_curve by " + maxBin);

        // the calibrators, fitted on the same out-of-fold probabilities, applied to the held-out samples
        ProbabilityCalibrator platt = ProbabilityCalibrator.fit(ProbabilityCalibrator.Method.platt, oof, truth, k);
        ProbabilityCalibrator isotonic = ProbabilityCalibrator.fit(ProbabilityCalibrator.Method.isotonic, oof, truth, k);
        List<String> maps = platt.describe();
        double maxParameter = 0;
        for (int i = 0; i < maps.size(); i++) {
            double[] ab = ref.get("platt/" + i);
            String[] parts = maps.get(i).split("[ =]");
            double a = Double.parseDouble(parts[2]);
            double b = Double.parseDouble(parts[4]);
            maxParameter = Math.max(maxParameter, Math.abs(a - ab[0]) / Math.max(1, Math.abs(ab[0])));
            maxParameter = Math.max(maxParameter, Math.abs(b - ab[1]) / Math.max(1, Math.abs(ab[1])));
        }
        double maxPlatt = 0;
        double maxIsotonic = 0;
        for (int i = 0; i < raw.length; i++) {
            double[] javaPlatt = platt.apply(raw[i]);
            double[] javaIsotonic = isotonic.apply(raw[i]);
            for (int c = 0; c < k; c++) {
                maxPlatt = Math.max(maxPlatt, Math.abs(javaPlatt[c] - ref.get("sigmoid/" + i)[c]));
                maxIsotonic = Math.max(maxIsotonic, Math.abs(javaIsotonic[c] - ref.get("isotonic/" + i)[c]));
            }
        }
        System.out.printf("%s (scikit-learn %s): %d training, %d held-out samples; max |diff|: Brier %.2e, bins %.2e, "
                + "Platt A/B (relative) %.2e, Platt probabilities %.2e, isotonic probabilities %.2e%n", file,
                ReferencePython.sklearnVersion(), train.sampleCount(), held.sampleCount(), maxBrier, maxBin, maxParameter,
                maxPlatt, maxIsotonic);
        assertTrue(maxParameter <= PLATT_PARAMETER, "Platt A/B differ from scikit-learn by " + maxParameter);
        assertTrue(maxPlatt <= PLATT_PROBABILITY, "Platt probabilities differ from scikit-learn by " + maxPlatt);
        assertTrue(maxIsotonic <= EXACT, "isotonic probabilities differ from scikit-learn by " + maxIsotonic);
    }
}
