package org.exprflow.score;

import org.exprflow.core.UserException;

/**
 * What to do when several rows of one table end up with the same join id (written twice, equal after
 * version stripping, or mapped to the same measurement id). The default is an error, because either
 * choice changes the scores and should be the user's.
 */
enum DuplicatePolicy {
    ERROR("error"),
    /** The mean of the rows' non-missing values (NA when all are missing). */
    MEAN("mean"),
    /** The value of the row that comes first in the file. */
    FIRST("first");

    final String label;

    DuplicatePolicy(String label) {
        this.label = label;
    }

    static DuplicatePolicy parse(String s) {
        for (DuplicatePolicy p : values()) {
            if (p.label.equals(s)) {
                return p;
            }
        }
        throw UserException.badParameter("--duplicates '" + s + "': expected error, mean or first");
    }
}
