package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.exprflow.core.ExitCode;
import org.exprflow.cli.Main;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

@Tag("unit")
class NormaliseCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path input() throws Exception {
        Path in = tmp.resolve("in.xfd");
        Dataset d = new Dataset("d", List.of("s1", "s2"), List.of("p1", "p2", "p3"), FeatureIdType.PROBE,
                new double[][] {{0.5, 4, Double.NaN}, {16, 1024, 2}}, Map.of(), List.of());
        DatasetFile.write(d, in);
        return in;
    }

    @Test
    void floorsAndLogsAndWritesTheDataset() throws Exception {
        Path out = tmp.resolve("out.xfd");
        assertEquals(0, run("normalise", "--input", input().toString(), "--output", out.toString(),
                "--floor", "1", "--log2", "always"), err.toString());
        Dataset d = DatasetFile.read(out);
        assertArrayEquals(new double[] {0, 2, Double.NaN}, d.row(0), 0.0);
        assertArrayEquals(new double[] {4, 10, 1}, d.row(1), 0.0);
        assertEquals(List.of("s1", "s2"), d.sampleIds());
    }

    @Test
    void unknownLog2ModeIsAOneLineUsageErrorAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out.xfd");
        int code = run("normalise", "--input", input().toString(), "--output", out.toString(), "--log2", "maybe");
        assertEquals(ExitCode.USAGE.code, code);
        assertEquals("normalise: error: --log2 must be auto, always or never, got 'maybe'", err.toString().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void floorAboveCeilingIsAUsageError() throws Exception {
        Path out = tmp.resolve("out.xfd");
        int code = run("normalise", "--input", input().toString(), "--output", out.toString(),
                "--floor", "10", "--ceiling", "2");
        assertEquals(ExitCode.USAGE.code, code);
        assertTrue(err.toString().startsWith("normalise: error: --floor 10.0 is above --ceiling 2.0"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line, no stack trace");
        assertFalse(Files.exists(out));
    }

    @Test
    void nonNumericFloorIsAUsageError() throws Exception {
        int code = run("normalise", "--input", input().toString(), "--output", tmp.resolve("o.xfd").toString(),
                "--floor", "low");
        assertEquals(ExitCode.USAGE.code, code);
        assertTrue(err.toString().startsWith("normalise: error:"), err.toString());
    }

    @Test
    void missingInputIsABadInputFile() {
        int code = run("normalise", "--input", tmp.resolve("absent.xfd").toString(), "--output", tmp.resolve("o.xfd").toString());
        assertEquals(ExitCode.BAD_INPUT.code, code);
        assertTrue(err.toString().contains("absent.xfd: no such file"), err.toString());
    }

    /** --output-summary: what the step changed, as a normalise JSON for the console and the report. */
    @Test
    void summaryStatesWhatTheStepChanged() throws Exception {
        Path out = tmp.resolve("out.xfd");
        Path summary = tmp.resolve("out.normalise.json");
        assertEquals(0, run("normalise", "--input", input().toString(), "--output", out.toString(), "--floor", "1",
                "--log2", "always", "--output-summary", summary.toString()), err.toString());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(summary.toFile());
        assertEquals(1, json.path("values_floored").asLong());
        assertEquals(0, json.path("values_made_na").asLong());
        assertEquals("applied", json.path("log2").asText());
        assertEquals(3, json.path("features").asInt());
    }
}
