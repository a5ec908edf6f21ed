package org.exprflow.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the repository, the shared real data and external tools. Outside CI a test whose
 * data or tool is absent is skipped; under CI=true it fails instead, so a missing install step can
 * never turn into a silently green build.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The repository root (the directory holding main.nf). */
    public static Path projectDir() {
        String p = System.getProperty("exprflow.projectDir");
        Path dir = p != null ? Path.of(p) : Path.of("..");
        return dir.toAbsolutePath().normalize();
    }

    /** ../shared/data beside the repository, or a skip (a failure under CI) when it is absent. */
    public static Path sharedData() {
        Path data = projectDir().resolve("../shared/data").normalize();
        require(Files.isDirectory(data), "shared data directory " + data + " is absent");
        return data;
    }

    /** A file under ../shared/data, e.g. "golub/actual.csv.gz". */
    public static Path sharedFile(String relative) {
        Path f = sharedData().resolve(relative);
        require(Files.isRegularFile(f), "shared data file " + f + " is absent");
        return f;
    }

    /** A file shipped by a Debian package (e.g. GEOquery's extdata). */
    public static Path systemFile(String absolute, String debianPackage) {
        Path f = Path.of(absolute);
        require(Files.isRegularFile(f), f + " is absent (install the Debian package " + debianPackage + ")");
        return f;
    }

    /** Requires an executable on PATH, e.g. "Rscript" or "bedtools". */
    public static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        require(false, "tool '" + name + "' is not on PATH");
        return null;
    }

    private static void require(boolean present, String what) {
        if (!present) {
            if (ci()) {
                fail(what + " (CI=true: required, not skipped)");
            }
            assumeTrue(false, what + "; skipped outside CI");
        }
    }
}
