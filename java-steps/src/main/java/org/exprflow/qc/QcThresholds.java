package org.exprflow.qc;

import org.exprflow.core.UserException;
import org.exprflow.io.Canonical;

/**
 * The thresholds of the QC checks and of the outlier and near-constant rules, validated once.
 * Defaults (documented in 'exprflow qc --help') are in {@link QcCommand}.
 */
record QcThresholds(double maxMissingWarn, double maxMissingFail,
                    int maxOutliersWarn, int maxOutliersFail,
                    int minClassSizeWarn, int minClassSizeFail,
                    double maxFlatFeaturesWarn, double maxFlatFeaturesFail,
                    double outlierMadK, double outlierMinDrop,
                    double nearConstantSd, double nearConstantShare) {

    QcThresholds {
        fraction("--max-missing-warn", maxMissingWarn);
        fraction("--max-missing-fail", maxMissingFail);
        fraction("--max-flat-features-warn", maxFlatFeaturesWarn);
        fraction("--max-flat-features-fail", maxFlatFeaturesFail);
        ordered("--max-missing-warn", maxMissingWarn, "--max-missing-fail", maxMissingFail);
        ordered("--max-flat-features-warn", maxFlatFeaturesWarn, "--max-flat-features-fail", maxFlatFeaturesFail);
        nonNegative("--max-outliers-warn", maxOutliersWarn);
        nonNegative("--max-outliers-fail", maxOutliersFail);
        ordered("--max-outliers-warn", maxOutliersWarn, "--max-outliers-fail", maxOutliersFail);
        nonNegative("--min-class-size-warn", minClassSizeWarn);
        nonNegative("--min-class-size-fail", minClassSizeFail);
        // For a minimum, the fail threshold is the lower one.
        ordered("--min-class-size-fail", minClassSizeFail, "--min-class-size-warn", minClassSizeWarn);
        positive("--outlier-mad-k", outlierMadK);
        nonNegative("--outlier-min-drop", outlierMinDrop);
        nonNegative("--near-constant-sd", nearConstantSd);
        fraction("--near-constant-share", nearConstantShare);
    }

    private static void fraction(String option, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw UserException.badParameter(option + " must be between 0 and 1, got " + Canonical.number(v));
        }
    }

    private static void nonNegative(String option, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw UserException.badParameter(option + " must be a finite number >= 0, got " + Canonical.number(v));
        }
    }

    private static void positive(String option, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw UserException.badParameter(option + " must be a finite number > 0, got " + Canonical.number(v));
        }
    }

    private static void ordered(String lowOption, double low, String highOption, double high) {
        if (low > high) {
            throw UserException.badParameter(lowOption + " (" + Canonical.number(low) + ") must not exceed " + highOption
                    + " (" + Canonical.number(high) + ")");
        }
    }
}
