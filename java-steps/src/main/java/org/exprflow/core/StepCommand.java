package org.exprflow.core;

import java.util.concurrent.Callable;

/**
 * The base of every step (in the spirit of Picard's CommandLineProgram): Picocli parses the command
 * line into the fields, {@link #validateArguments()} checks what Picocli cannot check alone
 * (options that need each other, ranges, outputs that would overwrite inputs) before any file is
 * read, then {@link #execute()} does the work. A step that returns normally succeeded (exit 0); a
 * user error is a {@link UserException} (one line, exit 2/3/4), anything else a bug (exit 1).
 */
public abstract class StepCommand implements Callable<Integer> {

    /**
     * Checks the arguments together, before any work; throws {@link UserException#badParameter}.
     * The default checks nothing.
     */
    protected void validateArguments() {
    }

    /** The step's work, after the arguments were validated. */
    protected abstract void execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        validateArguments();
        execute();
        return ExitCode.OK.code;
    }
}
