package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.UserException;
import org.exprflow.stepfile.GeneTable;
import org.exprflow.stepfile.ModelChoice;

/**
 * The genes table from the outer folds' model choice tables (train writes, per selected feature,
 * its rank and class means on the fold's training samples; see {@link ModelChoice}): per feature
 * any fold selected, how many folds selected it, its mean rank and class means over those folds, and
 * the direction of change derived from the averaged class means (see {@link GeneTable}). Nothing here
 * sees a held-out sample: every number comes from a fold's training samples.
 */
public final class GeneSummary {
    private GeneSummary() {
    }

    /** The classes of the fold tables (every fold must have the same), or null when a table has no statistics. */
    public static List<String> classes(List<ModelChoice> folds) {
        List<String> classes = null;
        for (ModelChoice f : folds) {
            if (!f.hasStats()) {
                return null;
            }
            if (classes == null) {
                classes = f.classes();
            } else if (!classes.equals(f.classes())) {
                throw UserException.unsuitable("fold choice tables disagree on the classes: " + classes + " and "
                        + f.classes() + " (repeat " + f.repeat() + ", fold " + f.fold() + ")");
            }
        }
        return classes;
    }

    /**
     * The rows, sorted by folds (descending), mean rank, then id.
     *
     * @param symbols feature id to gene symbol (absent: none)
     */
    public static List<GeneTable.Row> of(List<ModelChoice> folds, Map<String, String> symbols) {
        List<String> classes = classes(folds);
        if (classes == null) {
            throw new IllegalArgumentException("fold choice tables without per-feature statistics");
        }
        int k = classes.size();
        Map<String, Accumulator> byFeature = new TreeMap<>();
        for (ModelChoice f : folds) {
            for (int i = 0; i < f.features().size(); i++) {
                ModelChoice.FeatureStats s = f.stats().get(i);
                byFeature.computeIfAbsent(f.features().get(i), id -> new Accumulator(k)).add(s);
            }
        }
        List<GeneTable.Row> rows = new ArrayList<>();
        byFeature.forEach((id, a) -> rows.add(a.row(id, symbols.get(id), classes, folds.size())));
        rows.sort(Comparator.comparingInt(GeneTable.Row::folds).reversed()
                .thenComparingDouble(GeneTable.Row::meanRank).thenComparing(GeneTable.Row::feature));
        return rows;
    }

    private static final class Accumulator {
        int folds;
        double rankSum;
        double importanceSum;
        int importanceCount;
        final double[] meanSum;
        final int[] meanCount;

        Accumulator(int classes) {
            meanSum = new double[classes];
            meanCount = new int[classes];
        }

        void add(ModelChoice.FeatureStats s) {
            folds++;
            rankSum += s.rank();
            if (!Double.isNaN(s.importance())) {
                importanceSum += s.importance();
                importanceCount++;
            }
            for (int c = 0; c < meanSum.length; c++) {
                double m = s.classMeans()[c];
                if (!Double.isNaN(m)) { // a fold without samples of a class, or without values, has no mean
                    meanSum[c] += m;
                    meanCount[c]++;
                }
            }
        }

        GeneTable.Row row(String id, String symbol, List<String> classes, int totalFolds) {
            double[] means = new double[meanSum.length];
            for (int c = 0; c < means.length; c++) {
                means[c] = meanCount[c] == 0 ? Double.NaN : meanSum[c] / meanCount[c];
            }
            String contrast;
            double difference;
            if (means.length == 2) {
                contrast = classes.get(1) + "-" + classes.get(0);
                difference = means[1] - means[0];
            } else {
                int top = 0;
                for (int c = 1; c < means.length; c++) {
                    if (Double.isNaN(means[top]) || means[c] > means[top]) {
                        top = c;
                    }
                }
                double rest = 0;
                int n = 0;
                for (int c = 0; c < means.length; c++) {
                    if (c != top && !Double.isNaN(means[c])) {
                        rest += means[c];
                        n++;
                    }
                }
                contrast = classes.get(top) + "-rest";
                difference = n == 0 ? Double.NaN : means[top] - rest / n;
            }
            return new GeneTable.Row(id, symbol, folds, folds / (double) totalFolds, rankSum / folds, contrast,
                    difference, importanceCount == 0 ? Double.NaN : importanceSum / importanceCount, means);
        }
    }
}
