package org.exprflow.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.stepfile.PredictionTable;
import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance figures of the classification analysis on real public data, run through the same
 * CLI steps as the pipeline (import, normalise, split, train, predict).
 */
@Tag("realdata")
class ClassificationRealDataTest {
    @TempDir
    Path dir;

    private void ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.stderr());
    }

    private Path path(String name) {
        return dir.resolve(name);
    }

    /** Golub et al. 1999: fit on the 38 training patients only, predict the 34 independent ones. */
    @Test
    void golubModelFromTrainingPatientsPredictsIndependentPatients() {
        Path labels = TestEnvironment.sharedFile("golub/actual.csv.gz");
        for (String part : List.of("train", "independent")) {
            ok("import", "--input", TestEnvironment.sharedFile("golub/data_set_ALL_AML_" + part + ".csv.gz").toString(),
                    "--samplesheet", labels.toString(), "--sample-column", "patient", "--label-column", "cancer", "--allow-extra-samples",
                    "--output", path(part + ".xfd").toString());
            // MAS4 average differences: floor and ceiling as in Golub's and Dudoit's preprocessing, then log2
            ok("normalise", "--input", path(part + ".xfd").toString(), "--output", path(part + ".norm.xfd").toString(),
                    "--floor", "100", "--ceiling", "16000", "--log2", "always");
        }
        ok("train", "--input", path("train.norm.xfd").toString(), "--output", path("golub.xfm").toString());
        ok("predict", "--model", path("golub.xfm").toString(), "--input", path("independent.norm.xfd").toString(),
                "--output", path("independent.tsv").toString(), "--set", "test");
        List<PredictionTable.Row> rows = PredictionTable.read(path("independent.tsv")).rows("test", "model");
        assertEquals(34, rows.size());
        long correct = rows.stream().filter(r -> r.predicted().equals(r.truth())).count();
        System.out.println("Golub independent set: " + correct + "/34 correct");
        assertTrue(correct >= 32, "only " + correct + " of 34 independent patients correct");
    }

    /**
     * The final model chosen by inner CV over the CI grid {SMO, NaiveBayes} x k {20, 200} on the 38
     * training patients only, scored on the 34 independent patients.
     */
    @Test
    void golubFinalModelChosenByNestedCvPredictsIndependentPatients() {
        Path labels = TestEnvironment.sharedFile("golub/actual.csv.gz");
        for (String part : List.of("train", "independent")) {
            ok("import", "--input", TestEnvironment.sharedFile("golub/data_set_ALL_AML_" + part + ".csv.gz").toString(),
                    "--samplesheet", labels.toString(), "--sample-column", "patient", "--label-column", "cancer",
                    "--allow-extra-samples", "--output", path(part + ".xfd").toString());
            ok("normalise", "--input", path(part + ".xfd").toString(), "--output", path(part + ".norm.xfd").toString(),
                    "--floor", "100", "--ceiling", "16000", "--log2", "always");
        }
        ok("train", "--input", path("train.norm.xfd").toString(), "--output", path("nested.xfm").toString(),
                "--learner", "weka.classifiers.functions.SMO -M", "--learner", "weka.classifiers.bayes.NaiveBayes",
                "--top-k", "20,200", "--inner-folds", "3");
        ok("predict", "--model", path("nested.xfm").toString(), "--input", path("independent.norm.xfd").toString(),
                "--output", path("nested.tsv").toString(), "--set", "test");
        List<PredictionTable.Row> rows = PredictionTable.read(path("nested.tsv")).rows("test", "model");
        long correct = rows.stream().filter(r -> r.predicted().equals(r.truth())).count();
        System.out.println("Golub independent set, nested-CV-chosen model: " + correct + "/34 correct ("
                + org.exprflow.model.ModelFile.read(path("nested.xfm")).metadata().get("learner") + ", k="
                + org.exprflow.model.ModelFile.read(path("nested.xfm")).metadata().get("top_k") + ")");
        assertEquals(34, rows.size());
        assertTrue(correct >= 32, "only " + correct + " of 34 independent patients correct");
    }

    /** SRBCT (Khan et al. 2001): 10-fold stratified CV accuracy of at least 0.95, ZeroR beside it. */
    @Test
    void srbctTenFoldCrossValidation() {
        ok("import", "--input", TestEnvironment.sharedFile("biolab/02_SRBCT.arff.gz").toString(),
                "--output", path("srbct.xfd").toString());
        ok("split", "--input", path("srbct.xfd").toString(), "--output", path("splits.tsv").toString(),
                "--folds", "10", "--seed", "42");
        List<PredictionTable> folds = new ArrayList<>();
        for (int f = 1; f <= 10; f++) {
            Path p = path("fold" + f + ".tsv");
            // SRBCT values are already log-ratio-like cDNA values: no quantile step, per-feature z-scores instead
            ok("train", "--input", path("srbct.xfd").toString(), "--splits", path("splits.tsv").toString(),
                    "--repeat", "1", "--fold", Integer.toString(f), "--predictions", p.toString(),
                    "--transforms", "zscore");
            folds.add(PredictionTable.read(p));
        }
        PredictionTable all = PredictionTable.merge(folds);
        double acc = accuracy(all.rows("cv", "model"));
        double zeroR = accuracy(all.rows("cv", "ZeroR"));
        System.out.printf("SRBCT 10-fold CV accuracy %.4f (ZeroR %.4f)%n", acc, zeroR);
        assertEquals(83, all.rows("cv", "model").size());
        assertTrue(acc >= 0.95, "CV accuracy " + acc);
        assertEquals(29.0 / 83, zeroR, 0.03, "ZeroR predicts the majority class EWS (29 of 83)");
    }

    private static double accuracy(List<PredictionTable.Row> rows) {
        return rows.stream().filter(r -> r.predicted().equals(r.truth())).count() / (double) rows.size();
    }
}
