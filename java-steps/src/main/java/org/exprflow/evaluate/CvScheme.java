package org.exprflow.evaluate;

import java.util.Arrays;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.normalise.ComBat;

/**
 * How the CV folds were made, as the pipeline tells evaluate (the splits table does not record it),
 * so that the report can state it, and the model's transforms, so that it can say whether ComBat's
 * own-batch fallback ran.
 *
 * @param kind        stratified, grouped or leave_one_batch_out
 * @param groupColumn the column folds were grouped by (grouped, leave_one_batch_out), else null
 * @param transforms  the model's --transforms, or null when not given
 */
record CvScheme(String kind, String groupColumn, String transforms) {
    static final List<String> KINDS = List.of("stratified", "grouped", "leave_one_batch_out");

    static CvScheme of(String kind, String groupColumn, String transforms) {
        if (kind == null) {
            return null;
        }
        if (!KINDS.contains(kind)) {
            throw UserException.badParameter("--cv-scheme must be one of " + KINDS + ", got '" + kind + "'");
        }
        if (kind.equals("grouped") && groupColumn == null) {
            throw UserException.badParameter("--cv-scheme grouped needs --cv-group-column");
        }
        return new CvScheme(kind, kind.equals("stratified") ? null
                : kind.equals("leave_one_batch_out") && groupColumn == null ? "batch" : groupColumn, transforms);
    }

    boolean usesComBat() {
        return transforms != null && Arrays.stream(transforms.split(",")).anyMatch(ComBat::isComBat);
    }
}
