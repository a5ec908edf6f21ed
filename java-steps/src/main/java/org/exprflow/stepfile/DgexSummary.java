package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.io.Canonical;

/**
 * The D-GEX results table (Chen et al. 2016, Table 1): per evaluation set and learner, the mean
 * over target genes of the per-target MAE (z-score units) ± its SD across targets, and the relative
 * improvement over linear regression, (MAE_LR − MAE_model) / MAE_LR, computed on those means. Also
 * the mean Pearson r and RMSE across targets, and how many targets the learner predicts with lower
 * MAE than the baseline (where the two disagree is often more telling than the mean). For a learner
 * that tunes λ per target (ridge:auto), the median λ it chose and how many targets it left at the
 * training mean (format 2; format 1 had neither).
 *
 * <p>The table is computed over all targets (group "all") and again over each group of targets
 * when target groups (landmark's TargetGroups) are given, since a learner can win on one kind of gene and lose on
 * another while the overall mean hides both. Targets with no evaluable sample (MAE NA) are left out
 * of that learner's means and counted in {@code targets} only when evaluable. Rows are sorted by
 * set, then group ("all" first), then learner. The computation is landmark's DgexSummaries; this
 * class is the table and its step file (kind {@code dgex-summary}).
 */
public final class DgexSummary {
    /** The group of every target; the other groups come from target groups (landmark's TargetGroups). */
    public static final String ALL = "all";
    public static final String KIND = "dgex-summary";
    public static final String HEADER = "set\tgroup\tlearner\tbaseline\ttargets\tmae_mean\tmae_sd\trmse_mean\tpearson_mean"
            + "\trelative_improvement\ttargets_better_than_baseline\tlambda_median\ttargets_at_mean";

    /**
     * @param lambdaMedian  for a learner that tunes λ per target (ridge:auto), the median of the
     *                      finite λ it chose; NaN otherwise
     * @param targetsAtMean for that learner, how many targets it left at the training mean (λ = ∞);
     *                      NaN otherwise
     */
    public record Line(String set, String group, String learner, int targets, double maeMean, double maeSd, double rmseMean,
                       double pearsonMean, double relativeImprovement, int betterThanBaseline, double lambdaMedian,
                       double targetsAtMean) {
        /** A line of a learner that tunes nothing. */
        public Line(String set, String group, String learner, int targets, double maeMean, double maeSd, double rmseMean,
                    double pearsonMean, double relativeImprovement, int betterThanBaseline) {
            this(set, group, learner, targets, maeMean, maeSd, rmseMean, pearsonMean, relativeImprovement, betterThanBaseline,
                    Double.NaN, Double.NaN);
        }
    }

    private final String baseline;
    private final List<Line> lines;

    /** @param baseline the learner the improvements are relative to; lines in table order */
    public DgexSummary(String baseline, List<Line> lines) {
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

    /** A line as stored: the baseline is repeated on every row of the file. */
    private record Stored(String baseline, Line line) {
    }

    private static final StepTable<Stored> CODEC = StepTable.of(KIND, 2, List.of(HEADER.split("\t")),
            (s, c) -> {
                Line l = s.line();
                c.text(l.set).text(l.group).text(l.learner).text(s.baseline()).integer(l.targets).number(l.maeMean)
                        .number(l.maeSd).number(l.rmseMean).number(l.pearsonMean).number(l.relativeImprovement)
                        .integer(l.betterThanBaseline).number(l.lambdaMedian).number(l.targetsAtMean);
            },
            DgexSummary::decode);

    private static Stored decode(StepTable.Line line) {
        return new Stored(line.text(3), new Line(line.text(0), line.text(1), line.text(2), line.integer(4), line.number(5),
                line.number(6), line.number(7), line.number(8), line.number(9), line.integer(10), line.number(11), line.number(12)));
    }

    public void write(Path path) throws IOException {
        CODEC.write(path, lines.stream().map(l -> new Stored(baseline, l)).toList());
    }

    /** Reads a table written by {@link #write} (the report renders it); every row must name the same baseline. */
    public static DgexSummary read(Path path) {
        String[] baseline = {null};
        StepTable.Contents<Stored> contents = CODEC.read(path, line -> {
            String b = line.text(3);
            if (baseline[0] != null && !baseline[0].equals(b)) {
                throw line.error("baseline '" + b + "' differs from the earlier rows' '" + baseline[0] + "'");
            }
            baseline[0] = b;
            return decode(line);
        });
        return new DgexSummary(baseline[0], contents.rows().stream().map(Stored::line).toList());
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
                    sb.append(String.format("%-28s %.4f ± %.4f   %s%s%n", l.learner, l.maeMean, l.maeSd,
                            Double.isNaN(l.relativeImprovement) ? "NA" : String.format("%+.2f%%", 100 * l.relativeImprovement),
                            Double.isNaN(l.targetsAtMean) ? "" : "   λ median " + Canonical.number(l.lambdaMedian)
                                    + ", training mean kept for " + (long) l.targetsAtMean + " of " + l.targets + " targets"));
                }
            }
        }
        return sb.toString();
    }
}
