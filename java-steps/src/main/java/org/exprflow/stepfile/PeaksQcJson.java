package org.exprflow.stepfile;

/**
 * The keys of the peaks QC JSON ({@link StepJson#PEAKS_QC}), written by {@code exprflow peaks-qc} and
 * read by the report: {@code {"peaks": [{"name", metric: number, ...}], "rna": [{"name", ...}]}}, one
 * entry per input file in command-line order, with flat numeric metrics (peaks, unknown_contig,
 * score_q25, tpm_median, ...) that the report looks up by name.
 */
public final class PeaksQcJson {
    public static final String PEAKS = "peaks";
    public static final String RNA = "rna";
    public static final String NAME = "name";

    private PeaksQcJson() {
    }
}
