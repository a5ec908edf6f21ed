package org.exprflow.ingest;

import java.util.Locale;

import org.exprflow.core.UserException;

/**
 * Which count column of STAR's {@code ReadsPerGene.out.tab} to use (STAR's manual: column 2 counts
 * for an unstranded library, column 3 for reads on the gene's strand (htseq-count -s yes), column 4
 * for reads on the opposite strand (-s reverse, e.g. dUTP/TruSeq stranded)), or AUTO to infer it.
 */
public enum StarStrand {
    UNSTRANDED(1),
    FORWARD(2),
    REVERSE(3),
    AUTO(-1);

    /**
     * A library is called stranded when one stranded column holds at least this many times the reads
     * of the other (at least 80% of the stranded counts on one strand, the threshold nf-core/rnaseq
     * uses for its strandedness check); otherwise it is unstranded.
     */
    public static final double STRANDED_RATIO = 4.0;
    /** Below STRANDED_RATIO but above this, the call is unstranded with a warning (undetermined). */
    public static final double AMBIGUOUS_RATIO = 1.5;

    /** 0-based column of the gene row's count (after the gene id column). */
    final int column;

    StarStrand(int column) {
        this.column = column;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StarStrand fromCli(String text) {
        for (StarStrand s : values()) {
            if (s.cliName().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw UserException.badParameter("unknown --star-strand '" + text + "'; expected unstranded, forward, reverse or auto");
    }

    /**
     * The rule for AUTO, on the column sums over genes: forward when sum(col 3) >= 4 x sum(col 4),
     * reverse when sum(col 4) >= 4 x sum(col 3), else unstranded.
     */
    public static StarStrand infer(double forwardSum, double reverseSum) {
        if (forwardSum + reverseSum <= 0) {
            return UNSTRANDED;
        }
        if (forwardSum >= STRANDED_RATIO * reverseSum) {
            return FORWARD;
        }
        if (reverseSum >= STRANDED_RATIO * forwardSum) {
            return REVERSE;
        }
        return UNSTRANDED;
    }

    /** True when the sums are neither clearly stranded nor clearly unstranded. */
    public static boolean ambiguous(double forwardSum, double reverseSum) {
        double hi = Math.max(forwardSum, reverseSum);
        double lo = Math.min(forwardSum, reverseSum);
        return hi < STRANDED_RATIO * lo && hi >= AMBIGUOUS_RATIO * lo && hi > 0;
    }
}
