package org.exprflow.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;

/**
 * The training subset of one outer fold for a point of the learning curve: a seeded,
 * class-stratified draw of a fraction of the fold's training samples (of its groups, with a group
 * column, so that a patient's arrays stay together here as in the folds).
 *
 * <p>Per class (a group's class is its most frequent label, as in {@link FoldUnits}), the units are
 * sorted by id and shuffled with a Random seeded by the seed alone, never by the fraction, so the
 * order is the same for every fraction and the subsets are <b>nested</b>: a draw keeps the first
 * {@code max(2, round(fraction x n))} units of its class (at most n), so the 0.25 subset lies inside
 * the 0.5 subset, which lies inside the 0.75 subset. The floor of two is the least a class needs to
 * be trained on ({@link TrainingLabels}); it keeps every class of the fold in every subset, so at
 * small fractions the small classes are slightly over-represented. The draw does not depend on row
 * order. When grouped units leave a class with a single sample the draw is refused with an error
 * that names the fraction and the class.
 */
public final class TrainingSubsample {
    /** The fewest units of a class that a subset keeps (when the class has that many). */
    static final int MIN_PER_CLASS = 2;

    private TrainingSubsample() {
    }

    /**
     * The sample ids of the subset (sorted).
     *
     * @param training    the outer fold's training samples only
     * @param fraction    in (0, 1]
     * @param groupColumn annotation whose samples are drawn together, or null
     * @param seed        derive it from the outer repeat and fold, never from the fraction
     */
    public static Set<String> draw(Dataset training, Target labels, String groupColumn, double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw UserException.badParameter("the training fraction must be above 0 and at most 1, got " + fraction);
        }
        Map<String, List<FoldAssigner.Unit>> byClass = new TreeMap<>();
        for (FoldAssigner.Unit u : FoldUnits.of(training, labels, groupColumn)) {
            byClass.computeIfAbsent(u.stratum(), k -> new ArrayList<>()).add(u);
        }
        Random rng = new Random(seed);
        Set<String> kept = new TreeSet<>();
        for (List<FoldAssigner.Unit> units : byClass.values()) {
            units.sort((a, b) -> a.id().compareTo(b.id()));
            Collections.shuffle(units, rng);
            int keep = keptUnits(units.size(), fraction);
            for (FoldAssigner.Unit u : units.subList(0, keep)) {
                kept.addAll(u.samples());
            }
        }
        requireTrainableClasses(training, labels, kept, fraction);
        return kept;
    }

    /**
     * The seed of one outer fold's draws: from the step's seed, the repeat and the fold, never the
     * fraction (that keeps the subsets nested), and apart from the seeds of the inner folds.
     */
    public static long seed(long seed, int repeat, int fold) {
        // The XOR with a fixed constant keeps it apart from OuterFold.innerSeed, which has the same sum.
        return (seed * 1_000_003L + repeat * 1_009L + fold) ^ 0x5DEE_CE66_DL;
    }

    /** How many of a class's n units a subset keeps: round(fraction x n), at least 2, at most n. */
    static int keptUnits(int n, double fraction) {
        return Math.min(n, Math.max(MIN_PER_CLASS, (int) Math.round(fraction * n)));
    }

    /** Every class with at least 2 training samples keeps at least 2 (possible only with groups). */
    private static void requireTrainableClasses(Dataset training, Target labels, Set<String> kept, double fraction) {
        if (!labels.isNominal()) {
            return;
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < training.sampleCount(); i++) {
            if (labels.isMissing(i)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(labels.label(i), k -> new int[2]);
            c[0]++;
            if (kept.contains(training.sampleId(i))) {
                c[1]++;
            }
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int all = e.getValue()[0];
            int subset = e.getValue()[1];
            if (all >= MIN_PER_CLASS && subset < MIN_PER_CLASS) {
                throw UserException.unsuitable("training fraction " + fraction + " leaves class '" + e.getKey() + "' with "
                        + subset + " of its " + all + " training samples (its samples sit in groups of other classes); "
                        + "a class needs at least " + MIN_PER_CLASS + ": use a larger fraction");
            }
        }
    }
}
