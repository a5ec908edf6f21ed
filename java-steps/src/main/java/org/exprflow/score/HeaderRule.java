package org.exprflow.score;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.exprflow.core.UserException;

/**
 * Whether the first row of a table is a header: required when a column is chosen by name, otherwise
 * as forced on the command line, otherwise as guessed by the caller's rule for that kind of table.
 */
final class HeaderRule {
    private HeaderRule() {
    }

    /**
     * @param forced      true/false from --header/--no-header (or the table's own option), null for auto
     * @param forcedBy    the option that set {@code forced}, for the error message
     * @param guess       the automatic rule, consulted only when nothing else decides
     */
    static boolean decide(DelimitedTable table, Boolean forced, String forcedBy, List<ColumnRef> columns,
            BooleanSupplier guess) {
        boolean header;
        ColumnRef named = columns.stream().filter(ColumnRef::byName).findFirst().orElse(null);
        if (named != null) {
            if (Boolean.FALSE.equals(forced)) {
                throw UserException.badParameter(named.option() + " '" + named.spec() + "' names a column, but "
                        + forcedBy + " says " + table.path() + " has no header");
            }
            header = true;
        } else if (forced != null) {
            header = forced;
        } else {
            header = guess.getAsBoolean();
        }
        if (header && table.rowCount() < 2) {
            throw UserException.badLine(table.path(), table.lineNumber(0), "the file has a header line but no data rows");
        }
        return header;
    }
}
