package org.exprflow.core;

import picocli.CommandLine.Option;

/**
 * Mixin: {@code --threads}, default 1, of the steps whose work splits into independent jobs (train's
 * inner loop, permute's permutations). The modules pass {@code task.cpus}. Outputs are byte-identical
 * whatever the value: the jobs follow {@link Parallel}'s rule.
 */
public final class StepThreads {
    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Threads for independent jobs (inner-loop folds, permutations, ...); outputs do not depend on "
                    + "it (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    public StepThreads() {
    }

    /** A thread count given in code rather than on the command line. */
    public StepThreads(int threads) {
        this.threads = threads;
    }

    /** The thread count, checked: at least 1. */
    public int threads() {
        if (threads < 1) {
            throw UserException.badParameter("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
