package org.exprflow.landmark;

import java.io.IOException;
import java.nio.file.Path;

import org.exprflow.io.VersionedObjectFile;

/** The saved landmark model ({@code .xlm}): {@link LandmarkModel} behind the magic "XFLM" and a format version. */
public final class LandmarkModelFile {
    public static final int FORMAT_VERSION = 2;
    private static final VersionedObjectFile<LandmarkModel> FILE = new VersionedObjectFile<>(
            new byte[] {'X', 'F', 'L', 'M'}, FORMAT_VERSION, LandmarkModel.class, "landmark model",
            "exprflow landmark model file (.xlm written by 'exprflow landmark-fit --output-model')");

    private LandmarkModelFile() {
    }

    public static void write(LandmarkModel model, Path path) throws IOException {
        FILE.write(model, path);
    }

    /** True when the file starts as a landmark model file does (its magic); {@link #read} checks the rest. */
    public static boolean matches(Path path) {
        return FILE.matches(path);
    }

    public static LandmarkModel read(Path path) {
        return FILE.read(path);
    }
}
