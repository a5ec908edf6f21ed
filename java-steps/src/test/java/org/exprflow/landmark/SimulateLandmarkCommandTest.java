package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed test data (test-data/landmark) are what simulate-landmark writes. */
@Tag("unit")
class SimulateLandmarkCommandTest {
    private static final List<String> FILES = List.of("expression.tsv.gz", "landmarks.txt", "targets.txt", "truth.tsv",
            "query_landmarks.tsv.gz", "query_targets.tsv.gz");

    @TempDir
    Path dir;

    @Test
    void committedTestDataAreTheSimulatorOutput() throws Exception {
        Path committed = TestEnvironment.projectDir().resolve("test-data/landmark");
        assertEquals(0, Cli.run("simulate-landmark", "--output-dir", dir.toString()).exitCode());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(f)), Files.readAllBytes(dir.resolve(f)),
                    f + " differs: regenerate test-data/landmark with exprflow simulate-landmark --output-dir test-data/landmark");
        }
    }
}
