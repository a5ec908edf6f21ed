package org.exprflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.exprflow.cli.Main;

/** Runs the exprflow CLI in-process and captures its exit code and stderr. */
public final class Cli {
    public record Result(int exitCode, String stderr) {
        /** The non-empty lines of stderr. */
        public java.util.List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        /** The error contract: this exit code, one line on stderr containing the fragment, no stack trace. */
        public void assertOneLineError(int code, String fragment) {
            org.junit.jupiter.api.Assertions.assertEquals(code, exitCode, stderr);
            org.junit.jupiter.api.Assertions.assertEquals(1, errorLines().size(), "expected one line, got: " + stderr);
            org.junit.jupiter.api.Assertions.assertTrue(stderr.contains(fragment), stderr);
            org.junit.jupiter.api.Assertions.assertFalse(stderr.contains("\tat "), "stack trace printed: " + stderr);
        }
    }

    private Cli() {
    }

    public static synchronized Result run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setErr(err);
        try {
            picocli.CommandLine cli = Main.commandLine();
            cli.setErr(new java.io.PrintWriter(err, true));
            int code = cli.execute(args);
            err.flush();
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }
}
