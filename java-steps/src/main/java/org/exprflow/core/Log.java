package org.exprflow.core;

/**
 * Progress messages of a step, on stderr (Nextflow keeps them in .command.err and .command.log).
 * Messages carry no timestamps, hostnames or absolute paths of the work directory so that logs of
 * two runs can be compared.
 */
public final class Log {
    private static String step = "exprflow";
    private static boolean quiet;

    private Log() {
    }

    public static void configure(String stepName, boolean quietMode) {
        step = stepName;
        quiet = quietMode;
    }

    public static void info(String message) {
        if (!quiet) {
            System.err.println("[" + step + "] " + message);
        }
    }

    public static void warn(String message) {
        System.err.println("[" + step + "] WARNING: " + message);
    }
}
