package org.exprflow.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.UserException;

/**
 * The values of one side of the join, one per join id, after applying the {@link DuplicatePolicy}.
 * Sorted by id, so everything derived from it (pairs, metrics, plot) is independent of row order.
 */
record KeyedValues(TreeMap<String, Double> values, int duplicatedIds) {

    /** A row with the id it joins on (its own id, or its mapped measurement id). */
    record Keyed(String key, IdValue row) {
    }

    static KeyedValues resolve(Path file, List<Keyed> rows, DuplicatePolicy policy) {
        Map<String, List<IdValue>> groups = new LinkedHashMap<>();
        for (Keyed k : rows) {
            List<IdValue> group = groups.computeIfAbsent(k.key(), x -> new ArrayList<>(1));
            if (!group.isEmpty() && policy == DuplicatePolicy.ERROR) {
                throw UserException.badLine(file, k.row().line(), describe(k, group.get(0))
                        + "; give --duplicates mean or --duplicates first to combine duplicates");
            }
            group.add(k.row());
        }
        TreeMap<String, Double> values = new TreeMap<>();
        int duplicated = 0;
        for (Map.Entry<String, List<IdValue>> e : groups.entrySet()) {
            List<IdValue> group = e.getValue();
            if (group.size() > 1) {
                duplicated++;
            }
            values.put(e.getKey(), policy == DuplicatePolicy.MEAN ? mean(group) : group.get(0).value());
        }
        return new KeyedValues(values, duplicated);
    }

    private static String describe(Keyed k, IdValue first) {
        IdValue row = k.row();
        if (row.writtenId().equals(first.writtenId())) {
            return "duplicate id " + row.writtenId() + " (first on line " + first.line() + ")";
        }
        if (row.id().equals(first.id())) {
            return "id " + row.writtenId() + " and id " + first.writtenId() + " on line " + first.line()
                    + " are both " + row.id() + " after removing version suffixes";
        }
        return "id " + row.writtenId() + " and id " + first.writtenId() + " on line " + first.line()
                + " both map to " + k.key() + " through the id map";
    }

    private static double mean(List<IdValue> group) {
        double sum = 0;
        int n = 0;
        for (IdValue v : group) {
            if (!Double.isNaN(v.value())) {
                sum += v.value();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
