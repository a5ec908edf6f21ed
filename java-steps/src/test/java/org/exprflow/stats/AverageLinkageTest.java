package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Average-linkage leaf order: neighbours end up side by side, and ties and branch order are decided by input order. */
@Tag("unit")
class AverageLinkageTest {
    @Test
    void nearItemsAreAdjacentAndTheBranchWithTheEarlierItemComesFirst() {
        // 1-D points given in the order D=10, C=4, A=0, B=1: (A,B) merge at 1, then C at (4+3)/2 = 3.5, then D.
        double[] x = {10, 4, 0, 1};
        // {A,B} holds item 2, C is item 1: C's branch first, then A, B; D (item 0) before all of them.
        assertArrayEquals(new int[] {0, 1, 2, 3}, AverageLinkage.order(distances(x)));
        // two tight pairs far apart: each pair adjacent, pairs in the order of their first item
        assertArrayEquals(new int[] {0, 2, 1, 3}, AverageLinkage.order(distances(new double[] {0, 10, 0.5, 10.5})));
    }

    @Test
    void averageNotSingleLinkage() {
        // A=0, B=1, C=2.6, D=4.3 given as A, D, B, C. After (A,B): single linkage would join C to AB (1.6 < 1.7),
        // average linkage joins C to D (1.7 < (2.6 + 1.6) / 2 = 2.1), so the order is A, B, then C and D
        // with D first (item 1 before item 3).
        assertArrayEquals(new int[] {0, 2, 1, 3}, AverageLinkage.order(distances(new double[] {0, 4.3, 1, 2.6})));
    }

    @Test
    void tiesFollowInputOrderAndUnknownDistancesComeLast() {
        // all distances equal: the items stay in input order
        assertArrayEquals(new int[] {0, 1, 2, 3}, AverageLinkage.order(distances(new double[] {0, 0, 0, 0})));
        double[][] d = distances(new double[] {0, 5, 0.1});
        d[0][1] = Double.NaN;
        d[1][0] = Double.NaN;
        assertArrayEquals(new int[] {0, 2, 1}, AverageLinkage.order(d));
        assertArrayEquals(new int[] {}, AverageLinkage.order(new double[0][0]));
        assertArrayEquals(new int[] {0}, AverageLinkage.order(new double[1][1]));
    }

    private static double[][] distances(double[] x) {
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                d[i][j] = Math.abs(x[i] - x[j]);
            }
        }
        return d;
    }
}
