package org.exprflow.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.Canonical;

/**
 * A transform of the measured values onto the scale of the predictions. Models such as Xpresso
 * predict log-scale expression; measurements published as TPM must then be compared as
 * log2(TPM + 1), otherwise RMSE and MAE mix scales and Pearson r is dominated by a few huge genes.
 * Spearman ρ is unchanged by this monotone transform.
 */
enum MeasuredTransform {
    NONE("none"),
    /** log2(x + 1); defined for x >= 0 only, since a negative TPM means the values were not TPM. */
    LOG2P1("log2p1");

    final String label;

    MeasuredTransform(String label) {
        this.label = label;
    }

    static MeasuredTransform parse(String s) {
        for (MeasuredTransform t : values()) {
            if (t.label.equals(s)) {
                return t;
            }
        }
        throw UserException.badParameter("--transform '" + s + "': expected none or log2p1");
    }

    List<IdValue> apply(Path file, List<IdValue> rows) {
        if (this == NONE) {
            return rows;
        }
        List<IdValue> out = new ArrayList<>(rows.size());
        for (IdValue r : rows) {
            double v = r.value();
            if (v < 0) {
                // most likely already log-scaled: transforming again would compare the wrong scales
                throw UserException.badLine(file, r.line(), "--transform log2p1 needs non-negative values, but id "
                        + r.writtenId() + " has " + Canonical.number(v) + " (already on a log scale?)");
            }
            out.add(new IdValue(r.id(), r.writtenId(), Math.log1p(v) / Math.log(2), r.line()));
        }
        return out;
    }
}
