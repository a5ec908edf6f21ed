package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;

/** Checks on the sample ids a reader found: the data model requires them unique and non-empty. */
final class SampleIds {
    private SampleIds() {
    }

    /**
     * Fails on an empty or repeated id in a header line. {@code firstColumn} is the 1-based column of
     * {@code ids.get(0)}, so the message points at the columns a user sees in a spreadsheet.
     */
    static void requireUniqueInHeader(List<String> ids, Path file, long line, int firstColumn) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            int column = firstColumn + i;
            if (id.isBlank()) {
                throw UserException.badLine(file, line, "empty sample id in column " + column);
            }
            Integer before = seen.putIfAbsent(id, column);
            if (before != null) {
                throw UserException.badLine(file, line, "duplicate sample id '" + id + "' in columns "
                        + before + " and " + column);
            }
        }
    }
}
