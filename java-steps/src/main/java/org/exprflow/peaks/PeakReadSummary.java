package org.exprflow.peaks;

/**
 * What reading one peak file did: records read, kept, dropped by the filters, dropped because their
 * contig is not in the chromosome-sizes file, and how many records lie on primary contigs (by name,
 * whether or not the sizes file lists them).
 */
public record PeakReadSummary(long records, long kept, long filteredOut, long unknownContigDropped, long onPrimaryContigs) {
}
