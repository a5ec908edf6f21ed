package org.exprflow.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exprflow.download.Accession;
import org.exprflow.model.CandidateSearch;
import org.exprflow.model.ModelOptions;
import org.exprflow.normalise.CrossSampleTransforms;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The grammars the pipeline must apply before any task runs, and so holds in Groovy and in
 * nextflow_schema.json beside the Java that owns them: each copy must accept exactly what the Java
 * accepts. A new transform or accession shape added to the Java alone fails here, not in a user's
 * run ("--transforms: does not match the pattern").
 */
@Tag("unit")
class PipelineContractTest {
    private static final Path ROOT = TestEnvironment.projectDir();

    private static JsonNode schemaProperty(String name) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(ROOT.resolve("nextflow_schema.json").toFile());
        for (JsonNode group : schema.path("definitions")) {
            JsonNode p = group.path("properties").path(name);
            if (!p.isMissingNode()) {
                return p;
            }
        }
        throw new AssertionError("nextflow_schema.json has no parameter " + name);
    }

    private static final List<String> ACCESSIONS = List.of("GSE781", "GSE781-GPL96", "ENCFF001ABC", "ENCSR000AKP",
            "Leukemia_GSE9476", "Breast_GSE45827_x1", "Brain_Tumor_GSE15824", "gse781", "GSE", "GSE781-GPL", "ENCFF",
            "encff001abc", "Leukemia_GSE", "_GSE9476", "Leukemia-GSE9476", "GSE9476_Leukemia", "foo", "");

    @Test
    void schemaAccessionPatternsAcceptWhatTheDownloadStepAccepts() throws IOException {
        for (String param : List.of("accession", "test_accession")) {
            Pattern schema = Pattern.compile(schemaProperty(param).path("pattern").asText());
            for (String a : ACCESSIONS) {
                assertEquals(Accession.tryParse(a) != null, schema.matcher(a).find(),
                        "--" + param + " '" + a + "': nextflow_schema.json and download.Accession disagree");
            }
        }
    }

    @Test
    void fetchInputsTellsAccessionKindsApartAsTheDownloadStepDoes() throws IOException {
        String groovy = Files.readString(ROOT.resolve("subworkflows/local/fetch_inputs/main.nf"));
        assertTrue(groovy.contains("==~ /" + Accession.GEO_SERIES_REGEX + "/"),
                "fetch_inputs must test GEO series with /" + Accession.GEO_SERIES_REGEX + "/ (download.Accession)");
        assertTrue(groovy.contains("==~ /" + Accession.ENCODE_REGEX + "/"),
                "fetch_inputs must test ENCODE accessions with /" + Accession.ENCODE_REGEX + "/ (download.Accession)");
        Pattern geo = Pattern.compile(Accession.GEO_SERIES_REGEX);
        Pattern encode = Pattern.compile(Accession.ENCODE_REGEX);
        for (String a : ACCESSIONS) {
            Accession parsed = Accession.tryParse(a);
            if (parsed != null) {
                assertEquals(parsed.kind() == Accession.Kind.GEO_SERIES, geo.matcher(a).matches(), a);
                assertEquals(parsed.kind() == Accession.Kind.ENCODE_FILE || parsed.kind() == Accession.Kind.ENCODE_EXPERIMENT,
                        encode.matcher(a).matches(), a);
            }
        }
    }

    @Test
    void schemaTransformsPatternAcceptsEveryTransformTheStepsKnow() throws IOException {
        Pattern schema = Pattern.compile(schemaProperty("transforms").path("pattern").asText());
        for (String name : CrossSampleTransforms.NAMES) {
            assertTrue(schema.matcher(name).find(), "--transforms " + name + " is refused by nextflow_schema.json");
            CrossSampleTransforms.parse(name);
        }
        assertTrue(schema.matcher(String.join(",", CrossSampleTransforms.NAMES.subList(0, 2))).find());
        assertFalse(schema.matcher("bogus").find(), "the schema must refuse an unknown transform before any task");
        assertTrue(schemaProperty("transforms").path("description").asText().contains(CrossSampleTransforms.NAMES.get(0)));
    }

    @Test
    void schemaSearchParametersMatchTheModelOptions() throws IOException {
        List<String> modes = new java.util.ArrayList<>();
        schemaProperty("search").path("enum").forEach(v -> modes.add(v.asText()));
        assertEquals(java.util.Arrays.stream(ModelOptions.Search.values()).map(Enum::name).toList(), modes);
        assertEquals(ModelOptions.Search.grid.name(), schemaProperty("search").path("default").asText());
        assertEquals(CandidateSearch.MAX_CANDIDATES, schemaProperty("search_budget").path("maximum").asInt());
        // the learner has no pattern; if one is added, it must let option ranges through
        JsonNode learnerPattern = schemaProperty("learner").path("pattern");
        if (!learnerPattern.isMissingNode()) {
            Pattern p = Pattern.compile(learnerPattern.asText());
            for (String l : List.of("weka.classifiers.functions.SMO -C 2^[-5:5] -M", "weka.classifiers.lazy.IBk -K [1:15:2]",
                    "weka.classifiers.trees.RandomForest -K [1,2,4,8]")) {
                assertTrue(p.matcher(l).find(), "--learner '" + l + "' is refused by nextflow_schema.json");
            }
        }
        // train and permute get the search options with the other model options
        String modules = Files.readString(ROOT.resolve("conf/modules.config"));
        assertTrue(modules.contains("'--search'        : params.search,"), "conf/modules.config must pass --search");
        assertTrue(modules.contains("'--search-budget' : params.search_budget,"), "conf/modules.config must pass --search-budget");
    }

    @Test
    void schemaCalibrationMethodsAreTheTrainStepsMethods() throws IOException {
        List<String> schema = new java.util.ArrayList<>();
        schemaProperty("calibration").path("enum").forEach(v -> schema.add(v.asText()));
        List<String> methods = java.util.Arrays.stream(org.exprflow.model.ProbabilityCalibrator.Method.values())
                .map(Enum::name).toList();
        assertEquals(methods, schema, "--calibration: nextflow_schema.json and model.ProbabilityCalibrator.Method disagree");
        assertEquals("none", schemaProperty("calibration").path("default").asText());
    }

    @Test
    void schemaImbalanceChoicesAreTheStepsChoices() throws IOException {
        List<String> steps = java.util.Arrays.stream(org.exprflow.model.ClassImbalance.values()).map(Enum::name).toList();
        List<String> schema = new java.util.ArrayList<>();
        schemaProperty("imbalance").path("enum").forEach(v -> schema.add(v.asText()));
        assertEquals(steps, schema, "nextflow_schema.json's --imbalance enum must list model.ClassImbalance");
        assertEquals(steps, org.exprflow.evaluate.EvaluateCommand.IMBALANCE_HANDLINGS, "evaluate --imbalance must accept them");
        assertEquals("none", schemaProperty("imbalance").path("default").asText());
    }

    /**
     * --learning_curve: the schema takes fractions strictly between 0 and 1, each of which train's
     * --train-fraction accepts (it takes 1 too, but evaluate reuses the main CV for 1 and refuses it).
     */
    @Test
    void schemaLearningCurvePatternAcceptsFractionsBelowOneOnly() throws IOException {
        Pattern schema = Pattern.compile(schemaProperty("learning_curve").path("pattern").asText());
        for (String ok : List.of("0.5", "0.25,0.5,0.75", ".1", "0.05", "0.999")) {
            assertTrue(schema.matcher(ok).find(), "--learning_curve " + ok + " is refused by nextflow_schema.json");
            for (String f : ok.split(",")) {
                double v = Double.parseDouble(f);
                assertTrue(v > 0 && v < 1, f);
            }
        }
        for (String bad : List.of("0", "1", "1.0", "0.0", "1.5", "-0.5", "0.5,", "a", "0.5;0.25", "")) {
            assertFalse(schema.matcher(bad).find(), "--learning_curve '" + bad + "' must be refused before any task");
        }
    }
}
