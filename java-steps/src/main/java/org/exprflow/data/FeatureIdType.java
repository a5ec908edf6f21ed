package org.exprflow.data;

/**
 * What a feature id names. Kept with the matrix so that later stages (landmark matching, model
 * prediction on new data) can match features by the right kind of id.
 */
public enum FeatureIdType {
    /** A microarray probe or probe set, e.g. 1007_s_at. */
    PROBE,
    /** An HGNC gene symbol, e.g. TP53. */
    SYMBOL,
    /** An Ensembl gene id without version, e.g. ENSG00000141510. */
    ENSEMBL,
    /** An Entrez gene id. */
    ENTREZ,
    /** A genomic interval chrom:start-end (0-based, half-open), e.g. a peak bin. */
    LOCUS,
    /** Anything else (ARFF attribute names, user ids). */
    OTHER;

    /** Guesses the id type from a sample of ids; used only for display and matching defaults. */
    public static FeatureIdType guess(Iterable<String> ids) {
        int n = 0;
        int probe = 0;
        int ens = 0;
        int locus = 0;
        int entrez = 0;
        for (String id : ids) {
            if (n++ >= 200) {
                break;
            }
            if (id.startsWith("ENSG") || id.startsWith("ENSMUSG")) {
                ens++;
            } else if (id.matches("[A-Za-z0-9_]+:\\d+-\\d+")) {
                locus++;
            } else if (id.matches("\\d+")) {
                entrez++;
            } else if (id.matches(".*_(s_|x_|f_|i_|g_|r_)?at") || id.matches("[A-Z]{1,2}\\d{4,}(_\\w+)?_at")) {
                probe++;
            }
        }
        if (n == 0) {
            return OTHER;
        }
        int half = Math.min(n, 200) / 2;
        if (ens > half) {
            return ENSEMBL;
        }
        if (locus > half) {
            return LOCUS;
        }
        if (probe > half) {
            return PROBE;
        }
        if (entrez > half) {
            return ENTREZ;
        }
        return OTHER;
    }
}
