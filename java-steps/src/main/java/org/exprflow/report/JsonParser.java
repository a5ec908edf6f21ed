package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser for the summaries exprflow itself writes (qc.json, metrics.json), so the
 * report needs no JSON library in the shaded jar. Objects become LinkedHashMap (key order kept, so
 * rendering follows the file), arrays List, numbers Double, and true/false/null Boolean/null.
 */
final class JsonParser {
    /** A syntax error at a character offset; the caller turns it into a user error naming the file. */
    static final class SyntaxError extends Exception {
        SyntaxError(int offset, String problem) {
            super("character " + offset + ": " + problem, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    static Object parse(String text) throws SyntaxError {
        JsonParser p = new JsonParser(text);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new SyntaxError(p.pos, "unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() throws SyntaxError {
        if (pos >= text.length()) {
            throw new SyntaxError(pos, "unexpected end of input");
        }
        char c = text.charAt(pos);
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
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
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
                return out;
            }
        }
    }

    private List<Object> array() throws SyntaxError {
        List<Object> out = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
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
                return out;
            }
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

    private Double number() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw new SyntaxError(pos, "unexpected character '" + text.charAt(pos) + "'");
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new SyntaxError(start, "bad number '" + text.substring(start, pos) + "'");
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
