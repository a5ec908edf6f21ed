package org.exprflow.core;

import picocli.CommandLine.Option;

/** Mixin: {@code --seed}, default 1, of the simulators (simulate, simulate-peaks, simulate-landmark). */
public final class SimulatorSeed {
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    public long seed() {
        return seed;
    }
}
