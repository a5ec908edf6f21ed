package org.exprflow.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unusable output paths are refused before a step does any work: one line, exit 2, inputs untouched. */
@Tag("unit")
class OutputPathsTest {
    @TempDir
    Path dir;

    private Path matrix() throws Exception {
        return Files.writeString(dir.resolve("x.tsv"), "feature\tS1\tS2\ng1\t1\t2\n");
    }

    private static void assertRefused(Cli.Result r, String message) {
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains(message), r.stderr());
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
        Path in = matrix();
        byte[] before = Files.readAllBytes(in);
        assertRefused(Cli.run("import", "--input", in.toString(), "--format", "tsv", "--output", in.toString()),
                "--output " + in + " is also an input (--input)");
        // another spelling of the same file
        Path other = dir.resolve("sub/../x.tsv");
        assertRefused(Cli.run("import", "--input", in.toString(), "--format", "tsv", "--output", other.toString()),
                "is also an input");
        assertEquals(-1L, java.util.Arrays.mismatch(before, Files.readAllBytes(in)));
    }

    @Test
    void anOutputUnderAFileIsRefused() throws Exception {
        Path in = matrix();
        Path file = Files.writeString(dir.resolve("afile"), "");
        assertRefused(Cli.run("import", "--input", in.toString(), "--format", "tsv", "--output",
                file.resolve("x.xfd").toString()), file + " is a file, not a directory");
        assertRefused(Cli.run("import", "--input", in.toString(), "--format", "tsv", "--output", dir.toString()),
                "is a directory; name a file");
    }
}
