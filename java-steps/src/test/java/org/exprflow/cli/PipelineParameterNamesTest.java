package org.exprflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PipelineParameterNamesTest {
    private final PipelineParameterNames names = new PipelineParameterNames(
            Set.of("allow_extra_samples", "label_key", "input", "landmark_query_missing", "impute_missing_features"));

    @Test
    void stepFlagsThatArePipelineParametersAreSpelledAsTheParameters() {
        assertEquals("'S9' is not in the data file (pass --allow_extra_samples if the samplesheet covers more)",
                names.translate("'S9' is not in the data file (pass --allow-extra-samples if the samplesheet covers more)"));
        assertEquals("use --label_key or --input", names.translate("use --label-key or --input"));
        assertEquals("give --landmark_query_missing impute", names.translate("give --missing-landmarks impute"));
        assertEquals("or --impute_missing_features.", names.translate("or --impute-missing-features."));
    }

    @Test
    void flagsThePipelineSetsItselfAndOtherTextAreLeftAlone() {
        assertEquals("with --fold 3 and --repeat-count x", names.translate("with --fold 3 and --repeat-count x"));
        // not flags: inside a word, a path, or a longer flag
        assertEquals("a--label-key /tmp/--input-x --allow-extra-samples-plus",
                names.translate("a--label-key /tmp/--input-x --allow-extra-samples-plus"));
    }

    /** Every renamed flag's parameter exists, and so does every parameter a step's error suggests. */
    @Test
    void renamedFlagsAndSuggestedParametersExistInTheSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(TestEnvironment.projectDir().resolve("nextflow_schema.json").toFile());
        Set<String> parameters = new HashSet<>();
        for (JsonNode group : schema.path("definitions")) {
            group.path("properties").fieldNames().forEachRemaining(parameters::add);
        }
        for (String parameter : PipelineParameterNames.RENAMED.values()) {
            assertTrue(parameters.contains(parameter), "no pipeline parameter --" + parameter);
        }
        for (String parameter : new String[] {"allow_extra_samples", "impute_missing_features", "max_imputed_fraction",
                "label_key", "tx2gene", "star_strand", "positive_class", "unknown_contigs", "chrom_sizes"}) {
            assertTrue(parameters.contains(parameter), "a step's error suggests --" + parameter + ", which the pipeline lacks");
        }
    }
}
