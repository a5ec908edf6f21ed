package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.io.Canonical;

/**
 * Per-target metrics of one chunk (landmark-fit) or of all chunks (landmark-summary), one row per
 * (target, learner, set), always sorted in that order so gathered files do not depend on which
 * chunk finished first. Values are on the z-score scale of the training targets.
 *
 * <pre>
 * target      learner     set   n   mae    rmse   pearson  lambda
 * 219489_s_at linear      test  40  0.61   0.78   0.55     NA
 * 219489_s_at ridge:auto  test  40  0.52   0.66   0.61     316.2278
 * </pre>
 *
 * {@code lambda} is the ridge λ a tuning learner (ridge:auto) chose for the target on the validation
 * samples, {@code mean} when it chose the training mean (λ = ∞), and NA for learners that choose
 * nothing; landmark-summary reports its median per learner (format 2; format 1 had no lambda).
 *
 * The gathered table of a summary with target groups has a last column, {@code group} (empty for a
 * target in no group), so the groups travel with the figures to the report and to the user.
 */
public final class TargetMetricsTable {
    public static final String HEADER = "target\tlearner\tset\tn\tmae\trmse\tpearson\tlambda";
    /** The lambda cell of a target whose tuning chose the training mean (λ = ∞). */
    public static final String LAMBDA_MEAN = "mean";
    /** The kind line's name of these files (landmark-fit's chunks and landmark-summary's gathered table). */
    public static final String KIND = "target-metrics";

    /** @param lambda the λ chosen for this target (∞: the training mean), NaN when the learner chose none */
    public record Row(String target, String learner, String set, int n, double mae, double rmse, double pearson, double lambda) {
        /** A row of a learner that tunes nothing. */
        public Row(String target, String learner, String set, int n, double mae, double rmse, double pearson) {
            this(target, learner, set, n, mae, rmse, pearson, Double.NaN);
        }
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::target).thenComparing(Row::learner)
            .thenComparing(Row::set);

    /** A row as stored: the metrics and, in a grouped table, the target's group ("" for none; null when ungrouped). */
    private record Stored(Row row, String group) {
    }

    private static final String GROUP = "group";

    /** The step-file codec: the eight metric columns, and {@code group} as an optional last column. */
    private static final StepTable<Stored> CODEC = StepTable.<Stored>of(KIND, 2, List.of(HEADER.split("\t")),
            (s, c) -> {
                Row r = s.row();
                c.text(r.target()).text(r.learner()).text(r.set()).integer(r.n()).number(r.mae()).number(r.rmse())
                        .number(r.pearson()).text(Double.isInfinite(r.lambda()) ? LAMBDA_MEAN : Canonical.number(r.lambda()));
                if (s.group() != null) {
                    c.text(s.group());
                }
            },
            TargetMetricsTable::decode)
            .withExtraColumns(GROUP::equals, "only group");

    private final List<Row> rows;
    private final Map<String, String> groupOf;

    public TargetMetricsTable(List<Row> rows) {
        this(rows, Map.of());
    }

    /** @param groupOf each target's group, written as the last column when not empty (landmark's TargetGroups) */
    public TargetMetricsTable(List<Row> rows, Map<String, String> groupOf) {
        this.groupOf = Collections.unmodifiableMap(new LinkedHashMap<>(groupOf));
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                Row r = sorted.get(i);
                throw UserException.unsuitable("target '" + r.target() + "', learner '" + r.learner() + "', set '" + r.set()
                        + "' appears twice (the same chunk given twice?)");
            }
        }
        this.rows = List.copyOf(sorted);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Target to group, as read from or written to the group column; empty without groups. */
    public Map<String, String> groupOf() {
        return groupOf;
    }

    /** The same rows with these groups. */
    public TargetMetricsTable withGroups(Map<String, String> newGroups) {
        return new TargetMetricsTable(rows, newGroups);
    }

    public static TargetMetricsTable merge(List<TargetMetricsTable> parts) {
        List<Row> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.rows));
        return new TargetMetricsTable(all);
    }

    public void write(Path path) throws IOException {
        boolean grouped = !groupOf.isEmpty();
        List<Stored> stored = rows.stream().map(r -> new Stored(r, grouped ? groupOf.getOrDefault(r.target(), "") : null)).toList();
        CODEC.write(path, grouped ? List.of(GROUP) : List.of(), stored);
    }

    public static TargetMetricsTable read(Path path) {
        Set<String> seen = new HashSet<>();
        StepTable.Contents<Stored> contents = CODEC.read(path, line -> {
            Stored s = decode(line);
            Row r = s.row();
            if (!seen.add(r.target() + "\t" + r.learner() + "\t" + r.set())) {
                throw line.error("target '" + r.target() + "', learner '" + r.learner() + "', set '" + r.set() + "' repeats an earlier row");
            }
            return s;
        });
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (Stored s : contents.rows()) {
            if (s.group() != null && !s.group().isEmpty()) {
                groupOf.put(s.row().target(), s.group());
            }
        }
        return new TargetMetricsTable(contents.rows().stream().map(Stored::row).toList(), groupOf);
    }

    private static Stored decode(StepTable.Line line) {
        double lambda = line.text(7).equals(LAMBDA_MEAN) ? Double.POSITIVE_INFINITY : line.number(7);
        Row r = new Row(line.text(0), line.text(1), line.text(2), line.integer(3), line.number(4), line.number(5), line.number(6), lambda);
        return new Stored(r, line.size() > 8 ? line.text(8) : null);
    }
}
