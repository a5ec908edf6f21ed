package org.exprflow.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative hierarchical clustering with average linkage (UPGMA, R's {@code hclust(method =
 * "average")}), used only for its leaf order: the order in which a heatmap draws the items.
 *
 * <p>Deterministic: at each step the two clusters with the smallest average distance merge; on a tie,
 * the pair met first when scanning clusters in creation order (items first, in the order given, which
 * callers sort by id). The merged cluster lists the leaves of the cluster holding the earlier item
 * (by the given order) first. So the order depends only on the distances and the items' order, never
 * on hashing or threads. (R's {@code hclust} orders the two branches by another rule, so the leaf
 * orders differ; the clusters do not.)
 */
public final class AverageLinkage {
    private AverageLinkage() {
    }

    /** The leaf order of the items whose symmetric distances are given (NaN is treated as the largest distance). */
    public static int[] order(double[][] distance) {
        int n = distance.length;
        List<List<Integer>> leaves = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            leaves.add(new ArrayList<>(List.of(i)));
            first.add(i);
            for (int j = 0; j < n; j++) {
                double x = distance[i][j];
                d[i][j] = Double.isNaN(x) ? Double.MAX_VALUE : x;
            }
        }
        boolean[] alive = new boolean[n];
        java.util.Arrays.fill(alive, true);
        for (int step = 1; step < n; step++) {
            int bestA = -1;
            int bestB = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < n; a++) {
                if (!alive[a]) {
                    continue;
                }
                for (int b = a + 1; b < n; b++) {
                    if (alive[b] && d[a][b] < best) {
                        best = d[a][b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) { // only infinite distances left: merge the first two alive clusters
                for (int a = 0; a < n && bestB < 0; a++) {
                    if (alive[a]) {
                        if (bestA < 0) {
                            bestA = a;
                        } else {
                            bestB = a;
                        }
                    }
                }
            }
            int sizeA = leaves.get(bestA).size();
            int sizeB = leaves.get(bestB).size();
            // Lance-Williams update for average linkage: the size-weighted mean of the two distances.
            for (int c = 0; c < n; c++) {
                if (alive[c] && c != bestA && c != bestB) {
                    double merged = (sizeA * d[bestA][c] + sizeB * d[bestB][c]) / (sizeA + sizeB);
                    d[bestA][c] = merged;
                    d[c][bestA] = merged;
                }
            }
            List<Integer> joined = new ArrayList<>();
            boolean aFirst = first.get(bestA) < first.get(bestB);
            joined.addAll(leaves.get(aFirst ? bestA : bestB));
            joined.addAll(leaves.get(aFirst ? bestB : bestA));
            leaves.set(bestA, joined);
            first.set(bestA, Math.min(first.get(bestA), first.get(bestB)));
            alive[bestB] = false;
        }
        int[] out = new int[n];
        for (int a = 0; a < n; a++) {
            if (alive[a]) {
                for (int i = 0; i < n; i++) {
                    out[i] = leaves.get(a).get(i);
                }
            }
        }
        return out;
    }
}
