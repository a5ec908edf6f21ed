package org.exprflow.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.io.JsonReader;

/**
 * Tolerant access to a JSON summary parsed by {@link JsonReader}: every getter returns an empty
 * value (null, NaN, empty list or map) when the field is absent or has another type, so a report
 * renders what an input provides and leaves out the rest, even when the writer of qc.json or of the
 * metrics JSON adds or drops fields.
 */
final class JsonFile {
    private JsonFile() {
    }

    /** Parses a JSON file that must hold an object; anything else is a one-line user error. */
    static Map<String, Object> readObject(Path path) {
        Object parsed = JsonReader.read(path);
        if (!(parsed instanceof Map)) {
            throw UserException.badFile(path, "expected a JSON object");
        }
        return object(parsed);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    static Map<String, Object> object(Map<String, Object> parent, String key) {
        return object(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        return v instanceof List ? (List<Object>) v : List.of();
    }

    /** The number, or NaN when absent, null or not a number. */
    static double number(Map<String, Object> parent, String key) {
        return number(parent.get(key));
    }

    static double number(Object value) {
        // JsonReader gives integers as Long and other numbers as Double; the report only formats them.
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The string, or null when absent or not a string. */
    static String string(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        return v instanceof String s ? s : null;
    }

    static boolean flag(Map<String, Object> parent, String key) {
        return Boolean.TRUE.equals(parent.get(key));
    }
}
