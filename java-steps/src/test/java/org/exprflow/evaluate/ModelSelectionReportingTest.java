package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.model.ModelFile;
import org.exprflow.model.ModelPipeline;
import org.exprflow.model.ModelSpec;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.ModelChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bootstrap intervals, the permutation p-value and gene-selection stability in evaluate. */
@Tag("unit")
class ModelSelectionReportingTest {
    @TempDir
    Path dir;

    private static PredictionTable.Row row(String sample, String truth, String predicted) {
        return new PredictionTable.Row("cv", 1, 1, sample, "model", truth, predicted,
                predicted.equals("A") ? new double[] {1, 0} : new double[] {0, 1});
    }

    @Test
    void bootstrapIntervalIsReproducibleAndBracketsTheEstimate() {
        List<PredictionTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String truth = i % 2 == 0 ? "A" : "B";
            String predicted = i % 4 == 0 ? (truth.equals("A") ? "B" : "A") : truth; // 10 of 40 wrong
            rows.add(row("S" + i, truth, predicted));
        }
        BootstrapInterval a = BootstrapInterval.of(List.of("A", "B"), rows, 500, 7);
        BootstrapInterval b = BootstrapInterval.of(List.of("A", "B"), rows, 500, 7);
        assertEquals(a, b);
        assertTrue(a.accuracyLow() < 0.75 && 0.75 < a.accuracyHigh(), a.toString());
        assertTrue(a.accuracyHigh() - a.accuracyLow() > 0.1, "a 40-sample interval cannot be narrow: " + a);
        List<PredictionTable.Row> perfect = rows.stream().map(r -> row(r.sample(), r.truth(), r.truth())).toList();
        BootstrapInterval p = BootstrapInterval.of(List.of("A", "B"), perfect, 200, 7);
        assertEquals(1.0, p.accuracyLow());
        assertEquals(1.0, p.balancedAccuracyHigh());
    }

    @Test
    void permutationPValueCountsTiesAsAtLeastAsExtreme() throws Exception {
        Path a = dir.resolve("p1.tsv");
        Path b = dir.resolve("p2.tsv");
        Files.writeString(a, "permutation\tbalanced_accuracy\taccuracy\n1\t0.4\t0.5\n2\t0.65\t0.6\n");
        Files.writeString(b, "permutation\tbalanced_accuracy\taccuracy\n3\t0.7\t0.7\n4\t0.5\t0.5\n");
        PermutationTest t = PermutationTest.read(List.of(b, a));
        assertArrayEquals(new double[] {0.4, 0.65, 0.7, 0.5}, t.permutedBalancedAccuracy(), 0.0);
        // real 0.65: permutations 2 (tie) and 3 are at least as high: p = (1 + 2) / (4 + 1)
        assertEquals(3.0 / 5, t.pValue(0.65), 1e-15);
        assertEquals(1.0 / 5, t.pValue(0.9), 1e-15);
        assertEquals(0.5625, t.mean(), 1e-15);
    }

    @Test
    void aPermutationGivenTwiceIsRefused() throws Exception {
        Path a = dir.resolve("p1.tsv");
        Files.writeString(a, "permutation\tbalanced_accuracy\taccuracy\n1\t0.4\t0.5\n");
        org.exprflow.core.UserException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.exprflow.core.UserException.class, () -> PermutationTest.read(List.of(a, a)));
        assertTrue(e.getMessage().contains(a + ":2: permutation 1 appears twice"), e.getMessage());
    }

    @Test
    void jaccardStabilityOfSelectedGenes() {
        Dataset d = SyntheticData.classes(3, 30, 40, 20, 2, "A", "B");
        ModelPipeline five = ModelPipeline.fit(d, d.primaryTarget(), new ModelSpec(List.of("none"), 5, ModelSpec.DEFAULT_LEARNER, 1));
        ModelPipeline ten = ModelPipeline.fit(d, d.primaryTarget(), new ModelSpec(List.of("none"), 10, ModelSpec.DEFAULT_LEARNER, 1));
        assertTrue(ten.selectedFeatureIds().containsAll(five.selectedFeatureIds()));
        ModelChoice fiveChoice = new ModelChoice(1, 1, "SMO", "5", five.selectedFeatureIds());
        ModelChoice tenChoice = new ModelChoice(1, 2, "SMO", "10", ten.selectedFeatureIds());
        assertEquals(1.0, SelectionStability.of(List.of(fiveChoice, fiveChoice)).meanPairwiseJaccard(), 0.0);
        // the top 5 are a subset of the top 10: |intersection| / |union| = 5 / 10; pairs (5,5)=1, (5,10)=.5, (5,10)=.5
        assertEquals(0.5, SelectionStability.of(List.of(fiveChoice, tenChoice)).meanPairwiseJaccard(), 0.0);
        assertEquals(2.0 / 3, SelectionStability.of(List.of(fiveChoice, fiveChoice, tenChoice)).meanPairwiseJaccard(), 1e-15);
        SelectionStability s = SelectionStability.of(List.of(fiveChoice, tenChoice));
        assertEquals(2, s.genesBySelectionCount().get(0).getValue());
        assertEquals(1, s.genesBySelectionCount().get(9).getValue());
    }

    @Test
    void evaluateReportsIntervalPermutationAndPerFoldChoices() throws Exception {
        Dataset d = SyntheticData.classes(8, 30, 60, 10, 2, "A", "B");
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(d, data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        List<String> args = new ArrayList<>(List.of("evaluate", "--predictions"));
        List<String> models = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            Path pred = dir.resolve("f" + f + ".tsv");
            Path model = dir.resolve("f" + f + ".xfm");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(f), "--predictions", pred.toString(), "--output", model.toString(),
                    "--learner", "weka.classifiers.functions.SMO -M", "--learner", "weka.classifiers.bayes.NaiveBayes",
                    "--top-k", "5,20", "--inner-folds", "2");
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("inner CV balanced accuracy"), r.stderr());
            args.add(pred.toString());
            models.add(model.toString());
            assertEquals(Integer.toString(f), ModelFile.read(model).metadata().get("outer_fold"));
            // the choice beside the model says the same as the model
            ModelChoice choice = ModelChoice.read(ModelChoice.besideModel(model));
            assertEquals(f, choice.fold());
            assertEquals(ModelFile.read(model).selectedFeatureIds(), choice.features());
            assertEquals(ModelFile.read(model).metadata().get("learner"), choice.learner());
        }
        Path perm = dir.resolve("perm.tsv");
        Files.writeString(perm, "permutation\tbalanced_accuracy\taccuracy\n1\t0.5\t0.5\n2\t0.45\t0.5\n3\t0.55\t0.5\n");
        args.addAll(List.of("--permutations", perm.toString(), "--fold-models"));
        args.addAll(models);
        Path tsv = dir.resolve("m.tsv");
        Path json = dir.resolve("m.json");
        Path sel = dir.resolve("sel.tsv");
        args.addAll(List.of("--output-tsv", tsv.toString(), "--output-json", json.toString(),
                "--output-selection", sel.toString(), "--bootstrap", "300"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        String metrics = Files.readString(tsv);
        assertTrue(metrics.contains("cv\tmodel\tpermutation_p\tall\t0.25\n"), metrics); // strong signal: (1 + 0) / 4
        assertTrue(metrics.contains("cv\tmodel\tpermutations\tall\t3\n"), metrics);
        assertTrue(metrics.contains("cv\tZeroR\tbalanced_accuracy_ci_low\tall\t"), metrics);
        assertFalse(metrics.contains("cv\tZeroR\tpermutation_p"), metrics);
        String j = Files.readString(json);
        assertTrue(j.contains("\"model_selection\"") && j.contains("\"mean_pairwise_jaccard\"")
                && j.contains("\"method\": \"" + BootstrapInterval.METHOD + "\""), j);
        assertTrue(Files.readString(sel).startsWith("## exprflow gene-selection 1\nfeature\tfolds\tfraction\n"));
    }
}
