package org.exprflow.landmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * Per-target metrics of one chunk (landmark-fit) or of all chunks (landmark-summary), one row per
 * (target, learner, set), always sorted in that order so gathered files do not depend on which
 * chunk finished first. Values are on the z-score scale of the training targets.
 *
 * <pre>
 * target     learner  set   n   mae    rmse   pearson
 * 219489_s_at linear  test  40  0.61   0.78   0.55
 * </pre>
 *
 * The gathered table of a summary with target groups has a last column, {@code group} (empty for a
 * target in no group), so the groups travel with the figures to the report and to the user.
 */
public final class TargetMetricsTable {
    public static final String HEADER = "target\tlearner\tset\tn\tmae\trmse\tpearson";
    public static final String GROUPED_HEADER = HEADER + "\tgroup";

    public record Row(String target, String learner, String set, int n, double mae, double rmse, double pearson) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::target).thenComparing(Row::learner)
            .thenComparing(Row::set);

    private final List<Row> rows;
    private final TargetGroups groups;

    public TargetMetricsTable(List<Row> rows) {
        this(rows, TargetGroups.none());
    }

    /** @param groups the targets' groups, written as the last column when not empty */
    public TargetMetricsTable(List<Row> rows, TargetGroups groups) {
        this.groups = groups;
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

    public TargetGroups groups() {
        return groups;
    }

    /** The same rows with these groups. */
    public TargetMetricsTable withGroups(TargetGroups newGroups) {
        return new TargetMetricsTable(rows, newGroups);
    }

    public static TargetMetricsTable merge(List<TargetMetricsTable> parts) {
        List<Row> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.rows));
        return new TargetMetricsTable(all);
    }

    public void write(Path path) throws IOException {
        AtomicOutput.writeText(path, w -> {
            boolean grouped = !groups.isEmpty();
            w.write((grouped ? GROUPED_HEADER : HEADER) + "\n");
            for (Row r : rows) {
                String group = grouped ? "\t" + (groups.groupOf(r.target()) == null ? "" : groups.groupOf(r.target())) : "";
                w.write(r.target() + "\t" + r.learner() + "\t" + r.set() + "\t" + r.n() + "\t" + Canonical.number(r.mae()) + "\t"
                        + Canonical.number(r.rmse()) + "\t" + Canonical.number(r.pearson()) + group + "\n");
            }
        });
    }

    public static TargetMetricsTable read(Path path) {
        try (TextInput in = TextInput.open(path)) {
            String header = in.readLine();
            if (header == null || !(header.equals(HEADER) || header.equals(GROUPED_HEADER))) {
                throw UserException.badLine(path, 1, "not a landmark metrics table (expected header: " + HEADER.replace('\t', ' ') + ")");
            }
            int fields = header.equals(HEADER) ? 7 : 8;
            java.util.Map<String, String> groupOf = new java.util.LinkedHashMap<>();
            List<Row> rows = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> f = Fields.split(line, '\t');
                if (f.size() != fields) {
                    throw in.error("expected " + fields + " fields, found " + f.size());
                }
                if (fields == 8 && !f.get(7).isEmpty()) {
                    groupOf.put(f.get(0), f.get(7));
                }
                if (!seen.add(f.get(0) + "\t" + f.get(1) + "\t" + f.get(2))) {
                    throw in.error("target '" + f.get(0) + "', learner '" + f.get(1) + "', set '" + f.get(2) + "' repeats an earlier row");
                }
                Double mae = Fields.parseNumber(f.get(4));
                Double rmse = Fields.parseNumber(f.get(5));
                Double r = Fields.parseNumber(f.get(6));
                if (mae == null || rmse == null || r == null) {
                    throw in.error("mae, rmse and pearson must be numbers or NA");
                }
                int n;
                try {
                    n = Integer.parseInt(f.get(3));
                } catch (NumberFormatException e) {
                    throw in.error("n must be an integer, got '" + f.get(3) + "'");
                }
                rows.add(new Row(f.get(0), f.get(1), f.get(2), n, mae, rmse, r));
            }
            return new TargetMetricsTable(rows, TargetGroups.of(groupOf));
        }
    }
}
