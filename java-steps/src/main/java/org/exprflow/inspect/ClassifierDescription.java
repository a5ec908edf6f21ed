package org.exprflow.inspect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exprflow.io.JsonOutput;
import org.exprflow.model.Candidate;
import org.exprflow.model.ModelFile;
import org.exprflow.model.ModelPipeline;

/**
 * A classification model ({@link ModelPipeline}) described from its metadata (what train recorded)
 * and its fitted parts (transforms, features, selected features). Models written before a metadata
 * entry existed show it as null ("not recorded"); entries this class does not know are listed under
 * "other_metadata", so nothing the model records is hidden.
 */
final class ClassifierDescription {
    /** The metadata prefix of the inner-CV scores: "inner_balanced_accuracy.N" = "CANDIDATE = BA (SE se)". */
    private static final String INNER_SCORE = "inner_balanced_accuracy.";
    private static final String CALIBRATION_MAP = "calibration.";
    /** Selected features are listed in full up to this many (a top-k); more (k = all) follow --first. */
    static final int SELECTED_IN_FULL = 200;

    private ClassifierDescription() {
    }

    static ObjectNode of(Path file, ModelPipeline model, int limit) {
        Map<String, String> meta = new LinkedHashMap<>(model.metadata());
        ObjectNode root = JsonOutput.object();
        root.set("model", ModelDescription.fileSection(file, "classification", ModelFile.FORMAT_VERSION));

        ObjectNode versions = root.putObject("versions");
        ModelDescription.putText(versions, "exprflow", meta.remove("exprflow_version"));
        ModelDescription.putText(versions, "weka", meta.remove("weka_version"));
        ModelDescription.putText(versions, "java", meta.remove("java_version"));

        ObjectNode training = root.putObject("training_data");
        ModelDescription.putText(training, "name", meta.remove("training_name"));
        ModelDescription.putInteger(training, "samples", meta.remove("training_samples"));
        ModelDescription.putInteger(training, "features", meta.remove("training_features"));
        // ModelPipeline.checksum: over the sample ids, feature ids, values and labels, not the file's bytes
        ModelDescription.putText(training, "sha256_of_samples_features_values_labels", meta.remove("training_sha256"));
        ModelDescription.putText(training, "target", model.targetName());
        meta.remove("target");
        ArrayNode classes = root.putArray("classes");
        model.levels().forEach(classes::add);
        meta.remove("classes");

        String candidateLearner = meta.remove("candidate_learner");
        String topK = meta.remove("top_k");
        ObjectNode config = root.putObject("chosen_configuration");
        ModelDescription.putText(config, "learner", meta.remove("learner"));
        ModelDescription.putText(config, "candidate", candidateLearner);
        ModelDescription.putInteger(config, "top_k", topK);
        String candidates = meta.remove("candidates");
        ModelDescription.putInteger(config, "candidates", candidates);
        String search = meta.remove("search");
        if (!"1".equals(candidates)) {
            // a single candidate has no search; a grid records no search note
            ModelDescription.putText(config, "search", search == null && candidates != null ? "grid" : search);
            ModelDescription.putText(config, "selection_rule", meta.remove("selection_rule"));
            ModelDescription.putInteger(config, "inner_folds", meta.remove("inner_folds"));
            ModelDescription.putInteger(config, "inner_repeats", meta.remove("inner_repeats"));
        }
        ModelDescription.putText(config, "imbalance", meta.remove("imbalance"));
        ModelDescription.putText(config, "learner_rows", meta.remove("learner_rows"));
        ModelDescription.putText(config, "calibration", model.calibrated() ? meta.remove("calibration") : "none");
        meta.remove("calibration");
        if (meta.containsKey("calibration_folds")) {
            ModelDescription.putInteger(config, "calibration_folds", meta.remove("calibration_folds"));
        }
        ModelDescription.putInteger(config, "seed", meta.remove("seed"));
        if (meta.containsKey("outer_fold")) {
            ModelDescription.putInteger(config, "outer_repeat", meta.remove("outer_repeat"));
            ModelDescription.putInteger(config, "outer_fold", meta.remove("outer_fold"));
        }
        ObjectNode maps = JsonOutput.object();
        for (String cls : model.levels()) {
            String map = meta.remove(CALIBRATION_MAP + cls);
            if (map != null) {
                maps.put(cls, map);
            }
        }
        if (!maps.isEmpty()) {
            config.set("calibration_maps", maps);
        }

        String chosen = candidateLearner == null || topK == null ? null
                : new Candidate(candidateLearner, Integer.parseInt(topK)).toString();
        root.set("inner_cv_scores", innerScores(meta, chosen));

        List<String> transformNames = Arrays.stream(meta.getOrDefault("transforms", "").split(","))
                .filter(n -> !n.isBlank() && !n.equals("none")).toList();
        meta.remove("transforms");
        List<String> fitted = model.transformDescriptions();
        ArrayNode transforms = root.putArray("transforms");
        for (int i = 0; i < fitted.size(); i++) {
            ObjectNode t = transforms.addObject();
            t.put("name", i < transformNames.size() ? transformNames.get(i) : "transform " + (i + 1));
            t.put("fitted", fitted.get(i));
        }

        root.set("features", ModelDescription.idList(model.featureIds(), limit));
        // the genes the learner uses are what a reader looks for: all of them up to a screenful
        List<String> selected = model.selectedFeatureIds();
        root.set("selected_features", ModelDescription.idList(selected,
                selected.size() <= SELECTED_IN_FULL ? selected.size() : limit));

        ObjectNode other = root.putObject("other_metadata");
        meta.forEach(other::put);
        return root;
    }

    /** One entry per candidate, in grid order, with the one the model holds marked; empty for a single candidate. */
    private static ArrayNode innerScores(Map<String, String> meta, String chosen) {
        ArrayNode scores = JsonOutput.array();
        for (int i = 1; meta.containsKey(INNER_SCORE + i); i++) {
            String line = meta.remove(INNER_SCORE + i);
            ObjectNode s = scores.addObject();
            int eq = line.lastIndexOf(" = ");
            String candidate = eq < 0 ? line : line.substring(0, eq);
            s.put("candidate", candidate);
            if (eq >= 0) {
                String[] value = line.substring(eq + 3).replace("(SE ", "").replace(")", "").trim().split("\\s+");
                putNumber(s, "balanced_accuracy", value[0]);
                putNumber(s, "standard_error", value.length > 1 ? value[1] : null);
            }
            s.put("chosen", candidate.equals(chosen));
        }
        return scores;
    }

    private static void putNumber(ObjectNode o, String key, String value) {
        if (value == null || value.equals("NA")) {
            o.putNull(key);
            return;
        }
        try {
            o.put(key, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            o.put(key, value);
        }
    }
}
