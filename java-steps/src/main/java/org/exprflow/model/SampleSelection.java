package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;

/** Picks the rows of a dataset named by a split plan, keeping dataset order. */
final class SampleSelection {
    private SampleSelection() {
    }

    static Dataset select(Dataset data, Set<String> ids, boolean include, String what) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.sampleCount(); i++) {
            if (ids.contains(data.sampleId(i)) == include) {
                rows.add(i);
            }
        }
        if (include && rows.size() != ids.size()) {
            List<String> absent = ids.stream().filter(id -> data.sampleIndex(id) < 0).limit(3).toList();
            throw UserException.unsuitable("the splits file names samples that are not in '" + data.name() + "' (e.g. "
                    + String.join(", ", absent) + "); was it made from another dataset?");
        }
        if (rows.isEmpty()) {
            throw UserException.unsuitable("no " + what + " samples selected from '" + data.name() + "'");
        }
        return data.subsetSamples(rows.stream().mapToInt(Integer::intValue).toArray());
    }
}
