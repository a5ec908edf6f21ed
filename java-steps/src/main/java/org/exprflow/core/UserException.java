package org.exprflow.core;

import java.nio.file.Path;

/**
 * An error the user can fix. It is reported as one line on stderr, without a stack trace, and the
 * step exits with {@link #exitCode()}. Messages about file content always name the file and the
 * line (or, for compressed input, the byte offset) so the user can go straight to the problem.
 */
public class UserException extends RuntimeException {
    private final ExitCode exitCode;

    public UserException(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** A problem at a given 1-based line of a text file. */
    public static UserException badLine(Path file, long line, String problem) {
        return new UserException(ExitCode.BAD_INPUT, file + ":" + line + ": " + problem);
    }

    /** A problem with a whole file (missing, empty, wrong kind). */
    public static UserException badFile(Path file, String problem) {
        return new UserException(ExitCode.BAD_INPUT, file + ": " + problem);
    }

    /** A problem at a byte offset of a (compressed) file, e.g. a truncated gzip stream. */
    public static UserException badByte(Path file, long offset, String problem) {
        return new UserException(ExitCode.BAD_INPUT, file + ": byte " + offset + ": " + problem);
    }

    public static UserException badParameter(String problem) {
        return new UserException(ExitCode.USAGE, problem);
    }

    public static UserException unsuitable(String problem) {
        return new UserException(ExitCode.UNSUITABLE_DATA, problem);
    }
}
