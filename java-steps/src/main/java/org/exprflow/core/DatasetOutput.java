package org.exprflow.core;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Mixin: {@code --output FILE}, the dataset a step writes (import, normalise, region-dataset, gene-features). */
public final class DatasetOutput {
    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output dataset (.xfd).")
    Path path;

    public Path path() {
        return path;
    }
}
