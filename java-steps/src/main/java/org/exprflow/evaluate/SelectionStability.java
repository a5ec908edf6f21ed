package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.exprflow.stepfile.ModelChoice;

/**
 * What model selection did in each outer fold, read from the model choice tables that train writes
 * beside each fold model: the configuration chosen
 * by the inner loop and the genes selected, and how stable the gene selection is across folds: how
 * often each gene was selected, and the mean Jaccard index over all pairs of folds (1 = every fold
 * selected the same genes).
 */
public record SelectionStability(List<FoldChoice> folds, double meanPairwiseJaccard, Map<String, Integer> timesSelected) {

    public record FoldChoice(int repeat, int fold, String learner, String topK, int features) {
    }

    public static SelectionStability of(List<ModelChoice> folds) {
        List<FoldChoice> choices = new ArrayList<>();
        List<Set<String>> sets = new ArrayList<>();
        Map<String, Integer> times = new TreeMap<>();
        for (ModelChoice f : folds) {
            choices.add(new FoldChoice(f.repeat() == null ? 0 : f.repeat(), f.fold() == null ? 0 : f.fold(), f.learner(),
                    f.topK(), f.features().size()));
            Set<String> s = new HashSet<>(f.features());
            sets.add(s);
            s.forEach(g -> times.merge(g, 1, Integer::sum));
        }
        choices.sort(Comparator.comparingInt(FoldChoice::repeat).thenComparingInt(FoldChoice::fold));
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < sets.size(); a++) {
            for (int b = a + 1; b < sets.size(); b++) {
                Set<String> inter = new HashSet<>(sets.get(a));
                inter.retainAll(sets.get(b));
                Set<String> union = new HashSet<>(sets.get(a));
                union.addAll(sets.get(b));
                sum += union.isEmpty() ? 1 : inter.size() / (double) union.size();
                pairs++;
            }
        }
        return new SelectionStability(choices, pairs == 0 ? Double.NaN : sum / pairs, times);
    }

    /** Genes ordered by how many folds selected them (most first), then by id. */
    public List<Map.Entry<String, Integer>> genesBySelectionCount() {
        List<Map.Entry<String, Integer>> out = new ArrayList<>(timesSelected.entrySet());
        out.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }
}
