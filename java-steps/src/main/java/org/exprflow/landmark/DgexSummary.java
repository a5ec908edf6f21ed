package org.exprflow.landmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

/**
 * The D-GEX results table (Chen et al. 2016, Table 1): per evaluation set and learner, the mean
 * over target genes of the per-target MAE (z-score units) ± its SD across targets, and the relative
 * improvement over linear regression, (MAE_LR − MAE_model) / MAE_LR, computed on those means. Also
 * the mean Pearson r and RMSE across targets, and how many targets the learner predicts with lower
 * MAE than the baseline (where the two disagree is often more telling than the mean).
 *
 * <p>Targets with no evaluable sample (MAE NA) are left out of that learner's means and counted in
 * {@code targets} only when evaluable. Rows are sorted by set, then learner.
 */
public final class DgexSummary {
    public static final String HEADER = "set\tlearner\ttargets\tmae_mean\tmae_sd\trmse_mean\tpearson_mean"
            + "\trelative_improvement\ttargets_better_than_baseline";

    public record Line(String set, String learner, int targets, double maeMean, double maeSd, double rmseMean,
                       double pearsonMean, double relativeImprovement, int betterThanBaseline) {
    }

    private final String baseline;
    private final List<Line> lines;

    private DgexSummary(String baseline, List<Line> lines) {
        this.baseline = baseline;
        this.lines = List.copyOf(lines);
    }

    public List<Line> lines() {
        return lines;
    }

    /** The line of one set and learner, or null. */
    public Line line(String set, String learner) {
        return lines.stream().filter(l -> l.set.equals(set) && l.learner.equals(learner)).findFirst().orElse(null);
    }

    /**
     * @param baseline the learner the relative improvement is measured against (D-GEX: linear
     *                 regression); NA when it is absent from the table
     */
    public static DgexSummary of(TargetMetricsTable table, String baseline) {
        Map<String, Map<String, List<TargetMetricsTable.Row>>> bySetLearner = new TreeMap<>();
        Map<String, Double> baselineMae = new HashMap<>();
        for (TargetMetricsTable.Row r : table.rows()) {
            bySetLearner.computeIfAbsent(r.set(), k -> new TreeMap<>()).computeIfAbsent(r.learner(), k -> new ArrayList<>()).add(r);
            if (r.learner().equals(baseline)) {
                baselineMae.put(r.set() + "\t" + r.target(), r.mae());
            }
        }
        List<Line> out = new ArrayList<>();
        bySetLearner.forEach((set, learners) -> {
            List<TargetMetricsTable.Row> base = learners.get(baseline);
            double baseMean = base == null ? Double.NaN : mean(base, TargetMetricsTable.Row::mae);
            learners.forEach((learner, rows) -> {
                double maeMean = mean(rows, TargetMetricsTable.Row::mae);
                int better = 0;
                for (TargetMetricsTable.Row r : rows) {
                    Double b = baselineMae.get(set + "\t" + r.target());
                    if (b != null && r.mae() < b) {
                        better++;
                    }
                }
                int targets = (int) rows.stream().filter(r -> !Double.isNaN(r.mae())).count();
                out.add(new Line(set, learner, targets, maeMean, sd(rows, maeMean), mean(rows, TargetMetricsTable.Row::rmse),
                        mean(rows, TargetMetricsTable.Row::pearson), (baseMean - maeMean) / baseMean, better));
            });
        });
        return new DgexSummary(baseline, out);
    }

    public void write(Path path) throws IOException {
        AtomicOutput.writeText(path, w -> {
            w.write(HEADER + "\n");
            for (Line l : lines) {
                w.write(l.set + "\t" + l.learner + "\t" + l.targets + "\t" + Canonical.number(l.maeMean) + "\t"
                        + Canonical.number(l.maeSd) + "\t" + Canonical.number(l.rmseMean) + "\t" + Canonical.number(l.pearsonMean)
                        + "\t" + Canonical.number(l.relativeImprovement) + "\t" + l.betterThanBaseline + "\n");
            }
        });
    }

    /** The table as D-GEX prints it, for the log and the docs: "learner  MAE ± SD  improvement". */
    public String render(String set) {
        StringBuilder sb = new StringBuilder(String.format("%-28s %-18s %s%n", "learner (" + set + ")", "MAE ± SD", "vs " + baseline));
        for (Line l : lines) {
            if (l.set.equals(set)) {
                sb.append(String.format("%-28s %.4f ± %.4f   %s%n", l.learner, l.maeMean, l.maeSd,
                        Double.isNaN(l.relativeImprovement) ? "NA" : String.format("%+.2f%%", 100 * l.relativeImprovement)));
            }
        }
        return sb.toString();
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
