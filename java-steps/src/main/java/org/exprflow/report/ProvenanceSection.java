package org.exprflow.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;

/**
 * "Provenance": what produced these results, for a reader who must reproduce or cite them. From
 * the pipeline's provenance JSON ({@code report --provenance}, written by lib/Provenance.groovy):
 * the versions (pipeline, the steps' exprflow, Weka and Java as every task's versions.yml recorded
 * them, Nextflow), when and how the run was launched (date, profile, command line), every parameter
 * that differs from its default, and the SHA-256 of each input file; from the final model ({@code
 * report --model}, the description {@code exprflow inspect} prints): the chosen configuration.
 * The date and command line are those of the launch that rendered this report: a REPORT task taken
 * from the cache by -resume keeps them (docs/architecture.md, "Provenance").
 */
final class ProvenanceSection {
    /** Tools of versions.yml, in the order shown; others follow by name. */
    private static final List<String> TOOLS = List.of("exprflow", "weka", "java");
    private static final Map<String, String> TOOL_NAMES = Map.of("exprflow", "exprflow steps", "weka", "Weka", "java", "Java");
    /** The final model's configuration entries (keys of inspect's chosen_configuration) and their names. */
    private static final String[][] CONFIGURATION = {
        {"candidate", "chosen candidate"},
        {"top_k", "top k features"},
        {"learner", "learner (Weka options)"},
        {"candidates", "candidates scored"},
        {"search", "search"},
        {"selection_rule", "selection rule"},
        {"inner_folds", "inner folds"},
        {"inner_repeats", "inner repeats"},
        {"imbalance", "class imbalance"},
        {"learner_rows", "rows the learner saw"},
        {"calibration", "calibration"},
        {"seed", "seed"}};

    private ProvenanceSection() {
    }

    static boolean present(JsonNode provenance, JsonNode model) {
        return provenance != null || model != null;
    }

