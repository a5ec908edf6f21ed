package org.exprflow.landmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * The D-GEX results table (Chen et al. 2016, Table 1): per evaluation set and learner, the mean
 * over target genes of the per-target MAE (z-score units) ± its SD across targets, and the relative
 * improvement over linear regression, (MAE_LR − MAE_model) / MAE_LR, computed on those means. Also
 * the mean Pearson r and RMSE across targets, and how many targets the learner predicts with lower
 * MAE than the baseline (where the two disagree is often more telling than the mean).
 *
 * <p>The table is computed over all targets (group "all") and again over each group of targets
 * when {@link TargetGroups} are given, since a learner can win on one kind of gene and lose on
 * another while the overall mean hides both. Targets with no evaluable sample (MAE NA) are left out
 * of that learner's means and counted in {@code targets} only when evaluable. Rows are sorted by
 * set, then group ("all" first), then learner.
 */
public final class DgexSummary {
    /** The group of every target; the other groups come from {@link TargetGroups}. */
    public static final String ALL = "all";
    public static final String HEADER = "set\tgroup\tlearner\tbaseline\ttargets\tmae_mean\tmae_sd\trmse_mean\tpearson_mean"
            + "\trelative_improvement\ttargets_better_than_baseline";

    public record Line(String set, String group, String learner, int targets, double maeMean, double maeSd, double rmseMean,
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

    /** The line of one set and learner over all targets, or null. */
    public Line line(String set, String learner) {
        return line(set, ALL, learner);
    }

    /** The line of one set, group and learner, or null. */
    public Line line(String set, String group, String learner) {
        return lines.stream().filter(l -> l.set.equals(set) && l.group.equals(group) && l.learner.equals(learner))
                .findFirst().orElse(null);
    }

    /** The groups of the table, "all" first. */
    public List<String> groups() {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> {
            if (!out.contains(l.group)) {
                out.add(l.group);
            }
        });
        return out;
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
            out.add(new Line(set, group, learner, targets, maeMean, sd(learnerRows, maeMean), mean(learnerRows, TargetMetricsTable.Row::rmse),
                    mean(learnerRows, TargetMetricsTable.Row::pearson), (baseMean - maeMean) / baseMean, better));
        });
        return out;
    }

    public void write(Path path) throws IOException {
        AtomicOutput.writeText(path, w -> {
            w.write(HEADER + "\n");
            for (Line l : lines) {
                w.write(l.set + "\t" + l.group + "\t" + l.learner + "\t" + baseline + "\t" + l.targets + "\t" + Canonical.number(l.maeMean) + "\t"
                        + Canonical.number(l.maeSd) + "\t" + Canonical.number(l.rmseMean) + "\t" + Canonical.number(l.pearsonMean)
                        + "\t" + Canonical.number(l.relativeImprovement) + "\t" + l.betterThanBaseline + "\n");
            }
        });
    }

    /** Reads a table written by {@link #write} (the report renders it). */
    public static DgexSummary read(Path path) {
        List<Line> out = new ArrayList<>();
        String baseline = null;
        try (TextInput in = TextInput.open(path)) {
            String header = in.readLine();
            if (header == null || !header.equals(HEADER)) {
                throw UserException.badLine(path, 1, "not a landmark summary table (expected header: " + HEADER.replace('\t', ' ') + ")");
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> f = Fields.split(line, '\t');
                if (f.size() != 11) {
                    throw in.error("expected 11 fields, found " + f.size());
                }
                if (baseline != null && !baseline.equals(f.get(3))) {
                    throw in.error("baseline '" + f.get(3) + "' differs from the earlier rows' '" + baseline + "'");
                }
                baseline = f.get(3);
                double[] v = new double[5];
                for (int i = 0; i < 5; i++) {
                    Double d = Fields.parseNumber(f.get(5 + i));
                    if (d == null) {
                        throw in.error("column " + (6 + i) + " must be a number or NA, got '" + f.get(5 + i) + "'");
                    }
                    v[i] = d;
                }
                int targets;
                int better;
                try {
                    targets = Integer.parseInt(f.get(4));
                    better = Integer.parseInt(f.get(10));
                } catch (NumberFormatException e) {
                    throw in.error("targets and targets_better_than_baseline must be integers");
                }
                out.add(new Line(f.get(0), f.get(1), f.get(2), targets, v[0], v[1], v[2], v[3], v[4], better));
            }
        }
        return new DgexSummary(baseline, out);
    }

    /** The learner the improvements are relative to. */
    public String baseline() {
        return baseline;
    }

    /** The table as D-GEX prints it, for the log and the docs: "learner  MAE ± SD  improvement", per group. */
    public String render(String set) {
        StringBuilder sb = new StringBuilder();
        for (String group : groups()) {
            sb.append(String.format("%-28s %-18s %s%n", "learner (" + set + ", " + group + ")", "MAE ± SD", "vs " + baseline));
            for (Line l : lines) {
                if (l.set.equals(set) && l.group.equals(group)) {
                    sb.append(String.format("%-28s %.4f ± %.4f   %s%n", l.learner, l.maeMean, l.maeSd,
                            Double.isNaN(l.relativeImprovement) ? "NA" : String.format("%+.2f%%", 100 * l.relativeImprovement)));
                }
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
