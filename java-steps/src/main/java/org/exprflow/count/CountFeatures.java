package org.exprflow.count;

import java.util.List;

import htsjdk.samtools.util.Locatable;

/**
 * What reads are counted in: genomic bins, BED regions or genes (unions of exons). Coordinates are
 * htsjdk's: 1-based, closed. A feature may be made of several intervals (a gene's exons); an
 * alignment overlapping two intervals of one feature counts once for it.
 */
interface CountFeatures {
    /** Number of features, i.e. rows of the count table. */
    int size();

    /** The feature's row name in the count table. */
    String id(int feature);

    /** Whether the ids are genomic loci (chrom:start-end, 0-based half-open) rather than gene ids. */
    boolean idsAreLoci();

    /**
     * The genomic intervals to query in each alignment file (overlapping intervals may repeat; the
     * caller merges them), in no particular order.
     */
    List<Locatable> queryIntervals();

    /**
     * Adds to {@code out} every feature overlapping [start, end] (1-based, closed) on the contig by
     * at least one base. A feature may be added more than once; the caller deduplicates.
     */
    void overlapping(String contig, int start, int end, FeatureHits out);
}
