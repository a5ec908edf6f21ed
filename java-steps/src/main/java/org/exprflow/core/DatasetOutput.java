package org.exprflow.core;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Mixin: {@code --output FILE}, the dataset a peaks step writes (region-dataset, gene-features). */
public final class DatasetOutput {
    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output dataset (.xfd).")
    Path path;

    public Path path() {
        return path;
    }
}
