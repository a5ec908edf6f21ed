package org.exprflow.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.exprflow.core.UserException;

/**
 * Parses JSON (Jackson tree model) with the strict RFC 8259 grammar of Jackson's defaults (no
 * comments, trailing commas, leading zeros, NaN tokens or raw control characters in strings: a
 * lenient parser would take a truncated or corrupted file for something else) and nothing after the
 * value. A repeated key keeps its last value. Failures are one-line user errors naming the file and
 * Jackson's line and column.
 */
public final class JsonInput {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonInput() {
    }

    /** A JSON file (UTF-8, a byte order mark allowed); exit code 3 when missing, unreadable or malformed. */
    public static JsonNode read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw UserException.badFile(file, "no such file");
        } catch (IOException e) {
            throw UserException.badFile(file, "cannot read: " + e.getMessage());
        }
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            // plain or gzip, like every other input
            try (java.io.InputStream gz = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = gz.readAllBytes();
            } catch (IOException e) {
                throw UserException.badFile(file, "gzip stream is truncated or corrupt");
            }
        }
        try {
            return parse(bytes);
        } catch (JsonProcessingException e) {
            throw UserException.badLine(file, line(e), "invalid JSON at column " + column(e) + ": " + problem(e));
        } catch (java.io.UncheckedIOException e) {
            // Jackson takes leading NUL bytes for UTF-16/UTF-32 and fails decoding them (found by fuzzing)
            throw UserException.badFile(file, "invalid JSON: " + String.valueOf(e.getCause().getMessage()).replaceAll("\\s*\\R\\s*", " "));
        }
    }

    /** Parses a whole document; an empty text is an error, as it is no JSON value. */
    public static JsonNode parse(byte[] text) throws JsonProcessingException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new EmptyDocument();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // Reading a byte array does no I/O.
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The problem of a parse error on one line, without Jackson's location suffix and with its
     * "[Source: ...; line: L, column: C]" references cut to "line L, column C".
     */
    public static String problem(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage())
                .replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
                .replaceAll("\\s*\\(bound as `[^`]*`\\)", "")
                .replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** "line L, column C: problem", for messages about documents that are not files (network metadata). */
    public static String describe(JsonProcessingException e) {
        return "line " + line(e) + ", column " + column(e) + ": " + problem(e);
    }

    private static int line(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
    }

    private static int column(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
    }

    private static final class EmptyDocument extends JsonProcessingException {
        EmptyDocument() {
            super("no JSON value (empty document)");
        }
    }
}
