package org.exprflow.download;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser for ENCODE metadata and the cache sidecars. It exists beside
 * org.exprflow.report.JsonParser only because that one is package-private; unlike it, integral
 * numbers become Long, so an ENCODE file_size is exact. Objects are LinkedHashMap, arrays List,
 * other numbers Double, true/false Boolean, null null.
 */
final class JsonReader {
    /** A syntax error at a character offset; the caller names the document. */
    static final class SyntaxError extends Exception {
        SyntaxError(int offset, String problem) {
            super("character " + offset + ": " + problem, null, false, false);
        }
    }

    /** Guards the recursion: ENCODE documents nest a handful of levels, hostile input may nest thousands. */
    private static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    static Object parse(String text) throws SyntaxError {
        JsonReader p = new JsonReader(text);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new SyntaxError(p.pos, "unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() throws SyntaxError {
        char c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() throws SyntaxError {
        enter();
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return out;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw new SyntaxError(pos, "expected a quoted key");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            out.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                depth--;
                return out;
            }
        }
    }

    private List<Object> array() throws SyntaxError {
        enter();
        List<Object> out = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return out;
        }
        while (true) {
            skipSpace();
            out.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                depth--;
                return out;
            }
        }
    }

    private void enter() throws SyntaxError {
        if (++depth > MAX_DEPTH) {
            throw new SyntaxError(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws SyntaxError {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw new SyntaxError(pos, "truncated \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new SyntaxError(pos, "bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw new SyntaxError(pos - 1, "bad escape \\" + e);
            }
        }
        throw new SyntaxError(pos, "unterminated string");
    }

    private Object number() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw new SyntaxError(pos, "unexpected character '" + text.charAt(pos) + "'");
        }
        String s = text.substring(start, pos);
        try {
            BigDecimal d = new BigDecimal(s);
            if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
                return d.longValueExact();
            }
            return d.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SyntaxError(start, "bad number '" + s + "'");
        }
    }

    private Object literal(String word, Object value) throws SyntaxError {
        if (!text.startsWith(word, pos)) {
            throw new SyntaxError(pos, "unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private char peek() throws SyntaxError {
        if (pos >= text.length()) {
            throw new SyntaxError(pos, "unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw new SyntaxError(pos, "expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
