package org.exprflow.score;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.data.IdVersions;
import org.exprflow.core.UserException;

/**
 * Translation of prediction ids into measurement ids (Ensembl transcript to gene, symbol to Ensembl
 * gene, ...), read from a two-or-more-column table. Many-to-one is expected (several transcripts of
 * a gene); one-to-many is an error naming both lines, since choosing one target silently would
 * decide which measurement a prediction is scored against. Repeating the same pair is harmless
 * (BioMart exports often do) and accepted.
 * <p>
 * Without a forced choice, the first row is taken as a header when its "from" id is not a prediction
 * id and its "to" id is not a measurement id: such a row could not take part in the join anyway, so
 * the guess can only be wrong harmlessly.
 */
record IdMap(Path path, Delimiter delimiter, boolean header, Map<String, String> targets) {

    static IdMap read(Path path, ColumnRef fromRef, ColumnRef toRef, Boolean forcedHeader, String forcedBy,
            IdVersions versions, Set<String> predictionIds, Set<String> measurementIds) {
        DelimitedTable table = DelimitedTable.read(path);
        List<String> first = table.row(0);
        boolean header = HeaderRule.decide(table, forcedHeader, forcedBy, List.of(fromRef, toRef), () -> {
            String from = versions.strip(first.get(fromRef.resolve(table, null)));
            String to = versions.strip(first.get(toRef.resolve(table, null)));
            return !predictionIds.contains(from) && !measurementIds.contains(to);
        });
        List<String> names = header ? first : null;
        int fromIndex = fromRef.resolve(table, names);
        int toIndex = toRef.resolve(table, names);
        if (fromIndex == toIndex) {
            throw UserException.badParameter(fromRef.option() + " and " + toRef.option() + " both select column "
                    + (fromIndex + 1) + " of " + path);
        }
        Map<String, String> targets = new HashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        for (int r = header ? 1 : 0; r < table.rowCount(); r++) {
            List<String> cells = table.row(r);
            long line = table.lineNumber(r);
            String from = versions.strip(cells.get(fromIndex));
            String to = versions.strip(cells.get(toIndex));
            if (from.isEmpty() || to.isEmpty()) {
                // BioMart leaves the cell empty when an id has no counterpart: nothing to map
                continue;
            }
            String previous = targets.putIfAbsent(from, to);
            if (previous == null) {
                lineOf.put(from, line);
            } else if (!previous.equals(to)) {
                throw UserException.badLine(path, line, "id " + from + " maps to " + to + " here but to " + previous
                        + " on line " + lineOf.get(from) + "; the map must give one target per id");
            }
        }
        return new IdMap(path, table.delimiter(), header, targets);
    }

    /** The measurement id for a prediction id, or null when the map does not list it. */
    String target(String predictionId) {
        return targets.get(predictionId);
    }
}
