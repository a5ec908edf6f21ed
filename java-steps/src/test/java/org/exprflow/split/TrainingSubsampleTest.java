package org.exprflow.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The learning curve's training subsets: stratified, nested, seeded, row-order free, every class kept. */
@Tag("unit")
class TrainingSubsampleTest {
    /** 40 A, 20 B, 6 C: classes of different sizes, so the per-class rounding shows. */
    private static Dataset unbalanced() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 66; i++) {
            labels.add(i < 40 ? "A" : i < 60 ? "B" : "C");
        }
        Dataset d = SyntheticData.classes(5, 66, 4, 0, 0, "A");
        return d.withTargets(List.of(Target.nominal("label", labels)));
    }

    private static Map<String, Integer> classCounts(Dataset d, Set<String> ids) {
        Map<String, Integer> out = new TreeMap<>();
        Target t = d.primaryTarget();
        for (int i = 0; i < d.sampleCount(); i++) {
            if (ids.contains(d.sampleId(i))) {
                out.merge(t.label(i), 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void eachClassKeepsRoundedFractionOfItsSamples() {
        Dataset d = unbalanced();
        Set<String> half = TrainingSubsample.draw(d, d.primaryTarget(), null, 0.5, 7);
        assertEquals(Map.of("A", 20, "B", 10, "C", 3), classCounts(d, half));
        Set<String> quarter = TrainingSubsample.draw(d, d.primaryTarget(), null, 0.25, 7);
        // round(0.25 x 6) = 2 (1.5 rounds up); round(0.25 x 20) = 5; round(0.25 x 40) = 10
        assertEquals(Map.of("A", 10, "B", 5, "C", 2), classCounts(d, quarter));
        assertEquals(66, TrainingSubsample.draw(d, d.primaryTarget(), null, 1.0, 7).size());
    }

    @Test
    void smallFractionsKeepTwoSamplesOfEveryClass() {
        Dataset d = unbalanced();
        Set<String> tiny = TrainingSubsample.draw(d, d.primaryTarget(), null, 0.05, 7);
        // round(0.05 x 40) = 2, round(0.05 x 20) = 1 -> 2, round(0.05 x 6) = 0 -> 2
        assertEquals(Map.of("A", 2, "B", 2, "C", 2), classCounts(d, tiny));
        assertEquals(2, TrainingSubsample.keptUnits(6, 0.01));
        assertEquals(1, TrainingSubsample.keptUnits(1, 0.5), "a class of one unit keeps it");
        assertEquals(6, TrainingSubsample.keptUnits(6, 1.0));
    }

    @Test
    void smallerFractionsAreSubsetsOfLargerOnes() {
        Dataset d = unbalanced();
        for (long seed = 1; seed <= 20; seed++) {
            Set<String> previous = Set.of();
            for (double f : new double[] {0.05, 0.25, 0.5, 0.75, 0.9, 1.0}) {
                Set<String> s = TrainingSubsample.draw(d, d.primaryTarget(), null, f, seed);
                assertTrue(s.containsAll(previous), "seed " + seed + ": fraction " + f + " does not contain the smaller subset");
                previous = s;
            }
        }
    }

    @Test
    void sameSeedSameSubsetOtherSeedOtherSubsetAndRowOrderDoesNotMatter() {
        Dataset d = unbalanced();
        Set<String> a = TrainingSubsample.draw(d, d.primaryTarget(), null, 0.5, 11);
        assertEquals(a, TrainingSubsample.draw(d, d.primaryTarget(), null, 0.5, 11));
        assertNotEquals(a, TrainingSubsample.draw(d, d.primaryTarget(), null, 0.5, 12));
        Dataset shuffled = SyntheticData.shuffleRows(d, 99);
        assertEquals(a, TrainingSubsample.draw(shuffled, shuffled.primaryTarget(), null, 0.5, 11));
    }

    @Test
    void seedDependsOnRepeatAndFoldButDiffersFromTheInnerFoldSeed() {
        assertNotEquals(TrainingSubsample.seed(42, 1, 1), TrainingSubsample.seed(42, 1, 2));
        assertNotEquals(TrainingSubsample.seed(42, 1, 1), TrainingSubsample.seed(42, 2, 1));
        assertNotEquals(42L * 1_000_003L + 1_009L + 1, TrainingSubsample.seed(42, 1, 1));
    }

    @Test
    void groupsAreDrawnWhole() {
        Dataset d = unbalanced();
        List<String> patient = new ArrayList<>();
        for (int i = 0; i < d.sampleCount(); i++) {
            patient.add("P" + (i / 2)); // pairs of samples, same class (classes are contiguous, sizes even)
        }
        Dataset grouped = SyntheticData.annotate(d, "patient", patient);
        Set<String> s = TrainingSubsample.draw(grouped, grouped.primaryTarget(), "patient", 0.5, 3);
        for (int i = 0; i < grouped.sampleCount(); i += 2) {
            assertEquals(s.contains(grouped.sampleId(i)), s.contains(grouped.sampleId(i + 1)), "patient " + patient.get(i) + " split");
        }
        // 20 A pairs -> 10, 10 B pairs -> 5, 3 C pairs -> round(1.5) = 2
        assertEquals(Map.of("A", 20, "B", 10, "C", 4), classCounts(grouped, s));
    }

    @Test
    void aClassLeftWithOneSampleByItsGroupsIsAClearError() {
        // C's two samples each sit in a group whose majority class is A, so a small draw of A groups drops them
        List<String> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            labels.add(i < 20 ? "A" : "B");
            groups.add("G" + (i / 3));
        }
        labels.set(1, "C");
        labels.set(4, "C");
        Dataset d = SyntheticData.annotate(SyntheticData.classes(5, 30, 4, 0, 0, "A").withTargets(
                List.of(Target.nominal("label", labels))), "g", groups);
        UserException e = null;
        for (long seed = 1; seed <= 50 && e == null; seed++) {
            long s = seed;
            try {
                TrainingSubsample.draw(d, d.primaryTarget(), "g", 0.3, s);
            } catch (UserException ex) {
                e = ex;
            }
        }
        assertTrue(e != null, "no seed dropped class C");
        assertTrue(e.getMessage().contains("training fraction 0.3 leaves class 'C' with"), e.getMessage());
        assertTrue(e.getMessage().contains("use a larger fraction"), e.getMessage());
    }

    @Test
    void fractionOutsideTheRangeIsRefused() {
        Dataset d = unbalanced();
        assertThrows(UserException.class, () -> TrainingSubsample.draw(d, d.primaryTarget(), null, 0, 1));
        assertThrows(UserException.class, () -> TrainingSubsample.draw(d, d.primaryTarget(), null, 1.5, 1));
        assertThrows(UserException.class, () -> TrainingSubsample.draw(d, d.primaryTarget(), null, Double.NaN, 1));
    }
}
