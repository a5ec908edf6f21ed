package org.exprflow.io;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with deterministic output: keys appear in the order written,
 * numbers go through {@link Canonical#number} (NaN becomes null), two-space indentation. Used for
 * every JSON summary exprflow writes so that two identical runs produce identical bytes.
 *
 * <pre>
 * String json = new JsonWriter().beginObject().name("accuracy").value(0.95).endObject().toString();
 * </pre>
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: true until its first element has been written. */
    private final Deque<Boolean> first = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        open('{');
        return this;
    }

    public JsonWriter endObject() {
        close('}');
        return this;
    }

    public JsonWriter beginArray() {
        open('[');
        return this;
    }

    public JsonWriter endArray() {
        close(']');
        return this;
    }

    public JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    public JsonWriter value(double x) {
        separate();
        out.append(Double.isNaN(x) || Double.isInfinite(x) ? "null" : Canonical.number(x));
        return this;
    }

    public JsonWriter value(long x) {
        separate();
        out.append(x);
        return this;
    }

    public JsonWriter value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    /** Shorthand for name(n).value(v). */
    public JsonWriter field(String n, String v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, double v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, long v) {
        return name(n).value(v);
    }

    public JsonWriter field(String n, boolean v) {
        return name(n).value(v);
    }

    @Override
    public String toString() {
        if (!first.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return out.toString() + "\n";
    }

    private void open(char c) {
        separate();
        out.append(c);
        first.push(Boolean.TRUE);
    }

    private void close(char c) {
        boolean empty = first.pop();
        if (!empty) {
            newline();
        }
        out.append(c);
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (first.isEmpty()) {
            return;
        }
        if (!first.peek()) {
            out.append(',');
        }
        first.pop();
        first.push(Boolean.FALSE);
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < first.size(); i++) {
            out.append("  ");
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
