package org.exprflow.score;

import java.util.Locale;

/**
 * The axis labels of a predicted-versus-measured plot: "measured TPM" and "predicted log2 TPM",
 * never "predicted predicted_log2_tpm": a column whose name already says its role is shown as it is.
 */
public final class ScoreAxisLabel {
    /** What {@code --transform log2p1} does to the measured values, added to their label. */
    static final String LOG2P1_SUFFIX = ", log2(x + 1)";

    private ScoreAxisLabel() {
    }

    /** "measured COLUMN", the transform named when the measured values were transformed. */
    public static String measured(String column, boolean log2p1) {
        return withRole("measured", column) + (log2p1 ? LOG2P1_SUFFIX : "");
    }

    /** "predicted COLUMN", or the column alone when its name already holds "predicted" (or "prediction"). */
    public static String predicted(String column) {
        return withRole("predict", column, "predicted");
    }

    private static String withRole(String role, String column) {
        return withRole(role, column, role);
    }

    /** The column's name when it already contains {@code stem} as a word start, else {@code role} and the name. */
    private static String withRole(String stem, String column, String role) {
        String lower = column.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(stem);
        boolean starts = at == 0 || (at > 0 && !Character.isLetter(lower.charAt(at - 1)));
        return at >= 0 && starts ? column : role + " " + column;
    }
}
