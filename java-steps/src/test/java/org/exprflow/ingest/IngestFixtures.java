package org.exprflow.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.exprflow.cli.Main;
import org.exprflow.testing.TestEnvironment;

/** Paths of the hand-written fixtures in test-data/fixtures/ingest, and a stderr-capturing CLI runner. */
final class IngestFixtures {
    private IngestFixtures() {
    }

    static Path fixture(String name) {
        return TestEnvironment.projectDir().resolve("test-data/fixtures/ingest").resolve(name);
    }

    /** The exit code and everything the command wrote to stderr. */
    record Run(int exitCode, String stderr) {
        /** Non-empty stderr lines. */
        java.util.List<String> lines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static synchronized Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            int code = Main.run(args);
            capture.flush();
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
