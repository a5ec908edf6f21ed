package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.stepfile.DgexSummary;
import org.exprflow.stepfile.DgexSummary.Line;
import org.exprflow.stepfile.TargetMetricsTable;

/**
 * Computes the D-GEX results table (Chen et al. 2016, Table 1) from the per-target metrics: per
 * evaluation set and learner, the mean over target genes of the per-target MAE ± its SD across
 * targets, the relative improvement over the baseline, (MAE_base − MAE_model) / MAE_base, on those
 * means, the mean Pearson r and RMSE, how many targets beat the baseline's MAE, and for ridge:auto
 * the median λ chosen and how many targets it left at the training mean. The table itself
 * (its rows and file) is {@link DgexSummary} in the step-file package; the computation, which needs
 * the landmark stage's {@link TargetGroups}, stays here.
 */
public final class DgexSummaries {
    private static final String ALL = DgexSummary.ALL;

    private DgexSummaries() {
    }

    /**
     * @param baseline the learner the relative improvement is measured against (D-GEX: linear
     *                 regression); NA when it is absent from the table
     */
    public static DgexSummary of(TargetMetricsTable table, String baseline) {
        return of(table, baseline, TargetGroups.none());
    }

    public static DgexSummary of(TargetMetricsTable table, String baseline, TargetGroups groups) {
        List<Line> out = new ArrayList<>();
        Map<String, List<TargetMetricsTable.Row>> bySet = new TreeMap<>();
        table.rows().forEach(r -> bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r));
        bySet.forEach((set, rows) -> {
            out.addAll(lines(set, ALL, rows, baseline));
            for (String group : groups.groups()) {
                List<TargetMetricsTable.Row> inGroup = rows.stream().filter(r -> group.equals(groups.groupOf(r.target()))).toList();
                if (!inGroup.isEmpty()) {
                    out.addAll(lines(set, group, inGroup, baseline));
                }
            }
        });
        return new DgexSummary(baseline, out);
    }

    /** One line per learner over the given rows of one set. */
    private static List<Line> lines(String set, String group, List<TargetMetricsTable.Row> rows, String baseline) {
        Map<String, List<TargetMetricsTable.Row>> byLearner = new TreeMap<>();
        Map<String, Double> baselineMae = new HashMap<>();
        for (TargetMetricsTable.Row r : rows) {
            byLearner.computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r);
            if (r.learner().equals(baseline)) {
                baselineMae.put(r.target(), r.mae());
            }
        }
        List<TargetMetricsTable.Row> base = byLearner.get(baseline);
        double baseMean = base == null ? Double.NaN : mean(base, TargetMetricsTable.Row::mae);
        List<Line> out = new ArrayList<>();
        byLearner.forEach((learner, learnerRows) -> {
            double maeMean = mean(learnerRows, TargetMetricsTable.Row::mae);
            int better = 0;
            for (TargetMetricsTable.Row r : learnerRows) {
                Double b = baselineMae.get(r.target());
                if (b != null && r.mae() < b) {
                    better++;
                }
            }
            int targets = (int) learnerRows.stream().filter(r -> !Double.isNaN(r.mae())).count();
            double[] lambdas = learnerRows.stream().mapToDouble(TargetMetricsTable.Row::lambda).filter(v -> !Double.isNaN(v)).toArray();
            double[] finite = java.util.Arrays.stream(lambdas).filter(Double::isFinite).sorted().toArray();
            out.add(new Line(set, group, learner, targets, maeMean, sd(learnerRows, maeMean), mean(learnerRows, TargetMetricsTable.Row::rmse),
                    mean(learnerRows, TargetMetricsTable.Row::pearson), (baseMean - maeMean) / baseMean, better,
                    median(finite), lambdas.length == 0 ? Double.NaN : lambdas.length - finite.length));
        });
        return out;
    }


    private static double mean(List<TargetMetricsTable.Row> rows, java.util.function.ToDoubleFunction<TargetMetricsTable.Row> f) {
        double s = 0;
        int n = 0;
        for (TargetMetricsTable.Row r : rows) {
            double v = f.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** The median of sorted values (the mean of the middle two for an even count); NaN when empty. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** SD across targets, n − 1 denominator (as R's sd and D-GEX's "±"). */
    private static double sd(List<TargetMetricsTable.Row> rows, double mean) {
        double s = 0;
        int n = 0;
        for (TargetMetricsTable.Row r : rows) {
            if (!Double.isNaN(r.mae())) {
                s += (r.mae() - mean) * (r.mae() - mean);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }
}
