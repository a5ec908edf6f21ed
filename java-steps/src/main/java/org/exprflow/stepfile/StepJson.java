package org.exprflow.stepfile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exprflow.core.UserException;
import org.exprflow.io.JsonInput;
import org.exprflow.io.JsonOutput;

/**
 * The kinds of JSON file that pass between exprflow steps. Each such file says what it is in two
 * top-level keys, {@code "exprflow_kind": "<kind>"} and {@code "exprflow_format": 1}, so a reader
 * tells the kinds apart by name instead of by their shape, and refuses a file of another kind or of
 * a newer format (one line, exit code 3) instead of rendering it wrongly.
 */
public enum StepJson {
    QC("qc"),
    METRICS("metrics"),
    REGRESSION_METRICS("regression_metrics"),
    MULTILABEL("multilabel"),
    PEAKS_QC("peaks_qc"),
    SCORE("score"),
    /** What {@code normalise --output-summary} changed (values floored, ceilinged, made NA; log2), read by report. */
    NORMALISE_QC("normalise_qc"),
    /** The run's provenance, written by the pipeline (lib/Provenance.groovy) for {@code report --provenance}. */
    PROVENANCE("provenance");

    public static final String KIND_KEY = "exprflow_kind";
    public static final String FORMAT_KEY = "exprflow_format";
    /** The format this code writes and the newest it reads; raise it when a key changes meaning. */
    public static final int FORMAT = 1;

    private final String kind;

    StepJson(String kind) {
        this.kind = kind;
    }

    /** The value of exprflow_kind. */
    public String kind() {
        return kind;
    }

    /** A new top-level object of this kind: the kind and format keys are set. */
    public ObjectNode newDocument() {
        ObjectNode root = JsonOutput.object();
        root.put(KIND_KEY, kind);
        root.put(FORMAT_KEY, FORMAT);
        return root;
    }

    /** Reads a file that must be of this kind. */
    public JsonNode read(Path file) {
        return read(file, this).root();
    }

    /** A parsed step file and its kind. */
    public record Document(StepJson kind, JsonNode root) {
    }

    /** Reads a file that must be of one of the given kinds (a file, a format, a kind error: one line, exit 3). */
    public static Document read(Path file, StepJson... accepted) {
        JsonNode root = JsonInput.read(file);
        if (!root.isObject()) {
            throw UserException.badFile(file, "expected a JSON object, found " + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> expected = Arrays.stream(accepted).map(StepJson::kind).toList();
        JsonNode kindNode = root.get(KIND_KEY);
        if (kindNode == null || !kindNode.isTextual()) {
            throw UserException.badFile(file, "not an exprflow step JSON (no \"" + KIND_KEY + "\"; files of exprflow before"
                    + " format 1 must be written again); expected " + describe(expected));
        }
        StepJson kind = Arrays.stream(values()).filter(k -> k.kind.equals(kindNode.textValue())).findFirst().orElse(null);
        JsonNode format = root.get(FORMAT_KEY);
        if (format == null || !format.canConvertToExactIntegral() || format.asLong() < 1) {
            throw UserException.badFile(file, "\"" + FORMAT_KEY + "\" must be a positive integer, found " + format);
        }
        if (format.asLong() > FORMAT) {
            throw UserException.badFile(file, "\"" + FORMAT_KEY + "\" " + format.asText() + " is newer than this exprflow"
                    + " reads (" + FORMAT + "); use the exprflow that wrote it or a newer one");
        }
        if (kind == null || !Arrays.asList(accepted).contains(kind)) {
            throw UserException.badFile(file, "is a '" + kindNode.textValue() + "' JSON (" + KIND_KEY + "), expected "
                    + describe(expected));
        }
        return new Document(kind, root);
    }

    private static String describe(List<String> kinds) {
        return kinds.size() == 1 ? "'" + kinds.get(0) + "'" : "one of " + kinds.stream().map(k -> "'" + k + "'").toList();
    }
}
