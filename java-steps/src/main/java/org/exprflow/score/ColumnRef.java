package org.exprflow.score;

import java.util.List;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;

/**
 * A column chosen on the command line, by 1-based index ("2") or by header name ("TPM"). A value made
 * only of digits is an index; anything else is a name and therefore requires a header line.
 */
record ColumnRef(String option, String spec) {

    static ColumnRef parse(String option, String spec) {
        String s = spec.trim();
        if (s.isEmpty()) {
            throw UserException.badParameter(option + " is empty: give a column name or a 1-based index");
        }
        ColumnRef ref = new ColumnRef(option, s);
        if (!ref.byName() && ref.index() < 1) {
            throw UserException.badParameter(option + " " + s + ": column indices start at 1");
        }
        return ref;
    }

    boolean byName() {
        return !spec.chars().allMatch(Character::isDigit);
    }

    /** The 1-based index of a column chosen by index (saturating, so "99999999999" is just too large). */
    private int index() {
        return spec.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(spec);
    }

    /**
     * The 0-based position of the column in the table; {@code header} is the header row's cells, or
     * null when the table has none. A column the file does not have is a bad parameter (exit 2): the
     * file is well formed, the option does not fit it.
     */
    int resolve(DelimitedTable table, List<String> header) {
        if (!byName()) {
            int index = index();
            if (index > table.columns()) {
                throw new UserException(ExitCode.USAGE, table.path() + ": " + option + " " + spec + " but the file has "
                        + table.columns() + " " + table.delimiter().label + "-separated columns");
            }
            return index - 1;
        }
        if (header == null) {
            throw new IllegalStateException("a column chosen by name needs a header");
        }
        int found = header.indexOf(spec);
        if (found < 0) {
            throw new UserException(ExitCode.USAGE, table.path() + ":" + table.lineNumber(0) + ": " + option + " '" + spec
                    + "' is not a column of the header (" + String.join(", ", header) + ")");
        }
        if (header.lastIndexOf(spec) != found) {
            throw UserException.badLine(table.path(), table.lineNumber(0), "the header names column '" + spec
                    + "' twice (columns " + (found + 1) + " and " + (header.lastIndexOf(spec) + 1) + ")");
        }
        return found;
    }
}
