package org.exprflow.core;

import picocli.CommandLine.Option;

/**
 * Mixin: {@code --seed}, default 42, of every step that makes a random choice (splits, inner folds,
 * bootstrap resamples, randomised learners). The same seed and inputs give byte-identical outputs.
 * The simulators default to 1 instead ({@link SimulatorSeed}): their test data was made with it.
 */
public final class StepSeed {
    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of this step's random choices; the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    public StepSeed() {
    }

    /** A seed given in code rather than on the command line. */
    public StepSeed(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }
}
