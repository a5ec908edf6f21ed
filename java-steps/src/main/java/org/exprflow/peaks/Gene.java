package org.exprflow.peaks;

/**
 * One annotated gene: version-stripped id, contig index in the chromosome-sizes file, body
 * [start, end) 0-based half-open, strand '+' or '-' ('.' counts as '+'), and its TSS: the first
 * base of the body on its strand.
 */
public record Gene(String id, int contig, int start, int end, char strand) {
    public int tss() {
        return strand == '-' ? end - 1 : start;
    }

    public boolean minusStrand() {
        return strand == '-';
    }
}
