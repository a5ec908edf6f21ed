package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.exprflow.ingest.IngestFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SampleOverlapCommandTest {
    @TempDir
    Path dir;

    @Test
    void disjointFilesPass() throws IOException {
        Path test = dir.resolve("test.tsv");
        Files.writeString(test, "id\tGSM9001\tGSM9002\nf1\t1\t2\nf2\t3\t4\n");
        IngestFixtures.Run r = run("sample-overlap", "--input", fixture("cumida_small.csv").toString(),
                "--test-input", test.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("training (3 samples) and test (2 samples) share no sample id"), r.stderr());
    }

    @Test
    void sharedIdsAreRefusedWithExit2NamingThemAndTheOption() throws IOException {
        Path test = dir.resolve("test.tsv");
        Files.writeString(test, "id\tGSM1002\tGSM9002\tGSM1001\nf1\t1\t2\t3\n");
        IngestFixtures.Run r = run("sample-overlap", "--input", fixture("cumida_small.csv").toString(),
                "--test-input", test.toString(), "--allow-option", "--allow_sample_overlap");
        assertEquals(2, r.exitCode(), r.stderr());
        String line = r.stderr().lines().filter(l -> l.startsWith("sample-overlap: error: ")).findFirst().orElseThrow();
        assertFalse(r.stderr().contains("\tat "), "no stack trace: " + r.stderr());
        assertTrue(line.contains("2 of the 3 test samples in " + test), line);
        assertTrue(line.contains("(GSM1002, GSM1001)"), line);
        assertTrue(line.contains("give --allow_sample_overlap to run anyway"), line);
    }

    @Test
    void anUnreadableFileIsTheReadersOwnError() throws IOException {
        Path test = dir.resolve("page.html");
        Files.writeString(test, "<!DOCTYPE html><html><body>Not found</body></html>\n");
        IngestFixtures.Run r = run("sample-overlap", "--input", fixture("cumida_small.csv").toString(),
                "--test-input", test.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("HTML"), r.stderr());
    }
}
