package org.exprflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The R reference tests' environment: R runs under the reference BLAS and LAPACK whatever BLAS the
 * machine selects (issue 11: with OpenBLAS selected, preprocessCore's threads could not start), and
 * preprocessCore's threaded code runs there.
 */
@Tag("unit")
class ReferenceRTest {

    @Test
    void rRunsUnderTheReferenceBlasAndLapack() throws Exception {
        List<String> out = run(ReferenceR.command("--vanilla", "-e",
                "cat(extSoftVersion()[['BLAS']], La_library(), sep = '\\n')"));
        assertEquals(2, out.size(), String.join("\n", out));
        // Debian's reference libraries live in /usr/lib/<multiarch>/blas and .../lapack; OpenBLAS's
        // alternatives live in .../openblas-pthread (or -openmp, -serial).
        assertTrue(out.get(0).contains("/blas/libblas.so.3"), "BLAS: " + out.get(0));
        assertTrue(out.get(1).contains("/lapack/liblapack.so.3"), "LAPACK: " + out.get(1));
    }

    @Test
    void preprocessCoreThreadsStart() throws Exception {
        List<String> out = run(ReferenceR.command("--vanilla", "-e",
                "suppressPackageStartupMessages(library(preprocessCore)); "
                        + "cat(normalize.quantiles(matrix(c(5,2,3,4,4,1,4,2,3,4,6,8),4))[, 1], sep = '\\n')"));
        // the one-liner of issue 11: the first column becomes 5.666667, 2, 3, 4.666667
        assertEquals(List.of("5.666667", "2", "3", "4.666667"), out);
    }

    private static List<String> run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Rscript did not finish");
        assertEquals(0, p.exitValue(), text);
        return text.lines().toList();
    }
}
