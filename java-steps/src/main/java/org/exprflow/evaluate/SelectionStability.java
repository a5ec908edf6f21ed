package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.exprflow.model.ModelPipeline;

/**
 * What model selection did in each outer fold, read from the fold models: the configuration chosen
 * by the inner loop and the genes selected, and how stable the gene selection is across folds: how
 * often each gene was selected, and the mean Jaccard index over all pairs of folds (1 = every fold
 * selected the same genes).
 */
public record SelectionStability(List<FoldChoice> folds, double meanPairwiseJaccard, Map<String, Integer> timesSelected) {

    public record FoldChoice(int repeat, int fold, String learner, String topK, int features) {
    }

    public static SelectionStability of(List<ModelPipeline> foldModels) {
        List<FoldChoice> choices = new ArrayList<>();
        List<Set<String>> sets = new ArrayList<>();
        Map<String, Integer> times = new TreeMap<>();
        for (ModelPipeline m : foldModels) {
            Map<String, String> meta = m.metadata();
            choices.add(new FoldChoice(Integer.parseInt(meta.getOrDefault("outer_repeat", "0")),
                    Integer.parseInt(meta.getOrDefault("outer_fold", "0")), meta.get("learner"), meta.get("top_k"),
                    m.selectedFeatureIds().size()));
            Set<String> s = new HashSet<>(m.selectedFeatureIds());
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
