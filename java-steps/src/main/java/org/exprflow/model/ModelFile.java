package org.exprflow.model;

import java.io.IOException;
import java.nio.file.Path;

import org.exprflow.io.VersionedObjectFile;

/**
 * The saved model file ({@code .xfm}): {@link ModelPipeline} behind the magic "XFMD" and a format
 * version ({@link VersionedObjectFile}).
 */
public final class ModelFile {
    /**
     * 2: the model holds a {@link FeaturePipeline} (shared with regression) and the header names the
     * writing exprflow; format-1 models are refused with a request to retrain.
     */
    public static final int FORMAT_VERSION = 2;
    private static final VersionedObjectFile<ModelPipeline> FILE = new VersionedObjectFile<>(
            new byte[] {'X', 'F', 'M', 'D'}, FORMAT_VERSION, ModelPipeline.class, "model", "exprflow model file (.xfm written by 'exprflow train')");

    private ModelFile() {
    }

    public static void write(ModelPipeline model, Path path) throws IOException {
        FILE.write(model, path);
    }

    /** True when the file starts as a model file does (its magic); {@link #read} checks the rest. */
    public static boolean matches(Path path) {
        return FILE.matches(path);
    }

    public static ModelPipeline read(Path path) {
        return FILE.read(path);
    }
}
