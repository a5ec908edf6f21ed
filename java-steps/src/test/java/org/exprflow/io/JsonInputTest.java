package org.exprflow.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading JSON through Jackson: strictness, exact integers, and one-line errors naming file, line and column. */
@Tag("unit")
class JsonInputTest {
    @TempDir
    Path dir;

    private static JsonNode parse(String text) throws JsonProcessingException {
        return JsonInput.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void integersStayExact() throws JsonProcessingException {
        // An ENCODE file_size above 2^53 would lose its last digits as a double.
        assertEquals(9007199254740993L, parse("9007199254740993").longValue());
        assertEquals(Long.MAX_VALUE, parse("9223372036854775807").longValue());
        assertTrue(parse("2.0").isFloatingPointNumber());
        assertEquals(-0.0125, parse("-1.25E-2").doubleValue());
        assertEquals("🧬", parse("\"\\ud83e\\uddec\"").textValue());
    }

    @Test
    void repeatedKeyKeepsItsLastValue() throws JsonProcessingException {
        assertEquals(2, parse("{\"a\": 1, \"a\": 2}").path("a").intValue());
    }

    @Test
    void rejectsWhatStrictJsonForbids() {
        for (String bad : new String[] {"", "   ", "01", "+1", "1.", ".5", "-", "1e", "1e+", "0x10", "NaN", "Infinity",
                "tru", "nul", "[1,]", "{\"a\":1,}", "{a: 1}", "{'a': 1}", "[1 2]", "{\"a\" 1}", "\"abc", "\"a\\x\"",
                "\"\\u12G4\"", "\"\\u12\"", "\"line\nbreak\"", "[1] [2]", "// comment\n1", "\u00a01"}) {
            assertThrows(JsonProcessingException.class, () -> parse(bad), () -> "accepted: " + bad);
        }
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String hostile = "[".repeat(100_000) + "]".repeat(100_000);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> parse(hostile));
        assertFalse(JsonInput.describe(e).contains("\n"), JsonInput.describe(e));
    }

    @Test
    void malformedFileIsOneLineWithFileLineAndColumn() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"levels\": [\"ALL\", \"AML\"\n}\n");
        UserException e = assertThrows(UserException.class, () -> JsonInput.read(broken));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith(broken + ":3: invalid JSON at column 1: Unexpected close marker '}'"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "\n");
        assertEquals(empty + ":1: invalid JSON at column 1: no JSON value (empty document)",
                assertThrows(UserException.class, () -> JsonInput.read(empty)).getMessage());

        UserException missing = assertThrows(UserException.class, () -> JsonInput.read(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": no such file", missing.getMessage());

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'"', (byte) 0xE9, '"'});
        UserException notUtf8 = assertThrows(UserException.class, () -> JsonInput.read(latin1));
        assertTrue(notUtf8.getMessage().startsWith(latin1 + ":1: invalid JSON at column "), notUtf8.getMessage());
        assertFalse(notUtf8.getMessage().contains("\n"), notUtf8.getMessage());
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Path good = dir.resolve("good.json");
        Files.write(good, "\uFEFF{\"size\": 12}".getBytes(StandardCharsets.UTF_8));
        assertEquals(12, JsonInput.read(good).path("size").intValue());
    }
}
