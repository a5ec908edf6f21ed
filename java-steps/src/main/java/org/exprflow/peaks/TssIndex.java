package org.exprflow.peaks;

import java.util.Arrays;

/** Sorted TSS positions per contig, for "is this interval within D bases of a TSS" queries. */
final class TssIndex {
    private final int[][] positions;

    TssIndex(GeneAnnotation annotation, int contigCount) {
        int[] counts = new int[contigCount];
        for (Gene g : annotation.genes()) {
            counts[g.contig()]++;
        }
        positions = new int[contigCount][];
        for (int c = 0; c < contigCount; c++) {
            positions[c] = new int[counts[c]];
        }
        int[] fill = new int[contigCount];
        for (Gene g : annotation.genes()) {
            positions[g.contig()][fill[g.contig()]++] = g.tss();
        }
        for (int[] p : positions) {
            Arrays.sort(p);
        }
    }

    /** True when some TSS base lies within {@code distance} bases of [start, end). */
    boolean near(int contig, int start, int end, int distance) {
        int[] p = positions[contig];
        int i = Arrays.binarySearch(p, start - distance);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && p[i - 1] == p[i]) {
                i--;
            }
        }
        return i < p.length && (long) p[i] <= (long) Math.max(end - 1, start) + distance;
    }
}
