package org.exprflow.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way tests run Python with scikit-learn (the reference for calibration): the first python3
 * that imports sklearn, of those on PATH in order and then /usr/bin/python3 (a pyenv or virtualenv
 * python3 earlier on PATH often lacks Debian's python3-sklearn), checked once per test JVM. Outside
 * CI a missing python3 or scikit-learn skips the test; under CI=true it fails it (.ci/run installs
 * python3-sklearn).
 */
public final class ReferencePython {
    private static String version;
    private static Path found;
    private static String failure;
    private static boolean checked;

    private ReferencePython() {
    }

    /** The command line that runs a script of src/test/resources/python with its arguments. */
    public static List<String> command(Path script, String... arguments) {
        TestEnvironment.tool("python3");
        String problem = check();
        if (problem != null) {
            if (TestEnvironment.ci()) {
                fail(problem + " (CI=true: required, not skipped)");
            }
            assumeTrue(false, problem + "; skipped outside CI");
        }
        List<String> command = new ArrayList<>();
        command.add(found.toString());
        command.add(script.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** The scikit-learn version found (after a {@link #command}). */
    public static String sklearnVersion() {
        return version;
    }

    private static synchronized String check() {
        if (!checked) {
            checked = true;
            List<Path> candidates = new ArrayList<>();
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "python3"));
            }
            candidates.add(Path.of("/usr/bin/python3"));
            List<String> tried = new ArrayList<>();
            for (Path python : candidates.stream().filter(java.nio.file.Files::isExecutable).distinct().toList()) {
                String v = sklearnVersion(python);
                if (v != null) {
                    found = python;
                    version = v;
                    return null;
                }
                tried.add(python.toString());
            }
            failure = "no python3 imports sklearn (tried " + String.join(", ", tried) + "; install python3-sklearn)";
        }
        return failure;
    }

    /** The version of scikit-learn that this python imports, or null. */
    private static String sklearnVersion(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import sklearn; print(sklearn.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
