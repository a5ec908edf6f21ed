package org.exprflow.landmark;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.exprflow.core.UserException;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;
import org.exprflow.stepfile.DgexSummary;

/**
 * Which group each target gene belongs to, for a summary per group beside the overall one: gene
 * families, expression programs, or on simulated data the kind of dependence (the simulator's
 * truth.tsv has a {@code kind} column, linear or nonlinear). The file is tab-separated with a header;
 * the first column is the target id, the group is the named column (default: the second).
 */
public final class TargetGroups {
    private final Map<String, String> groupOf;

    private TargetGroups(Map<String, String> groupOf) {
        this.groupOf = Collections.unmodifiableMap(groupOf);
    }

    /** No grouping: every target is in "all" only. */
    public static TargetGroups none() {
        return new TargetGroups(new LinkedHashMap<>());
    }

    /** The given target-to-group assignments. */
    public static TargetGroups of(Map<String, String> groupOf) {
        return new TargetGroups(new LinkedHashMap<>(groupOf));
    }

    /** @param column the header name of the group column, or null for the second column */
    public static TargetGroups read(Path file, String column) {
        Map<String, String> out = new LinkedHashMap<>();
        try (TextInput in = TextInput.open(file)) {
            String header = in.readLine();
            if (header == null) {
                throw UserException.badFile(file, "target groups file is empty (expected a header: target<TAB>group...)");
            }
            List<String> names = Fields.split(header, '\t');
            int col = column == null ? 1 : names.indexOf(column);
            if (col < 0) {
                throw UserException.badLine(file, 1, "no column '" + column + "' in the header (columns: " + String.join(", ", names) + ")");
            }
            if (col == 0 || col >= names.size()) {
                throw UserException.badLine(file, 1, "need a target id column and a group column, found " + names.size() + " column(s)");
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = Fields.split(line, '\t');
                if (f.size() != names.size()) {
                    throw in.error("expected " + names.size() + " fields as in the header, found " + f.size());
                }
                String target = f.get(0).strip();
                String group = f.get(col).strip();
                if (target.isEmpty() || group.isEmpty()) {
                    throw in.error("empty target id or group");
                }
                if (group.equals(DgexSummary.ALL)) {
                    throw in.error("'" + DgexSummary.ALL + "' names the summary over every target; call the group something else");
                }
                String before = out.put(target, group);
                if (before != null) {
                    throw in.error("target '" + target + "' is listed twice");
                }
            }
        }
        return new TargetGroups(out);
    }

    /** The target's group, or null when the file does not list it (it then counts in "all" only). */
    public String groupOf(String target) {
        return groupOf.get(target);
    }

    /** The groups in sorted order. */
    public List<String> groups() {
        return List.copyOf(new TreeSet<>(groupOf.values()));
    }

    /** Target to group, in file order (the group column of the gathered per-target table). */
    public Map<String, String> asMap() {
        return groupOf;
    }

    public boolean isEmpty() {
        return groupOf.isEmpty();
    }
}
