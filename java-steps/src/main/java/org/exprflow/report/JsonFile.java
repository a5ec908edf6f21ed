package org.exprflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.exprflow.cli.UserException;

/**
 * Tolerant access to a parsed JSON summary: every getter returns an empty value (null, NaN, empty
 * list or map) when the field is absent or has another type, so a report renders what an input
 * provides and leaves out the rest, even when the writer of qc.json adds or drops fields.
 */
final class JsonFile {
    private JsonFile() {
    }

    /** Parses a JSON file; a missing or malformed file is a one-line user error. */
    static Map<String, Object> readObject(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserException.badFile(path, "no such file");
        } catch (IOException e) {
            throw UserException.badFile(path, "cannot read: " + e.getMessage());
        }
        Object parsed;
        try {
            parsed = JsonParser.parse(text);
        } catch (JsonParser.SyntaxError e) {
            throw UserException.badFile(path, "invalid JSON: " + e.getMessage());
        }
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
        return value instanceof Double d ? d : Double.NaN;
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
