package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.ModelChoice;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train with option ranges and random search through the CLI: the chosen value reaches the model,
 * its choice table, the metrics JSON and the report; bad ranges and search options are one-line errors.
 */
@Tag("unit")
class TrainCommandSearchTest {
    private static final String IBK = "weka.classifiers.lazy.IBk";

    @TempDir
    Path dir;

    private Path data(long seed) throws Exception {
        Dataset d = SyntheticData.classes(seed, 30, 60, 10, 2, "A", "B");
        Path p = dir.resolve("d" + seed + ".xfd");
        DatasetFile.write(d, p);
        return p;
    }

    @Test
    void theChosenValueOfARangeIsRecordedInTheModelAndItsChoice() throws Exception {
        Path data = data(31);
        Path model = dir.resolve("m.xfm");
        Cli.Result r = Cli.run("train", "--input", data.toString(), "--output", model.toString(),
                "--learner", IBK + " -K [1:9:4]", "--top-k", "10", "--inner-folds", "3", "--inner-repeats", "2",
                "--selection-rule", "best", "--seed", "5");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("3 candidate(s)"), r.stderr());
        Map<String, String> meta = ModelFile.read(model).metadata();
        assertEquals("3", meta.get("candidates"));
        assertTrue(meta.get("inner_balanced_accuracy.1").startsWith(IBK + " -K 1 | top-k 10 = "), meta.toString());
        assertTrue(meta.get("inner_balanced_accuracy.2").startsWith(IBK + " -K 5 | top-k 10 = "), meta.toString());
        assertTrue(meta.get("inner_balanced_accuracy.3").startsWith(IBK + " -K 9 | top-k 10 = "), meta.toString());
        assertFalse(meta.containsKey("search"), "a grid has no search note");

        // the same selection in process: the CLI recorded what selection chose
        Dataset d = DatasetFile.read(data);
        ModelOptions o = ModelOptions.of(List.of(IBK + " -K [1:9:4]"), List.of(10), "standardise", 3, 2, 5, null);
        o.selectionRule = ModelOptions.SelectionRule.best;
        Candidate chosen = ModelSelection.fit(d, d.primaryTarget(), o, OuterFold.innerSeed(5, 0, 0)).chosen();
        assertEquals(chosen.learner(), meta.get("candidate_learner"));
        String k = chosen.learner().substring((IBK + " -K ").length());
        // the canonical command line (what the choice table, metrics JSON and report show) holds the value
        ModelChoice choice = ModelChoice.read(ModelChoice.besideModel(model));
        assertEquals(meta.get("learner"), choice.learner());
        assertTrue(choice.learner().startsWith(IBK + " -K " + k + " "), choice.learner());
    }

    @Test
    void aLog2ValueReachesWekaExactly() throws Exception {
        Path model = dir.resolve("c.xfm");
        Cli.Result r = Cli.run("train", "--input", data(32).toString(), "--output", model.toString(),
                "--learner", "weka.classifiers.functions.SMO -C 2^[-3:-3] -M", "--top-k", "10");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("weka.classifiers.functions.SMO -C 0.125 -M", ModelFile.read(model).metadata().get("candidate_learner"));
        assertTrue(ModelChoice.read(ModelChoice.besideModel(model)).learner().startsWith("weka.classifiers.functions.SMO -C 0.125 "));
    }

    @Test
    void randomSearchRecordsItsDrawAndTheChosenValueReachesTheReport() throws Exception {
        Path data = data(33);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        List<String> evaluate = new ArrayList<>(List.of("evaluate", "--predictions"));
        List<String> models = new ArrayList<>();
        List<String> draws = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            Path pred = dir.resolve("f" + f + ".tsv");
            Path model = dir.resolve("f" + f + ".xfm");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(f), "--predictions", pred.toString(), "--output", model.toString(),
                    "--learner", IBK + " -K [1:11:2]", "--top-k", "5,20", "--search", "random", "--search-budget", "3",
                    "--inner-folds", "2", "--inner-repeats", "1");
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("3 candidate(s) (random: 3 of 12 candidates (seed 42))"), r.stderr());
            Map<String, String> meta = ModelFile.read(model).metadata();
            assertEquals("random: 3 of 12 candidates (seed 42)", meta.get("search"));
            assertEquals("3", meta.get("candidates"));
            // every fold scores the same draw
            String drawn = meta.get("inner_balanced_accuracy.1").split(" = ")[0] + ";"
                    + meta.get("inner_balanced_accuracy.2").split(" = ")[0] + ";"
                    + meta.get("inner_balanced_accuracy.3").split(" = ")[0];
            draws.add(drawn);
            evaluate.add(pred.toString());
            models.add(model.toString());
        }
        assertEquals(List.of(draws.get(0), draws.get(0), draws.get(0)), draws);
        evaluate.add("--fold-models");
        evaluate.addAll(models);
        Path json = dir.resolve("m.json");
        evaluate.addAll(List.of("--output-tsv", dir.resolve("m.tsv").toString(), "--output-json", json.toString(),
                "--bootstrap", "0"));
        Cli.Result e = Cli.run(evaluate.toArray(String[]::new));
        assertEquals(0, e.exitCode(), e.stderr());
        Path html = dir.resolve("r.html");
        Cli.Result rep = Cli.run("report", "--output", html.toString(), "--metrics", json.toString());
        assertEquals(0, rep.exitCode(), rep.stderr());
        String metrics = Files.readString(json);
        String report = Files.readString(html);
        for (String m : models) {
            String learner = ModelChoice.read(ModelChoice.besideModel(Path.of(m))).learner();
            String k = learner.split(" ")[2];
            assertTrue(metrics.contains("\"learner\": \"" + IBK + " -K " + k + " "), metrics);
            assertTrue(report.contains("<td class=\"learner\">IBk -K " + k + " "), report);
        }
    }

    @Test
    void badRangesAndSearchOptionsAreOneLineUsageErrors() throws Exception {
        Path data = data(34);
        Path model = dir.resolve("bad.xfm");
        Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--learner", IBK + " -K [1:15:0]")
                .assertOneLineError(2, "--learner '" + IBK + " -K [1:15:0]': option -K: [1:15:0]: the step must not be 0");
        Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--learner", IBK + " -K [1:5]",
                "--search", "random").assertOneLineError(2, "--search random needs --search-budget N");
        Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--learner", IBK + " -K [1:501]")
                .assertOneLineError(2, "give 501 candidates, more than the grid's cap of 500");
        Cli.run("permute", "--input", data.toString(), "--splits", dir.resolve("none.tsv").toString(), "--from", "1",
                "--to", "1", "--output", dir.resolve("p.tsv").toString(), "--learner", IBK + " -K 2^[1:x]")
                .assertOneLineError(2, "option -K: 2^[1:x]: the exponent 'x' is not a whole number");
        assertFalse(Files.exists(model));
    }
}
