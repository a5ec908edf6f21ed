package org.exprflow.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.cli.Main;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exprflow simulate-counts: deterministic bytes, the committed fixtures, and the model's figures. */
@Tag("unit")
class SimulateCountsCommandTest {
    /** The command that wrote test-data/counts (see test-data/README.md). */
    static final String[] FIXTURE_ARGS = {"--samples", "24", "--genes", "100", "--differential", "10",
        "--library-size", "2e6", "--gzip-quant"};

    @TempDir
    Path dir;

    private static int run(String... args) {
        PrintStream original = System.err;
        try (PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            System.setErr(quiet);
            return Main.run(args);
        } finally {
            System.setErr(original);
        }
    }

    private static int simulate(Path out, String... args) {
        String[] all = Stream.concat(Stream.of("simulate-counts", "--output-dir", out.toString()), Arrays.stream(args))
                .toArray(String[]::new);
        return run(all);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void theCommittedFixturesAreWhatTheSimulatorWrites() throws IOException {
        Path committed = TestEnvironment.projectDir().resolve("test-data/counts");
        Path fresh = dir.resolve("fresh");
        assertEquals(0, simulate(fresh, FIXTURE_ARGS));
        assertEquals(files(committed), files(fresh));
        for (Path f : files(fresh)) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(f)), Files.readAllBytes(fresh.resolve(f)),
                    f + " differs: regenerate test-data/counts (test-data/README.md)");
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        assertEquals(0, simulate(dir.resolve("a"), "--samples", "6", "--genes", "50", "--differential", "5", "--seed", "7"));
        assertEquals(0, simulate(dir.resolve("b"), "--samples", "6", "--genes", "50", "--differential", "5", "--seed", "7"));
        assertEquals(0, simulate(dir.resolve("c"), "--samples", "6", "--genes", "50", "--differential", "5", "--seed", "8"));
        for (Path f : files(dir.resolve("a"))) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f.toString());
        }
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a/salmon.merged.gene_counts.tsv")),
                Files.readAllBytes(dir.resolve("c/salmon.merged.gene_counts.tsv"))));
    }

    @Test
    void librarySizesDispersionAndDifferentialGenesFollowTheModel() {
        CountStudy study = CountStudySimulator.simulate(new CountStudySimulator.Parameters(3, 40, 1000, 2, 50, 2.0, 2,
                0.0, 2e7, 0.25, 0.05, 2));
        double[] sizes = new double[40];
        for (int s = 0; s < 40; s++) {
            for (long c : study.counts()[s]) {
                sizes[s] += c;
            }
        }
        double[] sorted = sizes.clone();
        Arrays.sort(sorted);
        double median = (sorted[19] + sorted[20]) / 2;
        assertTrue(median > 1.5e7 && median < 2.7e7, "median library size " + median);
        // every planted gene with enough reads moves in the planted direction (mean log2 ratio of the
        // classes within 0.6 of the planted +-2, batch effect off)
        int checked = 0;
        for (int g = 0; g < 1000; g++) {
            if (study.effectClass()[g] == null || study.baseMean()[g] < 200) {
                continue;
            }
            double lcase = 0;
            double lcontrol = 0;
            for (int s = 0; s < 40; s++) {
                double cpm = StrictMath.log((study.counts()[s][g] + 0.5) / sizes[s] * 1e6) / StrictMath.log(2);
                if (study.labels().get(s).equals(study.effectClass()[g])) {
                    lcase += cpm / 20;
                } else {
                    lcontrol += cpm / 20;
                }
            }
            assertEquals(study.log2FoldChange()[g], lcase - lcontrol, 0.6, "gene " + g);
            checked++;
        }
        assertTrue(checked >= 10, "checked " + checked + " differential genes");
        // NB variance: a gene of mean ~ 1000 without effects varies more than Poisson
        double alpha = study.dispersion()[0];
        assertTrue(alpha > 0.05 / 3 && alpha < 1, "dispersion " + alpha);
    }

    @Test
    void badParametersAreRefused() {
        assertEquals(2, simulate(dir.resolve("x"), "--classes", "1"));
        assertEquals(2, simulate(dir.resolve("x"), "--differential", "5000"));
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
