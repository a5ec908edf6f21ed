package org.exprflow.data;

import java.util.Locale;

/**
 * What a dataset's values measure, recorded at import so that later steps treat them correctly:
 * the per-value stage of {@code normalise} (floor, ceiling, log2) leaves counts alone, QC describes
 * counts by library size and detected genes, and count normalisations (TMM, VST) expect counts.
 */
public enum ValueKind {
    /** Intensities or already-normalised expression values (microarrays, log values, any matrix). */
    EXPRESSION,
    /**
     * Read or fragment counts per feature (featureCounts, STAR, salmon/kallisto/RSEM estimated
     * counts, nf-core gene_counts). Non-negative; estimated counts may be fractional.
     */
    COUNTS,
    /** Length-normalised abundance on a linear scale (TPM), e.g. nf-core gene_tpm or salmon TPM. */
    ABUNDANCE;

    /** The lower-case name used in logs and on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
