package org.exprflow.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Assigns training samples to cross-validation folds, stratified by class and optionally grouped
 * (all samples of one group, e.g. one patient, land in the same fold so that no patient sits on
 * both sides of a split).
 *
 * <p>Independent of row order: units (samples, or groups) are first sorted by id, then shuffled
 * with a Random seeded from (seed, repeat). Within each class the shuffled units are dealt to the
 * fold that currently holds the fewest samples (lowest fold number on ties), which balances fold
 * sizes and class proportions at once.
 */
public final class FoldAssigner {
    private FoldAssigner() {
    }

    /** A unit of assignment: one sample, or one group of samples that must stay together. */
    public record Unit(String id, String stratum, List<String> samples) {
    }

    /**
     * Returns, for one repeat, sample id → fold (1-based).
     *
     * @param units  samples or groups; stratum is the class label (a group's most frequent label)
     */
    public static Map<String, Integer> assign(List<Unit> units, int folds, long seed, int repeat) {
        Map<String, List<Unit>> byStratum = new TreeMap<>();
        for (Unit u : units) {
            byStratum.computeIfAbsent(u.stratum(), k -> new ArrayList<>()).add(u);
        }
        Random rng = new Random(seed * 1_000_003L + repeat);
        int[] size = new int[folds];
        Map<String, Integer> foldOf = new TreeMap<>();
        for (List<Unit> stratum : byStratum.values()) {
            stratum.sort((a, b) -> a.id().compareTo(b.id()));
            java.util.Collections.shuffle(stratum, rng);
            // Larger groups first keeps grouped folds balanced; stable for single-sample units.
            List<Unit> ordered = new ArrayList<>(stratum);
            ordered.sort((a, b) -> Integer.compare(b.samples().size(), a.samples().size()));
            for (Unit u : ordered) {
                int best = 0;
                for (int f = 1; f < folds; f++) {
                    if (size[f] < size[best]) {
                        best = f;
                    }
                }
                size[best] += u.samples().size();
                for (String s : u.samples()) {
                    foldOf.put(s, best + 1);
                }
            }
        }
        return foldOf;
    }
}
