package org.exprflow.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.cli.Main;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * test-data/classify must be exactly what 'exprflow simulate' writes with its defaults (the command
 * in test-data/README.md). If the simulator changes, this fails until the test data are regenerated,
 * so tests of other steps never run on data the simulator no longer produces.
 */
@Tag("unit")
class SimulatorTestDataTest {

    @Test
    void committedTestDataEqualsFreshSimulatorOutputByteForByte(@TempDir Path tmp) throws IOException {
        Path committed = TestEnvironment.projectDir().resolve("test-data/classify");
        assertTrue(Files.isDirectory(committed), committed + " is missing");

        assertEquals(0, Main.run("--quiet", "simulate", "--output-dir", tmp.toString()));

        List<String> expected = fileNames(committed);
        assertEquals(expected, fileNames(tmp), "set of files in " + committed);
        for (String name : expected) {
            byte[] fresh = Files.readAllBytes(tmp.resolve(name));
            byte[] stored = Files.readAllBytes(committed.resolve(name));
            // Compare without building a huge failure message: report the first differing byte.
            long mismatch = Files.mismatch(tmp.resolve(name), committed.resolve(name));
            assertEquals(-1L, mismatch, name + " differs from the simulator output at byte " + mismatch
                    + " (sizes " + stored.length + " committed, " + fresh.length + " fresh); regenerate test-data/classify"
                    + " with the command in test-data/README.md");
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
