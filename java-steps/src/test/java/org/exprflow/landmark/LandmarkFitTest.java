package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.data.TargetChunk;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.exprflow.stepfile.TargetMetricsTable;

/** The chunk job: nothing of the test samples reaches the fit; non-linear targets need a non-linear learner. */
@Tag("unit")
class LandmarkFitTest {

    @Test
    void testSamplesDoNotInfluenceTheFitOrTheValidationFigures() {
        LandmarkSimulator.Study study = LandmarkSimulator.simulate(new LandmarkSimulator.Parameters(3, 80, 30, 6, 0.5));
        Dataset data = study.data();
        FeatureMatch match = match(study);
        SampleSplit split = SampleSplit.of(data, new double[] {0.6, 0.2, 0.2}, 5);
        List<LandmarkLearner> learners = List.of(LandmarkLearner.parse("linear", 1), LandmarkLearner.parse("knn", 1));
        TargetMetricsTable base = LandmarkFit.run(data, match, TargetChunk.ALL, split, learners);

        TargetMetricsTable testChanged = LandmarkFit.run(perturb(data, split.test()), match, TargetChunk.ALL, split, learners);
        assertEquals(rows(base, LandmarkFit.VALIDATION), rows(testChanged, LandmarkFit.VALIDATION),
                "validation figures must not depend on test samples (normaliser and models fitted on training only)");
        assertNotEquals(rows(base, LandmarkFit.TEST), rows(testChanged, LandmarkFit.TEST));

        TargetMetricsTable trainChanged = LandmarkFit.run(perturb(data, split.train()), match, TargetChunk.ALL, split, learners);
        assertNotEquals(rows(base, LandmarkFit.VALIDATION), rows(trainChanged, LandmarkFit.VALIDATION));
    }

    @Test
    void randomForestBeatsLinearOnNonLinearTargetsOnly() {
        // More samples than landmarks, so least squares is well posed and is the right model for the
        // linear targets; the non-linear ones (|z_a| and z_b·z_c of program activities) have no linear part.
        LandmarkSimulator.Study study = LandmarkSimulator.simulate(new LandmarkSimulator.Parameters(11, 600, 100, 12, 0.5));
        SampleSplit split = SampleSplit.of(study.data(), SampleSplit.parseSizes("0.7,0.1,0.2"), 42);
        TargetMetricsTable t = LandmarkFit.run(study.data(), match(study), TargetChunk.ALL, split,
                List.of(LandmarkLearner.parse("linear", 42), LandmarkLearner.parse("rf", 42)));
        Map<String, LandmarkSimulator.Kind> kind = new HashMap<>();
        study.truth().forEach(tt -> kind.put(tt.id(), tt.kind()));
        double[][] mae = new double[2][2]; // [kind][learner]
        for (TargetMetricsTable.Row r : t.rows()) {
            if (r.set().equals(LandmarkFit.TEST) && !r.learner().equals(LandmarkLearner.MEAN)) {
                mae[kind.get(r.target()).ordinal()][r.learner().equals("linear") ? 0 : 1] += r.mae() / 6;
            }
        }
        double[] linear = mae[LandmarkSimulator.Kind.LINEAR.ordinal()];
        double[] nonlinear = mae[LandmarkSimulator.Kind.NONLINEAR.ordinal()];
        assertTrue(nonlinear[1] < nonlinear[0], "non-linear targets: rf MAE " + nonlinear[1] + " < linear " + nonlinear[0]);
        assertTrue(linear[0] <= linear[1], "linear targets: linear MAE " + linear[0] + " <= rf " + linear[1]);
    }

    /** landmark-fit's path (only the landmarks' and the chunk's columns, read from the file) gives the full dataset's figures. */
    @Test
    void chunkOnItsOwnColumnsGivesTheSameFiguresAsOnTheWholeDataset(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        LandmarkSimulator.Study study = LandmarkSimulator.simulate(new LandmarkSimulator.Parameters(4, 90, 30, 9, 0.5));
        java.nio.file.Path f = dir.resolve("d.xfd");
        org.exprflow.data.DatasetFile.write(study.data(), f);
        FeatureMatch match = match(study);
        TargetChunk chunk = TargetChunk.parse("2/3");
        List<LandmarkLearner> learners = List.of(LandmarkLearner.parse("ridge:auto", 1), LandmarkLearner.parse("linear", 1));
        SampleSplit split = SampleSplit.of(study.data(), SampleSplit.parseSizes("0.7,0.1,0.2"), 42);
        LandmarkFit.Result whole = LandmarkFit.run(study.data(), match, chunk, split, learners, "ridge:auto", true);

        int[] targets = LandmarkFit.chunkTargets(match, chunk);
        int[] cols = java.util.stream.IntStream.concat(java.util.Arrays.stream(match.landmarkColumns()), java.util.Arrays.stream(targets)).toArray();
        Dataset some = org.exprflow.data.DatasetFile.readColumns(f, cols);
        int l = match.landmarkColumns().length;
        LandmarkFit.Result part = LandmarkFit.run(some, FeatureIdType.PROBE, java.util.stream.IntStream.range(0, l).toArray(),
                java.util.stream.IntStream.range(l, cols.length).toArray(), chunk, match.targetColumns().length,
                SampleSplit.of(some, SampleSplit.parseSizes("0.7,0.1,0.2"), 42), learners, "ridge:auto", true);
        assertEquals(whole.metrics().rows(), part.metrics().rows());
        java.nio.file.Path a = dir.resolve("a.xlm");
        java.nio.file.Path b = dir.resolve("b.xlm");
        LandmarkModelFile.write(whole.model(), a);
        LandmarkModelFile.write(part.model(), b);
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.nio.file.Files.readAllBytes(a), java.nio.file.Files.readAllBytes(b));
    }

    private static FeatureMatch match(LandmarkSimulator.Study study) {
        Dataset d = study.data();
        int l = study.landmarkIds().size();
        int[] lm = java.util.stream.IntStream.range(0, l).toArray();
        int[] tg = java.util.stream.IntStream.range(l, d.featureCount()).toArray();
        return new FeatureMatch(FeatureIdType.PROBE, lm, tg, l, 0, 0, tg.length, 0, 0, 0);
    }

    private static Dataset perturb(Dataset d, int[] rows) {
        double[][] v = d.copyValues();
        for (int r : rows) {
            for (int j = 0; j < v[r].length; j++) {
                v[r][j] = v[r][j] * 1.7 + (j % 3);
            }
        }
        return d.withValues(v);
    }

    private static List<TargetMetricsTable.Row> rows(TargetMetricsTable t, String set) {
        return t.rows().stream().filter(r -> r.set().equals(set)).toList();
    }
}
