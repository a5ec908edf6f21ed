package org.exprflow.core;

/**
 * Documented exit codes of every exprflow step. Nextflow's retry rules and the README both rely
 * on these numbers, so never renumber them.
 */
public enum ExitCode {
    /** The step finished and wrote all its outputs. */
    OK(0),
    /** A bug in exprflow: a stack trace is printed because the user cannot fix it. */
    INTERNAL_ERROR(1),
    /** The command line is wrong: unknown option, bad parameter value. */
    USAGE(2),
    /** An input file is missing, unreadable or malformed; the message names file and line. */
    BAD_INPUT(3),
    /** The input is well formed but cannot support the analysis (e.g. a class with one sample). */
    UNSUITABLE_DATA(4);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
