package org.exprflow.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Jazzer fuzz targets, one per reader ({@link ReaderTargets}: a result or a one-line user error of
 * exit 3 or 4, never another exception, never a hang).
 *
 * <p>In the normal test run (no {@code JAZZER_FUZZ}) Jazzer replays each target's inputs in
 * {@code src/test/resources/org/exprflow/corpus/ReaderFuzzTestInputs/<target>/} (crash
 * reproducers, kept as regression inputs) and an empty input: deterministic and quick. With
 * {@code JAZZER_FUZZ=1} and one target selected ({@code -Dtest=ReaderFuzzTest#tsv}) Jazzer fuzzes it,
 * coverage-guided, for {@link #MAX_DURATION} or the {@code -max_total_time}/{@code -runs}/{@code -seed}
 * given as {@code jazzer.internal.arg.N} properties: that is bench/fuzz.sh.
 */
@Tag("unit")
class ReaderFuzzTest {
    static final String MAX_DURATION = "60s";
    private static Path dir;

    private static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("exprflow-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /**
     * Jazzer's agent, once installed, logs every class it instruments ("INFO: Instrumented ...") to
     * System.err, which the other tests in this JVM capture to check a step's one-line error. In the
     * normal test run its log goes to the JVM's own stderr instead (fuzzing runs keep the default).
     */
    @BeforeAll
    static void keepJazzerOutOfCapturedStderr() {
        if (System.getenv("JAZZER_FUZZ") == null) {
            PrintStream jvmErr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            com.code_intelligence.jazzer.utils.Log.fixOutErr(System.out, jvmErr);
        }
    }

    private static void run(String target, byte[] data) {
        ReaderTargets.check(ReaderTargets.TARGETS.get(target), data, dir());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One fuzz test per target, named after it: a target without one is never fuzzed. */
    @Test
    void everyTargetHasAFuzzTest() {
        java.util.Set<String> fuzzTests = new java.util.TreeSet<>();
        for (java.lang.reflect.Method m : ReaderFuzzTest.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(FuzzTest.class)) {
                fuzzTests.add(m.getName());
            }
        }
        assertEquals(new java.util.TreeSet<>(ReaderTargets.TARGETS.keySet()), fuzzTests);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void cumida(byte[] data) {
        run("cumida", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void geoMatrix(byte[] data) {
        run("geoMatrix", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void geoSoft(byte[] data) {
        run("geoSoft", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void golub(byte[] data) {
        run("golub", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void arff(byte[] data) {
        run("arff", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void tsv(byte[] data) {
        run("tsv", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void geneMatrix(byte[] data) {
        run("geneMatrix", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void featureCounts(byte[] data) {
        run("featureCounts", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void star(byte[] data) {
        run("star", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void salmon(byte[] data) {
        run("salmon", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void kallisto(byte[] data) {
        run("kallisto", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void rsem(byte[] data) {
        run("rsem", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void samplesheet(byte[] data) {
        run("samplesheet", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void peaks(byte[] data) {
        run("peaks", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void annotation(byte[] data) {
        run("annotation", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void rna(byte[] data) {
        run("rna", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void chromSizes(byte[] data) {
        run("chromSizes", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void landmarkList(byte[] data) {
        run("landmarkList", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void score(byte[] data) {
        run("score", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void stepTables(byte[] data) {
        run("stepTables", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void stepJson(byte[] data) {
        run("stepJson", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void modelXfm(byte[] data) {
        run("modelXfm", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void modelXlm(byte[] data) {
        run("modelXlm", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void dataset(byte[] data) {
        run("dataset", data);
    }

    @FuzzTest(maxDuration = MAX_DURATION)
    void accessions(byte[] data) {
        run("accessions", data);
    }
}
