package org.exprflow.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SplitCommandTest {
    @TempDir
    Path dir;

    private Path write(Dataset d, String name) throws Exception {
        Path p = dir.resolve(name);
        DatasetFile.write(d, p);
        return p;
    }

    private SplitPlan split(Path data, String... extra) {
        Path out = dir.resolve("splits-" + System.nanoTime() + ".tsv");
        List<String> args = new ArrayList<>(List.of("split", "--input", data.toString(), "--output", out.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return SplitPlan.read(out);
    }

    @Test
    void everyTrainingSampleIsHeldOutOnceAndClassesAreSpreadEvenly() throws Exception {
        // 3 classes of 10, 10 and 10 samples plus an uneven fourth class of 7
        Dataset d = SyntheticData.classes(1, 37, 5, 0, 0, "A", "B", "C", "D");
        SplitPlan plan = split(write(d, "d.xfd"), "--folds", "5", "--repeats", "2", "--seed", "7");
        for (int r = 1; r <= 2; r++) {
            Set<String> seen = new HashSet<>();
            Map<String, int[]> perClass = new HashMap<>();
            for (int f = 1; f <= 5; f++) {
                for (String s : plan.heldOut(r, f)) {
                    assertTrue(seen.add(s), s + " held out twice in repeat " + r);
                    String label = d.primaryTarget().label(d.sampleIndex(s));
                    perClass.computeIfAbsent(label, k -> new int[5])[f - 1]++;
                }
            }
            assertEquals(37, seen.size());
            for (int[] counts : perClass.values()) {
                int min = java.util.Arrays.stream(counts).min().getAsInt();
                int max = java.util.Arrays.stream(counts).max().getAsInt();
                assertTrue(max - min <= 1, "a class is spread unevenly over folds: " + java.util.Arrays.toString(counts));
            }
        }
        assertNotEquals(plan.heldOut(1, 1), plan.heldOut(2, 1), "repeats must use different shuffles");
    }

    @Test
    void assignmentDoesNotDependOnRowOrder() throws Exception {
        Dataset d = SyntheticData.classes(2, 40, 5, 0, 0, "A", "B");
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        assertEquals(0, Cli.run("split", "--input", write(d, "x.xfd").toString(), "--output", a.toString()).exitCode());
        assertEquals(0, Cli.run("split", "--input", write(SyntheticData.shuffleRows(d, 99), "y.xfd").toString(),
                "--output", b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void seedChangesTheAssignment() throws Exception {
        Path data = write(SyntheticData.classes(2, 40, 5, 0, 0, "A", "B"), "d.xfd");
        assertNotEquals(split(data, "--seed", "1").rows(), split(data, "--seed", "2").rows());
        assertEquals(split(data, "--seed", "1").rows(), split(data, "--seed", "1").rows());
    }

    @Test
    void groupsNeverStraddleFolds() throws Exception {
        Dataset d = SyntheticData.classes(3, 40, 5, 0, 0, "A", "B");
        List<String> patient = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            patient.add("P" + (i / 4)); // 4 samples per patient, both classes inside a patient
        }
        SplitPlan plan = split(write(SyntheticData.annotate(d, "group", patient), "g.xfd"),
                "--folds", "5", "--group-column", "group");
        Map<String, Integer> foldOfPatient = new HashMap<>();
        for (SplitPlan.Assignment a : plan.rows()) {
            String p = patient.get(d.sampleIndex(a.sample()));
            Integer prev = foldOfPatient.putIfAbsent(p, a.fold());
            assertTrue(prev == null || prev == a.fold(), "patient " + p + " is in folds " + prev + " and " + a.fold());
        }
        assertEquals(5, new HashSet<>(foldOfPatient.values()).size());
    }

    @Test
    void splitColumnKeepsTestSamplesOutOfCrossValidation() throws Exception {
        Dataset d = SyntheticData.classes(4, 20, 5, 0, 0, "A", "B");
        List<String> split = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            split.add(i < 6 ? "test" : "train");
        }
        SplitPlan plan = split(write(SyntheticData.annotate(d, "split", split), "s.xfd"),
                "--folds", "3", "--split-column", "split");
        assertEquals(Set.of("S001", "S002", "S003", "S004", "S005", "S006"), plan.testSamples());
        assertEquals(14, plan.trainingSamples().size());
        for (int f = 1; f <= 3; f++) {
            assertFalse(plan.heldOut(1, f).stream().anyMatch(plan.testSamples()::contains));
        }
    }

    @Test
    void singleSampleClassIsRefused() throws Exception {
        // 9 samples cycling over 5 classes: A..D get 2 samples each, E gets 1
        Dataset d = SyntheticData.classes(5, 9, 3, 0, 0, "A", "B", "C", "D", "E");
        Path out = dir.resolve("s.tsv");
        Cli.Result r = Cli.run("split", "--input", write(d, "d.xfd").toString(), "--output", out.toString(), "--folds", "2");
        assertEquals(4, r.exitCode());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(r.stderr().contains("class 'E'") && r.stderr().contains("single training sample"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void badFoldCountIsAUsageError() throws Exception {
        Path out = dir.resolve("s.tsv");
        Cli.Result r = Cli.run("split", "--input", write(SyntheticData.classes(6, 10, 3, 0, 0, "A", "B"), "d.xfd").toString(),
                "--output", out.toString(), "--folds", "1");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("--folds must be at least 2"), r.stderr());
        assertFalse(Files.exists(out));
    }
}
