package org.exprflow.inspect;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;

/**
 * The text rendering of a {@link ModelDescription}: its keys in the order the description built them,
 * each top-level key a section, underscores read as spaces, null as "not recorded", a list of objects
 * one line per object, long id lists wrapped. Scores are rounded to four decimals for reading; the
 * JSON keeps every digit.
 */
final class DescriptionText {
    private static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private DescriptionText() {
    }

    static String render(JsonNode description) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = description.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            JsonNode value = section.getValue();
            if (value.isObject() && value.isEmpty()) {
                continue; // e.g. no other metadata
            }
            if (value.isArray() && value.isEmpty()) {
                out.append(title(section.getKey())).append(": none\n");
            } else if (value.isObject() || value.isArray()) {
                out.append(title(section.getKey())).append('\n');
                body(out, value, INDENT);
            } else {
                out.append(title(section.getKey())).append(": ").append(scalar(section.getKey(), value)).append('\n');
            }
        }
        return out.toString();
    }

    private static void body(StringBuilder out, JsonNode value, String indent) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                out.append(indent).append("- ").append(item.isObject() ? oneLine(item) : scalar("", item)).append('\n');
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode v = field.getValue();
            if (v.isObject()) {
                out.append(indent).append(title(key)).append('\n');
                body(out, v, indent + INDENT);
            } else if (v.isArray()) {
                String label = indent + title(key) + idsNote(key, v, value) + ": ";
                out.append(wrap(label, items(v), indent + INDENT + INDENT)).append('\n');
            } else {
                out.append(indent).append(title(key)).append(": ").append(scalar(key, v)).append('\n');
            }
        }
    }

    /** "(first 20; --all-features lists all)" after an id list that shows fewer ids than its count. */
    private static String idsNote(String key, JsonNode ids, JsonNode parent) {
        JsonNode count = parent.get("count");
        if (key.equals("ids") && count != null && count.asLong() > ids.size()) {
            return " (first " + ids.size() + "; --all-features lists all)";
        }
        JsonNode samples = parent.get("samples");
        if (key.equals("sample_ids") && samples != null && samples.asLong() > ids.size()) {
            return " (first " + ids.size() + "; --all-features lists all)";
        }
        return "";
    }

    /**
     * An object of a list on one line: a pair of texts as "first: second" (a transform and what it
     * fitted); otherwise the first value, then the other fields in brackets, a true flag by its name only.
     */
    private static String oneLine(JsonNode item) {
        if (item.size() == 2) {
            Iterator<JsonNode> values = item.elements();
            JsonNode a = values.next();
            JsonNode b = values.next();
            if (a.isTextual() && b.isTextual()) {
                return a.asText() + ": " + b.asText();
            }
        }
        StringBuilder b = new StringBuilder();
        List<String> rest = new ArrayList<>();
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (first) {
                b.append(scalar(f.getKey(), v));
                first = false;
            } else if (v.isBoolean()) {
                if (v.booleanValue()) {
                    rest.add(title(f.getKey()));
                }
            } else if (!v.isNull()) {
                rest.add(title(f.getKey()) + " " + scalar(f.getKey(), v));
            }
        }
        if (!rest.isEmpty()) {
            b.append("  [").append(String.join(", ", rest)).append(']');
        }
        return b.toString();
    }

    private static List<String> items(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(scalar("", v)));
        return out;
    }

    /** Items joined by ", " after the label, wrapped at {@link #WIDTH} with the continuation indent. */
    private static String wrap(String label, List<String> items, String continuation) {
        if (items.isEmpty()) {
            return label + "none";
        }
        StringBuilder b = new StringBuilder(label);
        int lineStart = 0;
        boolean lineHasItem = false;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i + 1 < items.size() ? "," : "");
            if (lineHasItem && b.length() - lineStart + 1 + item.length() > WIDTH) {
                b.append('\n');
                lineStart = b.length();
                b.append(continuation);
            } else if (lineHasItem) {
                b.append(' ');
            }
            b.append(item);
            lineHasItem = true;
        }
        return b.toString();
    }

    private static String scalar(String key, JsonNode v) {
        if (v.isNull()) {
            return "not recorded";
        }
        if (v.isFloatingPointNumber()) {
            return Markup.fixed(v.doubleValue(), 4);
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "yes" : "no";
        }
        return v.asText();
    }

    private static String title(String key) {
        return key.replace('_', ' ');
    }
}
