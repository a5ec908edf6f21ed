package org.exprflow.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way tests run R: through scripts/reference-rscript, which runs Rscript under the reference
 * BLAS and LAPACK whatever BLAS the machine has selected (with OpenBLAS selected, preprocessCore's
 * threads cannot start; see the script). Before the first R call of a test JVM the script's R check
 * runs once, so a broken R installation fails every R test with the check's one line instead of
 * unrelated-looking errors from each script.
 */
public final class ReferenceR {
    private static String checkFailure;
    private static boolean checked;

    private ReferenceR() {
    }

    /**
     * The command line that runs Rscript with the arguments (e.g. "--vanilla", script, files...).
     * Skips the test outside CI when Rscript is absent (a failure under CI), and fails it when the R
     * check fails.
     */
    public static List<String> command(String... rscriptArguments) {
        TestEnvironment.tool("Rscript");
        Path wrapper = wrapper();
        String failure = check(wrapper);
        if (failure != null) {
            fail(failure);
        }
        List<String> command = new ArrayList<>();
        command.add(wrapper.toString());
        command.addAll(List.of(rscriptArguments));
        return command;
    }

    private static Path wrapper() {
        return TestEnvironment.projectDir().resolve("scripts/reference-rscript");
    }

    private static synchronized String check(Path wrapper) {
        if (!checked) {
            checked = true;
            try {
                Process p = new ProcessBuilder(wrapper.toString(), "--check").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    checkFailure = "reference-rscript --check did not finish in 120 s";
                } else if (p.exitValue() != 0) {
                    checkFailure = out;
                }
            } catch (IOException | InterruptedException e) {
                checkFailure = "cannot run " + wrapper + ": " + e.getMessage();
            }
        }
        return checkFailure;
    }
}
