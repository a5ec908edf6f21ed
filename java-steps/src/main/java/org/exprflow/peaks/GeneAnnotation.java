package org.exprflow.peaks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The genes of an annotation, sorted by (contig, TSS, id), and how many records were dropped for
 * lying on contigs the chromosome-sizes file does not list.
 */
public record GeneAnnotation(List<Gene> genes, long unknownContigDropped) {
    public GeneAnnotation {
        List<Gene> sorted = new ArrayList<>(genes);
        sorted.sort(Comparator.comparingInt(Gene::contig).thenComparingInt(Gene::tss).thenComparing(Gene::id));
        genes = List.copyOf(sorted);
    }

    /** Genes whose TSS lies in [start, end) of the contig, in TSS order. */
    public List<Gene> withTssIn(int contig, int start, int end) {
        List<Gene> out = new ArrayList<>();
        for (Gene g : genes) {
            if (g.contig() == contig && g.tss() >= start && g.tss() < end) {
                out.add(g);
            }
        }
        return out;
    }
}
