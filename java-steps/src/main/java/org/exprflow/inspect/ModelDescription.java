package org.exprflow.inspect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exprflow.core.UserException;
import org.exprflow.io.JsonOutput;
import org.exprflow.landmark.LandmarkModelFile;
import org.exprflow.model.ModelFile;

/**
 * What a saved model holds, as one JSON tree whose keys are in reading order (the text follows that
 * order; the JSON output sorts them). The file's magic decides the kind; each kind's reader then
 * checks the rest (format version, truncation, allowed classes) with its usual one-line errors.
 */
public final class ModelDescription {
    static final String NOT_A_MODEL = "not an exprflow model: expected a classification model (.xfm, from 'exprflow train') "
            + "or a landmark model (.xlm, from 'exprflow landmark-fit --output-model')";

    private ModelDescription() {
    }

    /**
     * @param limit the most ids shown of each list (features, landmarks, ...)
     */
    public static ObjectNode of(Path file, int limit) {
        if (LandmarkModelFile.matches(file)) {
            return LandmarkDescription.of(file, LandmarkModelFile.read(file), limit);
        }
        if (ModelFile.matches(file)) {
            return ClassifierDescription.of(file, ModelFile.read(file), limit);
        }
        if (!Files.exists(file)) {
            throw UserException.badFile(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw UserException.badFile(file, "is a directory; " + NOT_A_MODEL);
        }
        throw UserException.badFile(file, NOT_A_MODEL);
    }

    /** The "model" section: the file as given, its kind and format. */
    static ObjectNode fileSection(Path file, String kind, int format) {
        ObjectNode m = JsonOutput.object();
        m.put("file", file.toString());
        m.put("kind", kind);
        m.put("format", format);
        return m;
    }

    /** A list of ids: how many, and the first {@code limit} of them. */
    static ObjectNode idList(List<String> ids, int limit) {
        ObjectNode o = JsonOutput.object();
        o.put("count", ids.size());
        ArrayNode shown = o.putArray("ids");
        ids.stream().limit(limit).forEach(shown::add);
        return o;
    }

    /** A text value, or null (shown as "not recorded") when the model does not hold it. */
    static void putText(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    /** A whole number recorded as text, as a JSON number (null when absent; text when not a number). */
    static void putInteger(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
            return;
        }
        try {
            o.put(key, Long.parseLong(value));
        } catch (NumberFormatException e) {
            o.put(key, value);
        }
    }
}
