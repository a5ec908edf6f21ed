package org.exprflow.cli;

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

    /**
     * netlib-java, under Weka's and MTJ's matrix code, logs two java.util.logging warnings to stderr
     * when it falls back from native ARPACK/BLAS to its pure-Java implementation (always, in our
     * jar): noise in every step's log that reads like an error. The fallback is what we want, so its
     * loggers are kept to SEVERE. Held in a field because java.util.logging keeps loggers only
     * weakly, and a collected logger would forget its level.
     */
    private static final java.util.logging.Logger NETLIB = java.util.logging.Logger.getLogger("com.github.fommil");

    static void configure(String stepName, boolean quietMode) {
        step = stepName;
        quiet = quietMode;
        NETLIB.setLevel(java.util.logging.Level.SEVERE);
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