    static String render(JsonNode provenance, JsonNode model) {
        StringBuilder html = new StringBuilder("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
        if (provenance != null) {
            run(html, provenance);
            parameters(html, provenance);
            inputs(html, provenance);
        }
        if (model != null) {
            finalModel(html, model);
        }
        return html.append("</section>\n").toString();
    }

    private static void run(StringBuilder html, JsonNode p) {
        html.append("<table class=\"provenance\">\n<tbody>\n");
        row(html, "exprflow pipeline", JsonFile.string(p, "pipeline_version"));
        JsonNode software = JsonFile.object(p, "software");
        JsonFile.entries(software, TOOLS).forEach(e -> row(html, TOOL_NAMES.getOrDefault(e.getKey(), e.getKey()),
                String.join(", ", JsonFile.list(software, e.getKey()).stream().map(JsonNode::asText).toList())));
        row(html, "Nextflow", JsonFile.string(p, "nextflow_version"));
        row(html, "analysis", JsonFile.string(p, "analysis"));
        JsonNode launch = JsonFile.object(p, "launch");
        row(html, "launched (UTC)", JsonFile.string(launch, "started"));
        row(html, "profile", JsonFile.string(launch, "profile"));
        String command = JsonFile.string(launch, "command_line");
        if (command != null) {
            html.append("<tr><th>command line</th><td class=\"command\"><code>").append(Markup.escape(command))
                    .append("</code></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">The versions are those every task recorded (versions.yml);"
                + " more than one value means tasks ran on different installations. The date and command line are"
                + " the launch's that rendered this report: a report taken from the cache by <code>-resume</code>"
                + " keeps them.</p>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        if (value != null && !value.isEmpty()) {
            html.append("<tr><th>").append(Markup.escape(name)).append("</th><td>").append(Markup.escape(value))
                    .append("</td></tr>\n");
        }
    }

    private static void parameters(StringBuilder html, JsonNode p) {
        List<JsonNode> changed = JsonFile.list(p, "parameters");
        List<JsonNode> execution = JsonFile.list(JsonFile.object(p, "launch"), "parameters");
        html.append("<h3>Parameters that differ from their defaults</h3>\n");
        if (changed.isEmpty() && execution.isEmpty()) {
            html.append("<p>Every parameter at its default.</p>\n");
            return;
        }
        html.append("<table class=\"parameters\">\n<thead><tr><th>parameter</th><th>value</th><th>default</th></tr></thead>\n<tbody>\n");
        changed.forEach(e -> parameterRow(html, e));
        execution.forEach(e -> parameterRow(html, e));
        html.append("</tbody>\n</table>\n");
        if (!execution.isEmpty()) {
            html.append("<p class=\"note\">The last ").append(execution.size() == 1 ? "row says" : execution.size() + " rows say")
                    .append(" where and how the run executed (output folder, caches, MultiQC, cluster); they do not change"
                            + " the results.</p>\n");
        }
    }

    private static void parameterRow(StringBuilder html, JsonNode e) {
        String dflt = JsonFile.string(e, "default");
        html.append("<tr><td><code>--").append(Markup.escape(JsonFile.string(e, "name"))).append("</code></td><td class=\"learner\">")
                .append(Markup.escape(JsonFile.string(e, "value"))).append("</td><td class=\"learner\">")
                .append(dflt == null ? "(none)" : Markup.escape(dflt)).append("</td></tr>\n");
    }

    private static void inputs(StringBuilder html, JsonNode p) {
        List<JsonNode> inputs = JsonFile.list(p, "inputs");
        if (inputs.isEmpty()) {
            return;
        }
        html.append("<h3>Input files</h3>\n<table class=\"inputs\">\n<thead><tr><th>input</th><th>file</th><th>bytes</th>"
                + "<th>SHA-256</th></tr></thead>\n<tbody>\n");
        for (JsonNode f : inputs) {
            html.append("<tr><td>").append(Markup.escape(JsonFile.string(f, "role"))).append("</td><td>")
                    .append(Markup.escape(JsonFile.string(f, "file"))).append("</td><td>")
                    .append(ReadableNumbers.count(JsonFile.number(f, "bytes"))).append("</td><td class=\"learner\">")
                    .append(Markup.escape(JsonFile.string(f, "sha256"))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">Checksums of the files as read (<code>sha256sum FILE</code>"
                + " gives the same).</p>\n");
    }

    private static void finalModel(StringBuilder html, JsonNode model) {
        JsonNode config = JsonFile.object(model, "chosen_configuration");
        JsonNode training = JsonFile.object(model, "training_data");
        html.append("<h3>Final model</h3>\n<p>Fitted and chosen on every training sample");
        double samples = JsonFile.number(training, "samples");
        if (!Double.isNaN(samples)) {
            html.append(" (").append(ReadableNumbers.count(samples)).append(" samples × ")
                    .append(ReadableNumbers.count(JsonFile.number(training, "features"))).append(" features)");
        }
        html.append("; what <code>exprflow inspect</code> shows of it:</p>\n<table class=\"final-model\">\n<tbody>\n");
        for (String[] c : CONFIGURATION) {
            JsonNode v = config.path(c[0]);
            if (v.isValueNode() && !v.isNull()) {
                html.append("<tr><th>").append(c[1]).append("</th><td class=\"learner\">").append(Markup.escape(v.asText()))
                        .append("</td></tr>\n");
            }
        }
        String transforms = String.join(", ", JsonFile.list(model, "transforms").stream()
                .map(t -> JsonFile.string(t, "name")).toList());
        if (!transforms.isEmpty()) {
            html.append("<tr><th>transforms</th><td class=\"learner\">").append(Markup.escape(transforms)).append("</td></tr>\n");
        }
        String checksum = JsonFile.string(training, "sha256_of_samples_features_values_labels");
        if (checksum != null) {
            html.append("<tr><th>training data SHA-256 (samples, features, values, labels)</th><td class=\"learner\">")
                    .append(Markup.escape(checksum)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
