package org.exprflow.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;

/**
 * The one JSON parser of exprflow (the counterpart of {@link JsonWriter}), so the shaded jar needs no
 * JSON library. It reads the summaries exprflow writes (qc.json, metrics JSON, cache sidecars) and
 * ENCODE metadata, into plain Java values:
 * <ul>
 * <li>object: {@link LinkedHashMap} (key order kept, so whatever renders it follows the file; a
 * repeated key keeps its last value);</li>
 * <li>array: {@link ArrayList}; string: String; true/false: Boolean; null: null;</li>
 * <li>number: Long when written as an integer (no fraction, no exponent) that fits in a long, so an
 * ENCODE file_size of several gigabytes stays exact; every other number is a Double.</li>
 * </ul>
 * The grammar is strict RFC 8259 (no comments, trailing commas, leading zeros, unquoted keys or raw
 * control characters in strings), because a lenient parser would accept a truncated or corrupted
 * file as something else. Errors carry the 1-based line and column.
 */
public final class JsonReader {
    /** A syntax error at a position of the text; callers add the name of the document. */
    public static final class SyntaxError extends Exception {
        private final int line;
        private final int column;
        private final String problem;

        SyntaxError(int line, int column, String problem) {
            super("line " + line + ", column " + column + ": " + problem, null, false, false);
            this.line = line;
            this.column = column;
            this.problem = problem;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** The problem without its position. */
        public String problem() {
            return problem;
        }
    }

    /**
     * Guards the recursion: real documents nest a handful of levels, while hostile input (ENCODE
     * metadata comes from the network) could nest deep enough to overflow the stack.
     */
    static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Parses one JSON value that must make up the whole text (surrounding whitespace allowed). */
    public static Object parse(String text) throws SyntaxError {
        JsonReader p = new JsonReader(text);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error(p.pos, "unexpected text after the JSON value");
        }
        return value;
    }

    /**
     * Parses a UTF-8 JSON file. A missing, unreadable or malformed file is a one-line user error
     * ({@code <file>:<line>: invalid JSON at column <c>: <problem>}), exit code 3.
     */
    public static Object read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserException.badFile(file, "no such file");
        } catch (CharacterCodingException e) {
            throw UserException.badFile(file, "not UTF-8 text, so not JSON");
        } catch (IOException e) {
            throw UserException.badFile(file, "cannot read: " + e.getMessage());
        }
        // RFC 8259 lets a parser ignore a byte order mark; some editors on Windows add one.
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return parse(text);
        } catch (SyntaxError e) {
            throw UserException.badLine(file, e.line(), "invalid JSON at column " + e.column() + ": " + e.problem());
        }
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
                throw error(pos, "expected a quoted key");
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
            throw error(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws SyntaxError {
        int start = pos;
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                // A raw newline inside a string usually means a missing closing quote.
                throw error(pos, "control character U+" + String.format("%04X", (int) c)
                        + " in a string (missing closing quote?)");
            }
            pos++;
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw error(pos - 1, "bad escape \\" + e);
            }
            pos++;
        }
        throw error(start, "unterminated string");
    }

    /**
     * The UTF-16 unit of {@code \\uXXXX} with pos on the 'u'; leaves pos on the last hex digit.
     * Characters outside the BMP arrive as two escapes (a surrogate pair) and are appended unit by
     * unit, which is exactly how a Java String holds them.
     */
    private char unicodeEscape() throws SyntaxError {
        int escape = pos - 1;
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = pos + i < text.length() ? Character.digit(text.charAt(pos + i), 16) : -1;
            if (digit < 0) {
                throw error(escape, "\\u must be followed by four hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Object number() throws SyntaxError {
        int start = pos;
        if (at('-')) {
            pos++;
        }
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw error(start, pos < text.length() && start == pos
                    ? "unexpected character '" + text.charAt(pos) + "'" : "bad number: a digit must follow '-'");
        }
        if (at('0')) {
            pos++;
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                throw error(start, "bad number: leading zero");
            }
        } else {
            digits();
        }
        boolean integer = true;
        if (at('.')) {
            integer = false;
            pos++;
            if (digits() == 0) {
                throw error(start, "bad number: a digit must follow '.'");
            }
        }
        if (at('e') || at('E')) {
            integer = false;
            pos++;
            if (at('+') || at('-')) {
                pos++;
            }
            if (digits() == 0) {
                throw error(start, "bad number: the exponent has no digits");
            }
        }
        String s = text.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException outOfRange) {
                // Beyond ±9.2e18: still a valid JSON number, just not an exact one.
            }
        }
        return Double.parseDouble(s);
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private Object literal(String word, Object value) throws SyntaxError {
        if (!text.startsWith(word, pos)) {
            throw error(pos, "unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private char peek() throws SyntaxError {
        if (pos >= text.length()) {
            throw error(pos, "unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw error(pos, "expected '" + c + "' but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    /** JSON whitespace only: space, tab, line feed, carriage return. */
    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** An error at a character offset, located by line and column (computed only when failing). */
    private SyntaxError error(int offset, String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SyntaxError(line, offset - lineStart + 1, problem);
    }
}
