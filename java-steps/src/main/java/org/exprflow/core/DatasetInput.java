package org.exprflow.core;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Mixin: {@code --input D.xfd}, the one dataset a step reads (split, train, permute). */
public final class DatasetInput {
    @Option(names = "--input", required = true, description = "Dataset (.xfd).")
    Path input; // the field name gives the help its <input>, as before the mixin

    public Path path() {
        return input;
    }
}
