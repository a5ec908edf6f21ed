package org.exprflow.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Tolerant access to a parsed step JSON: an absent field, or one of another type, reads as empty
 * (missing object, empty list, NaN, null), so the report renders what an input provides and leaves
 * out the rest even when a step adds or drops fields. Jackson's {@code path} is tolerant already;
 * these add what it lacks (NaN for a non-number, a list only from an array, a chosen entry order).
 */
final class JsonFile {
    private JsonFile() {
    }

    static JsonNode object(JsonNode value) {
        return value != null && value.isObject() ? value : MissingNode.getInstance();
    }

    static JsonNode object(JsonNode parent, String key) {
        return object(parent.path(key));
    }

    static List<JsonNode> list(JsonNode parent, String key) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = parent.path(key);
        if (v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    static double number(JsonNode parent, String key) {
        return number(parent.path(key));
    }

    static double number(JsonNode value) {
        return value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    /** The string, or null when absent or not a string. */
    static String string(JsonNode parent, String key) {
        return parent.path(key).textValue();
    }

    /**
     * An object's entries with the names of {@code order} first, in that order, then the others in
     * file order. The files' keys are sorted ("ZeroR" before "model"); the report keeps the steps' order.
     */
    static List<Map.Entry<String, JsonNode>> entries(JsonNode object, List<String> order) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        order.stream().filter(object(object)::has).forEach(k -> out.add(Map.entry(k, object.get(k))));
        object(object).properties().stream().filter(e -> !order.contains(e.getKey())).forEach(out::add);
        return out;
    }
}
