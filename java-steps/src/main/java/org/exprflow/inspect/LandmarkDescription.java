package org.exprflow.inspect;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exprflow.io.JsonOutput;
import org.exprflow.landmark.LandmarkModel;
import org.exprflow.landmark.LandmarkModelFile;

/**
 * A landmark model ({@link LandmarkModel}, one chunk of targets): what landmark-fit recorded (the
 * exprflow version, the learner, the chunk, the training samples' ids) and what it fitted. It records
 * no Weka or Java version and no checksum of the training values: those show as "not recorded".
 */
final class LandmarkDescription {
    private LandmarkDescription() {
    }

    static ObjectNode of(Path file, LandmarkModel model, int limit) {
        ObjectNode root = JsonOutput.object();
        root.set("model", ModelDescription.fileSection(file, "landmark", LandmarkModelFile.FORMAT_VERSION));

        ObjectNode versions = root.putObject("versions");
        ModelDescription.putText(versions, "exprflow", model.exprflowVersion());
        versions.putNull("weka");
        versions.putNull("java");

        ObjectNode training = root.putObject("training_data");
        training.put("samples", model.trainingSamples().size());
        training.set("sample_ids", ModelDescription.idList(model.trainingSamples(), limit).get("ids"));

        ObjectNode config = root.putObject("configuration");
        config.put("learner", model.learner());
        config.put("chunk", model.chunk());
        config.put("id_type", model.idType().toString());
        config.put("fitted", model.fitted().describe());

        ArrayNode normaliser = root.putArray("normaliser");
        model.normaliser().describe().forEach(normaliser::add);

        root.set("landmarks", ModelDescription.idList(model.landmarkIds(), limit));
        root.set("targets", ModelDescription.idList(model.targetIds(), limit));
        return root;
    }
}
