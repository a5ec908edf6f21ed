package org.exprflow.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.core.Versions;
import org.exprflow.data.DatasetFile;
import org.exprflow.io.JsonInput;
import org.exprflow.io.JsonOutput;
import org.exprflow.model.ModelFile;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect through the CLI on models that train and landmark-fit wrote, and on files that are not models. */
@Tag("unit")
class InspectCommandTest {
    private static final String NB = "weka.classifiers.bayes.NaiveBayes";
    private static final String IBK = "weka.classifiers.lazy.IBk";

    @TempDir
    Path dir;

    /** A model chosen from a grid of 2 learners x 2 k by the inner CV: 4 inner scores, one chosen. */
    private Path trainGridModel() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(41, 30, 60, 6, 2, "A", "B"), data);
        Path model = dir.resolve("m.xfm");
        Cli.Result r = Cli.run("train", "--input", data.toString(), "--output", model.toString(),
                "--learner", NB + ";" + IBK + " -K 3", "--top-k", "5,10", "--inner-folds", "3", "--inner-repeats", "1",
                "--transforms", "quantile,zscore");
        assertEquals(0, r.exitCode(), r.stderr());
        return model;
    }

    private String inspect(String... args) throws Exception {
        Path out = dir.resolve("inspect-" + Arrays.hashCode(args) + ".out");
        List<String> cli = new ArrayList<>(List.of("inspect"));
        cli.addAll(List.of(args));
        cli.addAll(List.of("--output", out.toString()));
        Cli.Result r = Cli.run(cli.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return Files.readString(out);
    }

    @Test
    void textShowsVersionsTrainingDataChosenConfigurationScoresAndClasses() throws Exception {
        Path model = trainGridModel();
        Map<String, String> meta = ModelFile.read(model).metadata();
        String text = inspect("--model", model.toString());
        assertTrue(text.contains("kind: classification"), text);
        assertTrue(text.contains("exprflow: " + Versions.exprflow()), text);
        assertTrue(text.contains("weka: " + Versions.weka()), text);
        assertTrue(text.contains("java: " + Versions.java()), text);
        assertTrue(text.contains("samples: 30"), text);
        assertTrue(text.contains("sha256 of samples features values labels: " + meta.get("training_sha256")), text);
        assertTrue(text.contains("chosen configuration\n  learner: " + meta.get("learner") + "\n"), text);
        assertTrue(text.contains("  candidate: " + meta.get("candidate_learner") + "\n"), text);
        assertTrue(text.contains("  top k: " + meta.get("top_k") + "\n"), text);
        assertTrue(text.contains("  selection rule: one_se\n"), text);
        assertTrue(text.contains("classes\n  - A\n  - B\n"), text);
        // every candidate's inner score, the chosen one marked
        List<String> scoreLines = text.lines().filter(l -> l.contains("| top-k ") && l.contains("balanced accuracy")).toList();
        assertEquals(4, scoreLines.size(), text);
        assertEquals(1, scoreLines.stream().filter(l -> l.endsWith(", chosen]")).count(), text);
        assertTrue(text.contains("  search: grid\n"), text);
        assertTrue(text.contains("- quantile: reference distribution of 60 values"), text);
        assertTrue(text.contains("- zscore: training mean and SD of 60 features\n"), text);
        assertTrue(text.contains("ids (first 20; --all-features lists all): g0, g1, g2"), text);
        assertFalse(text.contains("other metadata"), "every entry train records has its place: " + text);
    }

    @Test
    void jsonHoldsTheSameDescriptionWithSortedKeysAndFullPrecision() throws Exception {
        Path model = trainGridModel();
        Map<String, String> meta = ModelFile.read(model).metadata();
        Path out = dir.resolve("m.json");
        assertEquals(0, Cli.run("inspect", "--model", model.toString(), "--json", "--output", out.toString()).exitCode());
        JsonNode root = JsonInput.read(out);
        assertEquals(JsonOutput.render(root), Files.readString(out), "the project's JSON layout, keys sorted");
        assertEquals("classification", root.at("/model/kind").asText());
        assertEquals(Versions.java(), root.at("/versions/java").asText());
        assertEquals(meta.get("training_sha256"), root.at("/training_data/sha256_of_samples_features_values_labels").asText());
        assertEquals(30, root.at("/training_data/samples").asInt());
        assertEquals(60, root.at("/training_data/features").asInt());
        assertEquals("[\"A\",\"B\"]", root.get("classes").toString());
        JsonNode config = root.get("chosen_configuration");
        assertEquals(meta.get("learner"), config.get("learner").asText());
        int k = config.get("top_k").asInt();
        assertEquals(Integer.parseInt(meta.get("top_k")), k);
        assertEquals(4, config.get("candidates").asInt());
        assertEquals(3, config.get("inner_folds").asInt());
        assertEquals(1, config.get("inner_repeats").asInt());
        assertEquals("none", config.get("imbalance").asText());
        assertEquals("none", config.get("calibration").asText());
        JsonNode scores = root.get("inner_cv_scores");
        assertEquals(4, scores.size());
        int chosen = 0;
        for (int i = 0; i < scores.size(); i++) {
            JsonNode s = scores.get(i);
            String recorded = meta.get("inner_balanced_accuracy." + (i + 1));
            assertTrue(recorded.startsWith(s.get("candidate").asText() + " = "), recorded);
            assertTrue(recorded.contains(" = " + org.exprflow.io.Canonical.number(s.get("balanced_accuracy").asDouble()) + " "), recorded);
            if (s.get("chosen").asBoolean()) {
                chosen++;
                assertEquals(meta.get("candidate_learner") + " | top-k " + k, s.get("candidate").asText());
            }
        }
        assertEquals(1, chosen);
        assertEquals(k, root.at("/selected_features/count").asInt());
        assertEquals(k, root.at("/selected_features/ids").size());
        assertEquals(ModelFile.read(model).selectedFeatureIds().get(0), root.at("/selected_features/ids/0").asText());
        assertEquals(60, root.at("/features/count").asInt());
        assertEquals(20, root.at("/features/ids").size());
        assertEquals("quantile", root.at("/transforms/0/name").asText());
        assertTrue(root.at("/other_metadata").isEmpty(), root.toString());
    }

    @Test
    void firstAndAllFeaturesDecideHowManyIdsAreListed() throws Exception {
        Path model = trainGridModel();
        Path out = dir.resolve("a.json");
        assertEquals(0, Cli.run("inspect", "--model", model.toString(), "--json", "--first", "3", "--output", out.toString()).exitCode());
        assertEquals(3, JsonInput.read(out).at("/features/ids").size());
        assertEquals(JsonInput.read(out).at("/selected_features/count").asInt(), JsonInput.read(out).at("/selected_features/ids").size(),
                "a top-k is listed in full");
        assertEquals(0, Cli.run("inspect", "--model", model.toString(), "--json", "--all-features", "--output", out.toString()).exitCode());
        assertEquals(ModelFile.read(model).featureIds().toString(),
                JsonInput.read(out).at("/features/ids").toString().replace("\"", "").replace(",", ", "));
        String text = inspect("--model", model.toString(), "--all-features");
        assertFalse(text.contains("--all-features lists all"), text);
        assertTrue(text.contains("g59"), text);
    }

    @Test
    void aSingleCandidateHasNoSearchAndAllFeaturesSelectedFollowFirst() throws Exception {
        Path data = dir.resolve("wide.xfd");
        DatasetFile.write(SyntheticData.classes(43, 12, 250, 4, 2, "A", "B"), data);
        Path model = dir.resolve("all.xfm");
        Cli.Result r = Cli.run("train", "--input", data.toString(), "--output", model.toString(), "--learner", NB, "--top-k", "0");
        assertEquals(0, r.exitCode(), r.stderr());
        String text = inspect("--model", model.toString());
        assertTrue(text.contains("  top k: 0\n  candidates: 1\n  imbalance: none\n"), "no search, rule or inner folds: " + text);
        assertTrue(text.contains("inner cv scores: none\n"), text);
        assertTrue(text.contains("transforms\n  - standardise: no parameters"), text);
        assertTrue(text.contains("selected features\n  count: 250\n  ids (first 20; --all-features lists all): "), text);
    }

    @Test
    void withoutOutputTheDescriptionGoesToStandardOutput() throws Exception {
        Path model = trainGridModel();
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        Cli.Result r;
        try {
            r = Cli.run("inspect", "--model", model.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(inspect("--model", model.toString()), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void landmarkModelShowsItsLearnerNormaliserLandmarksAndTargets() throws Exception {
        Path sim = dir.resolve("sim");
        assertEquals(0, Cli.run("simulate-landmark", "--output-dir", sim.toString(), "--samples", "60", "--landmarks", "8",
                "--targets", "3", "--query-samples", "4", "--seed", "5").exitCode());
        Path data = dir.resolve("l.xfd");
        assertEquals(0, Cli.run("import", "--input", sim.resolve("expression.tsv.gz").toString(), "--format", "tsv",
                "--output", data.toString()).exitCode());
        Path model = dir.resolve("l.xlm");
        Cli.Result fit = Cli.run("landmark-fit", "--input", data.toString(), "--landmarks", sim.resolve("landmarks.txt").toString(),
                "--learner", "ridge:auto", "--seed", "3", "--output", dir.resolve("l.tsv").toString(), "--output-model", model.toString());
        assertEquals(0, fit.exitCode(), fit.stderr());
        String text = inspect("--model", model.toString());
        assertTrue(text.contains("kind: landmark"), text);
        assertTrue(text.contains("learner: ridge:auto"), text);
        assertTrue(text.contains("chunk: 1/1"), text);
        assertTrue(text.contains("weka: not recorded"), text);
        assertTrue(text.contains("λ chosen per target"), text);
        assertTrue(text.contains("landmarks, quantile: reference distribution of 8 values"), text);
        Path out = dir.resolve("l.json");
        assertEquals(0, Cli.run("inspect", "--model", model.toString(), "--json", "--output", out.toString()).exitCode());
        JsonNode root = JsonInput.read(out);
        assertEquals("landmark", root.at("/model/kind").asText());
        assertEquals(8, root.at("/landmarks/count").asInt());
        assertEquals(3, root.at("/targets/count").asInt());
        assertEquals(Versions.exprflow(), root.at("/versions/exprflow").asText());
        assertTrue(root.at("/training_data/samples").asInt() > 0);
    }

    @Test
    void aFileThatIsNotAModelIsOneLineExit3AndWritesNothing() throws Exception {
        Path text = dir.resolve("samples.csv");
        Files.writeString(text, "sample,label\nS1,A\n");
        Path out = dir.resolve("o.txt");
        Cli.run("inspect", "--model", text.toString(), "--output", out.toString()).assertOneLineError(3,
                text + ": not an exprflow model: expected a classification model (.xfm");
        assertFalse(Files.exists(out));
        Cli.run("inspect", "--model", dir.resolve("none.xfm").toString()).assertOneLineError(3, "none.xfm: no such file");
        Cli.run("inspect", "--model", dir.toString()).assertOneLineError(3, "is a directory");
        Path empty = Files.createFile(dir.resolve("empty.xfm"));
        Cli.run("inspect", "--model", empty.toString()).assertOneLineError(3, "not an exprflow model");
    }

    @Test
    void aTruncatedModelIsOneLineExit3() throws Exception {
        Path model = trainGridModel();
        byte[] bytes = Files.readAllBytes(model);
        Path cut = dir.resolve("cut.xfm");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        Cli.run("inspect", "--model", cut.toString(), "--json").assertOneLineError(3, cut + ": model file is truncated or corrupt");
    }

    @Test
    void badFirstIsAUsageError() throws Exception {
        Cli.run("inspect", "--model", dir.resolve("m.xfm").toString(), "--first", "-1").assertOneLineError(2, "--first");
        Cli.run("inspect").assertOneLineError(2, "--model");
    }
}
