package org.exprflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.core.Versions;
import org.exprflow.data.DatasetFile;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --versions-yml: the step's own JVM writes the process's versions.yml, with the bytes the modules'
 * former heredoc (`exprflow --version | sed 's/^\([^ ]*\) \(.*\)$/    \1: "\2"/'`) wrote, and only
 * when the step succeeded.
 */
@Tag("unit")
class VersionsYmlTest {
    @TempDir
    Path dir;

    /** What the heredoc wrote: the quoted process line, then each --version line reshaped by sed. */
    private static String heredoc(String process) {
        StringBuilder b = new StringBuilder("\"" + process + "\":\n");
        for (String line : new Versions().getVersion()) {
            b.append(line.replaceFirst("^([^ ]*) (.*)$", "    $1: \"$2\"")).append('\n');
        }
        return b.toString();
    }

    @Test
    void aSucceededStepWritesTheHeredocsBytes() throws Exception {
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(SyntheticData.classes(41, 12, 10, 2, 1, "A", "B"), data);
        Path yml = dir.resolve("versions.yml");
        Cli.Result r = Cli.run("--quiet", "split", "--input", data.toString(), "--output", dir.resolve("s.tsv").toString(),
                "--folds", "3", "--versions-yml", yml.toString(), "--versions-process", "CLASSIFY:SPLIT");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(heredoc("CLASSIFY:SPLIT"), Files.readString(yml));
        assertEquals(4, Files.readAllLines(yml).size());
    }

    @Test
    void aFailedStepWritesNone() {
        Path yml = dir.resolve("versions.yml");
        Cli.Result r = Cli.run("split", "--input", dir.resolve("absent.xfd").toString(), "--output",
                dir.resolve("s.tsv").toString(), "--versions-yml", yml.toString(), "--versions-process", "SPLIT");
        assertEquals(3, r.exitCode(), r.stderr());
        assertFalse(Files.exists(yml));
    }

    @Test
    void theTwoOptionsGoTogether() {
        Path yml = dir.resolve("versions.yml");
        Cli.Result r = Cli.run("split", "--input", dir.resolve("absent.xfd").toString(), "--output",
                dir.resolve("s.tsv").toString(), "--versions-yml", yml.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(List.of("split: error: --versions-yml and --versions-process go together (see --help)"), r.errorLines());
        assertFalse(Files.exists(yml));
    }
}
