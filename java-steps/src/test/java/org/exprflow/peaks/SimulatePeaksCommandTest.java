package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-data/peaks is exactly what simulate-peaks writes. */
@Tag("unit")
class SimulatePeaksCommandTest {
    private static final Path DATA = TestEnvironment.projectDir().resolve("test-data/peaks");

    @Test
    void committedTestDataEqualsFreshSimulatorOutput(@TempDir Path tmp) throws IOException {
        assertEquals(0, Cli.run("--quiet", "simulate-peaks", "--output-dir", tmp.toString()).exitCode());
        List<String> committed = names(DATA).stream().filter(n -> !n.equals("README.md")).toList();
        assertEquals(committed, names(tmp));
        for (String name : committed) {
            assertEquals(-1L, Files.mismatch(DATA.resolve(name), tmp.resolve(name)),
                    name + " differs from simulate-peaks output; regenerate with the command in test-data/peaks/README.md");
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
