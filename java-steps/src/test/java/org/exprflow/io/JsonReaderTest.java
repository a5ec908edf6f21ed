package org.exprflow.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared JSON parser: value types, strings, numbers, strictness, and where errors are reported. */
@Tag("unit")
class JsonReaderTest {
    @TempDir
    Path dir;

    @Test
    void valuesBecomePlainJavaTypesWithKeyOrderKept() throws JsonReader.SyntaxError {
        Object parsed = JsonReader.parse(" {\"z\": [1, 2.5, \"x\", true, false, null, {}, []],\n \"a\": {\"b\": {\"c\": []}}} ");
        Map<?, ?> root = assertInstanceOf(LinkedHashMap.class, parsed);
        assertEquals(List.of("z", "a"), new ArrayList<>(root.keySet()), "key order follows the text");
        List<?> z = assertInstanceOf(ArrayList.class, root.get("z"));
        assertEquals(Arrays.asList(1L, 2.5, "x", true, false, null, Map.of(), List.of()), z);
        assertInstanceOf(Long.class, z.get(0));
        assertInstanceOf(Double.class, z.get(1));
        assertInstanceOf(Boolean.class, z.get(3));
        assertEquals(Map.of("b", Map.of("c", List.of())), root.get("a"));
        assertNull(JsonReader.parse("null"));
        assertEquals("top", JsonReader.parse("\"top\""));
    }

    @Test
    void escapesAndUnicode() throws JsonReader.SyntaxError {
        assertEquals("q\" b\\ s/ \b\f\n\r\t", JsonReader.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\""));
        assertEquals("é€", JsonReader.parse("\"\\u00e9\\u20AC\""));
        // A character outside the BMP is a surrogate pair in JSON and in a Java String alike.
        assertEquals("🧬", JsonReader.parse("\"\\ud83e\\uddec\""));
        assertEquals("Zelltyp: Leukämie 🧬", JsonReader.parse("\"Zelltyp: Leukämie 🧬\""), "raw UTF-16 passes through");
    }

    @Test
    void integersStayExactAndOtherNumbersAreDoubles() throws JsonReader.SyntaxError {
        // An ENCODE file_size above 2^53 would lose its last digits as a double.
        assertEquals(9007199254740993L, JsonReader.parse("9007199254740993"));
        assertEquals(Long.MAX_VALUE, JsonReader.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, JsonReader.parse("-9223372036854775808"));
        assertEquals(0L, JsonReader.parse("-0"));
        // Out of long range, or written with a fraction or exponent: a Double.
        assertEquals(9.223372036854775808e18, JsonReader.parse("9223372036854775808"));
        assertEquals(2.0, JsonReader.parse("2.0"));
        assertEquals(1000.0, JsonReader.parse("1e3"));
        assertEquals(-0.0125, JsonReader.parse("-1.25E-2"));
        assertEquals(0.5, JsonReader.parse("5e-1"));
        assertEquals(123.0, JsonReader.parse("1.23e+2"));
    }

    @Test
    void rejectsWhatStrictJsonForbids() {
        for (String bad : new String[] {"", "   ", "01", "+1", "1.", ".5", "-", "1e", "1e+", "0x10", "NaN", "Infinity",
                "tru", "nul", "[1,]", "{\"a\":1,}", "{a: 1}", "{'a': 1}", "[1 2]", "{\"a\" 1}", "\"abc", "\"a\\x\"",
                "\"\\u12G4\"", "\"\\u12\"", "\"line\nbreak\"", "[1] [2]", "// comment\n1", "\u00a01"}) {
            assertThrows(JsonReader.SyntaxError.class, () -> JsonReader.parse(bad), () -> "accepted: " + bad);
        }
    }

    @Test
    void errorsNameLineAndColumn() {
        JsonReader.SyntaxError e = assertThrows(JsonReader.SyntaxError.class,
                () -> JsonReader.parse("{\n  \"a\": 1,\n  \"b\": tru\n}"));
        assertEquals(3, e.line());
        assertEquals(8, e.column());
        assertEquals("line 3, column 8: unexpected character 't'", e.getMessage());

        e = assertThrows(JsonReader.SyntaxError.class, () -> JsonReader.parse("[1, 2,\r\n 3,"));
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertEquals("unexpected end of input", e.problem());

        // An unterminated string is reported where it starts, which is where the missing quote belongs.
        e = assertThrows(JsonReader.SyntaxError.class, () -> JsonReader.parse("{\"a\": \"open}"));
        assertEquals(1, e.line());
        assertEquals(7, e.column());
        assertTrue(e.problem().startsWith("unterminated string"), e.problem());

        e = assertThrows(JsonReader.SyntaxError.class, () -> JsonReader.parse("[0, 007]"));
        assertEquals(5, e.column());
        assertEquals("bad number: leading zero", e.problem());
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() throws JsonReader.SyntaxError {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertInstanceOf(List.class, JsonReader.parse(ok));
        String hostile = "[".repeat(100_000) + "]".repeat(100_000);
        JsonReader.SyntaxError e = assertThrows(JsonReader.SyntaxError.class, () -> JsonReader.parse(hostile));
        assertTrue(e.problem().contains("nested deeper than " + JsonReader.MAX_DEPTH), e.problem());
    }

    @Test
    void fileErrorsNameTheFileAndLine() throws IOException {
        Path good = dir.resolve("good.json");
        Files.write(good, "\uFEFF{\"size\": 12}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("size", 12L), JsonReader.read(good), "a byte order mark is ignored");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"levels\": [\"ALL\", \"AML\"\n}\n");
        UserException e = assertThrows(UserException.class, () -> JsonReader.read(broken));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(broken + ":3: invalid JSON at column 1: expected ']' but found '}'", e.getMessage());

        UserException missing = assertThrows(UserException.class, () -> JsonReader.read(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": no such file", missing.getMessage());

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'"', (byte) 0xE9, '"'});
        UserException notUtf8 = assertThrows(UserException.class, () -> JsonReader.read(latin1));
        assertTrue(notUtf8.getMessage().startsWith(latin1 + ": not UTF-8"), notUtf8.getMessage());
    }
}
