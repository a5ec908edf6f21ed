package org.exprflow.qc;

/**
 * One rated check of the QC report. {@code value} is compared with the {@code warn} and
 * {@code fail} thresholds; for "at most" checks a value above a threshold trips it, for "at least"
 * checks (class size) a value below it does.
 */
record QcCheck(String name, Status status, double value, double warn, double fail, String message) {

    enum Status {
        PASS, WARN, FAIL;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Rates a value that should stay at or below the thresholds. */
    static Status atMost(double value, double warn, double fail) {
        if (value > fail) {
            return Status.FAIL;
        }
        return value > warn ? Status.WARN : Status.PASS;
    }

    /** Rates a value that should stay at or above the thresholds. */
    static Status atLeast(double value, double warn, double fail) {
        if (value < fail) {
            return Status.FAIL;
        }
        return value < warn ? Status.WARN : Status.PASS;
    }
}
