package org.exprflow.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.IdVersions;
import org.exprflow.core.UserException;
import org.exprflow.io.Fields;

/**
 * A predictions or measurements table reduced to (id, value) rows, plus what detection decided about
 * the file (delimiter, header, column names), which the JSON output records so a user can check it.
 * Without a forced choice, the first row is a header when its value cell is not a number: a data
 * row always has a number (or an NA spelling) there.
 */
record IdValueTable(Path path, Delimiter delimiter, boolean header, String idColumn, String valueColumn,
        List<IdValue> rows) {

    static IdValueTable read(Path path, ColumnRef idRef, ColumnRef valueRef, Boolean forcedHeader, String forcedBy,
            IdVersions versions) {
        DelimitedTable table = DelimitedTable.read(path);
        List<String> first = table.row(0);
        boolean header = HeaderRule.decide(table, forcedHeader, forcedBy, List.of(idRef, valueRef), () -> {
            int v = valueRef.resolve(table, null);
            return Fields.parseNumber(first.get(v)) == null;
        });
        List<String> names = header ? first : null;
        int idIndex = idRef.resolve(table, names);
        int valueIndex = valueRef.resolve(table, names);
        if (idIndex == valueIndex) {
            throw UserException.badParameter(idRef.option() + " and " + valueRef.option() + " both select column "
                    + (idIndex + 1) + " of " + path);
        }
        List<IdValue> rows = new ArrayList<>(table.rowCount());
        for (int r = header ? 1 : 0; r < table.rowCount(); r++) {
            List<String> cells = table.row(r);
            long line = table.lineNumber(r);
            String written = cells.get(idIndex);
            if (written.isEmpty()) {
                throw UserException.badLine(path, line, "empty id in column " + (idIndex + 1));
            }
            Double value = Fields.parseNumber(cells.get(valueIndex));
            if (value == null) {
                throw UserException.badLine(path, line, "value '" + cells.get(valueIndex) + "' of id " + written
                        + " in column " + (valueIndex + 1) + " is not a number");
            }
            rows.add(new IdValue(versions.strip(written), written, value, line));
        }
        return new IdValueTable(path, table.delimiter(), header, columnName(names, idIndex),
                columnName(names, valueIndex), rows);
    }

    private static String columnName(List<String> header, int index) {
        return header != null ? header.get(index) : "column " + (index + 1);
    }
}
