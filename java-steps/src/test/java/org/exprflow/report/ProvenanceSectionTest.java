package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The provenance section, from the pipeline's provenance JSON (lib/Provenance.groovy's keys) and the final model. */
@Tag("unit")
class ProvenanceSectionTest {
    static final String PROVENANCE = """
            {"exprflow_kind": "provenance", "exprflow_format": 1, "pipeline_version": "0.1.0", "nextflow_version": "24.10.0",
             "analysis": "classify", "software": {"exprflow": ["0.1.0"], "java": ["17.0.15", "21.0.2"], "weka": ["3.8.6"]},
             "parameters": [{"name": "folds", "value": "3", "default": "5"}, {"name": "group_column", "value": "patient", "default": null}],
             "inputs": [{"role": "input", "file": "golub.csv", "bytes": 1234567, "sha256": "0f1e"}],
             "launch": {"command_line": "nextflow run . --input 'a b.csv' -profile test", "started": "2026-12-05T02:00:00Z",
                        "profile": "test", "parameters": [{"name": "outdir", "value": "/tmp/out", "default": "results"}]}}""";

    @Test
    void showsVersionsLaunchParametersAndChecksums() throws Exception {
        String html = ProvenanceSection.render(new ObjectMapper().readTree(PROVENANCE), null);
        for (String expected : List.of("<section id=\"provenance\">", "<tr><th>Nextflow</th><td>24.10.0</td></tr>",
                "<tr><th>Weka</th><td>3.8.6</td></tr>", "<tr><th>Java</th><td>17.0.15, 21.0.2</td></tr>",
                "<tr><th>exprflow pipeline</th><td>0.1.0</td></tr>", "<tr><th>launched (UTC)</th><td>2026-12-05T02:00:00Z</td></tr>",
                "<code>nextflow run . --input &#39;a b.csv&#39; -profile test</code>",
                "<tr><td><code>--folds</code></td><td class=\"learner\">3</td><td class=\"learner\">5</td></tr>",
                "<td class=\"learner\">patient</td><td class=\"learner\">(none)</td>",
                "<tr><td><code>--outdir</code></td>", "The last row says where and how the run executed",
                "<td>golub.csv</td><td>1,234,567</td><td class=\"learner\">0f1e</td>")) {
            assertTrue(html.contains(expected), expected + "\n" + html);
        }
        assertFalse(html.contains("Final model"), html);
    }

    @Test
    void showsTheFinalModelsConfigurationAlone() throws Exception {
        JsonNode model = new ObjectMapper().readTree("""
                {"training_data": {"samples": 38, "features": 7129, "sha256_of_samples_features_values_labels": "abcd"},
                 "chosen_configuration": {"candidate": "weka.classifiers.bayes.NaiveBayes", "top_k": 200, "selection_rule": "one_se",
                   "inner_folds": null, "seed": 42},
                 "transforms": [{"name": "standardise"}]}""");
        String html = ProvenanceSection.render(null, model);
        for (String expected : List.of("<h3>Final model</h3>", "(38 samples × 7129 features)",
                "<tr><th>chosen candidate</th><td class=\"learner\">weka.classifiers.bayes.NaiveBayes</td></tr>",
                "<tr><th>top k features</th><td class=\"learner\">200</td></tr>",
                "<tr><th>transforms</th><td class=\"learner\">standardise</td></tr>", "abcd")) {
            assertTrue(html.contains(expected), expected + "\n" + html);
        }
        assertFalse(html.contains("inner folds"), "a null (not recorded) entry is left out: " + html);
        assertFalse(html.contains("Nextflow"), html);
    }
}
