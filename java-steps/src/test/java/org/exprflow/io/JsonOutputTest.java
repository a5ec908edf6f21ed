package org.exprflow.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing JSON: sorted keys at every level, canonical numbers, NaN as null, the two-space layout. */
@Tag("unit")
class JsonOutputTest {
    @TempDir
    Path dir;

    @Test
    void keysSortedNumbersCanonicalLayoutFixed() {
        ObjectNode root = JsonOutput.object();
        root.put("zeta", 0.1 + 0.2);
        root.put("ZeroR", 1);
        root.put("alpha", Double.NaN);
        root.putArray("list").add(1.5e-9).add(2.0).add(Double.POSITIVE_INFINITY).add(7L).addObject().put("b", "x").put("a", true);
        root.putObject("empty");
        root.putArray("none");
        root.putObject("nested").put("y", 1e20).put("x", -1234.5678901234).putNull("w");
        assertEquals("""
                {
                  "ZeroR": 1,
                  "alpha": null,
                  "empty": {},
                  "list": [
                    1.5E-9,
                    2,
                    null,
                    7,
                    {
                      "a": true,
                      "b": "x"
                    }
                  ],
                  "nested": {
                    "w": null,
                    "x": -1234.56789012,
                    "y": 1E+20
                  },
                  "none": [],
                  "zeta": 0.3
                }
                """, JsonOutput.render(root));
    }

    @Test
    void numbersMatchTheTables() {
        for (double x : new double[] {0, -0.0, 1, 0.5, 1.0 / 3, 123456789012345.0, 1e15, 1e-6, 9.99e-7, -2.5e-300}) {
            ObjectNode o = JsonOutput.object().put("v", x);
            assertEquals("{\n  \"v\": " + Canonical.number(x) + "\n}\n", JsonOutput.render(o), "for " + x);
        }
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("{\n  \"s\": \"q\\\" b\\\\ \\n\\t\\u0001 é\"\n}\n",
                JsonOutput.render(JsonOutput.object().put("s", "q\" b\\ \n\t\u0001 é")));
    }

    @Test
    void writeIsRender() throws IOException {
        ObjectNode o = JsonOutput.object().put("b", 2).put("a", 1);
        Path file = dir.resolve("out.json");
        JsonOutput.write(file, o);
        assertEquals(JsonOutput.render(o), Files.readString(file));
    }
}
