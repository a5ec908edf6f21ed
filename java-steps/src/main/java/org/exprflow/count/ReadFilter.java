package org.exprflow.count;

import htsjdk.samtools.SAMRecord;

/**
 * Which alignments count. Defaults drop duplicates, secondary and supplementary alignments and
 * QC-failed reads, and keep every MAPQ; each can be switched to match a reference tool's flags.
 */
record ReadFilter(int minMapq, boolean keepDuplicates, boolean keepSecondary, boolean keepSupplementary,
        boolean keepQcFail) {

    /** Read mode: whether this alignment is counted (MAPQ included). */
    boolean passes(SAMRecord r) {
        return !r.getReadUnmappedFlag()
                && (keepDuplicates || !r.getDuplicateReadFlag())
                && (keepSecondary || !r.isSecondaryAlignment())
                && (keepSupplementary || !r.getSupplementaryAlignmentFlag())
                && (keepQcFail || !r.getReadFailsVendorQualityCheckFlag())
                && r.getMappingQuality() >= minMapq;
    }

    /** Fragment mode: the mates of a fragment are its mapped primary alignments. */
    static boolean isFragmentMate(SAMRecord r) {
        return !r.getReadUnmappedFlag() && !r.isSecondaryOrSupplementary();
    }

    /** Fragment mode: whether a mate's flags drop its whole fragment (MAPQ is judged per fragment). */
    boolean dropsFragment(SAMRecord mate) {
        return (!keepDuplicates && mate.getDuplicateReadFlag()) || (!keepQcFail && mate.getReadFailsVendorQualityCheckFlag());
    }
}
