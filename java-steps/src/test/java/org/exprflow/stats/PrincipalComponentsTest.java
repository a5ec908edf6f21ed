package org.exprflow.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PCA on cases solved by hand: scores, shares of variance, the sign rule, the features left out. */
@Tag("unit")
class PrincipalComponentsTest {
    /** Four samples on two axes: PC1 is x (scores +-2, 8 of 10 units of variance), PC2 is y (+-1). */
    private static final double[][] CROSS = {{2, 0}, {-2, 0}, {0, 1}, {0, -1}};

    @Test
    void scoresAndVarianceOfAHandSolvedCase() {
        PrincipalComponents pca = PrincipalComponents.of(shifted(CROSS, 5), 2);
        assertEquals(2, pca.features());
        assertArrayEquals(new double[] {0.8, 0.2}, pca.varianceFraction(), 1e-12);
        double[] pc1 = column(pca.scores(), 0);
        double[] pc2 = column(pca.scores(), 1);
        assertArrayEquals(new double[] {2, -2, 0, 0}, pc1, 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, -1}, pc2, 1e-12);
    }

    @Test
    void largestLoadingIsPositiveSoTheSignFollowsTheData() {
        // negating feature x negates PC1's scores (its loading stays positive), and nothing else
        double[][] flipped = new double[CROSS.length][];
        for (int s = 0; s < CROSS.length; s++) {
            flipped[s] = new double[] {-CROSS[s][0], CROSS[s][1]};
        }
        PrincipalComponents pca = PrincipalComponents.of(flipped, 2);
        assertArrayEquals(new double[] {-2, 2, 0, 0}, column(pca.scores(), 0), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, -1}, column(pca.scores(), 1), 1e-12);
    }

    @Test
    void featuresWithNaOrNoVarianceAreLeftOut() {
        double[][] wider = new double[CROSS.length][];
        for (int s = 0; s < CROSS.length; s++) {
            wider[s] = new double[] {7, CROSS[s][0], s == 2 ? Double.NaN : s, CROSS[s][1]};
        }
        PrincipalComponents pca = PrincipalComponents.of(wider, 2);
        assertEquals(2, pca.features());
        assertArrayEquals(new double[] {2, -2, 0, 0}, column(pca.scores(), 0), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.2}, pca.varianceFraction(), 1e-12);
    }

    @Test
    void atMostSamplesMinusOneComponents() {
        PrincipalComponents pca = PrincipalComponents.of(new double[][] {{1, 2, 3}, {2, 2, 5}}, 2);
        assertEquals(1, pca.varianceFraction().length);
        assertEquals(1.0, pca.varianceFraction()[0], 1e-12);
        assertEquals(0, PrincipalComponents.of(new double[][] {{1, 2}, {1, 2}}, 2).varianceFraction().length);
    }

    @Test
    void sameInputSameBits() {
        java.util.Random rng = new java.util.Random(3);
        double[][] x = new double[30][200];
        for (double[] row : x) {
            for (int f = 0; f < row.length; f++) {
                row[f] = 8 + rng.nextGaussian();
            }
        }
        PrincipalComponents a = PrincipalComponents.of(x, 2);
        PrincipalComponents b = PrincipalComponents.of(x, 2);
        for (int s = 0; s < x.length; s++) {
            assertArrayEquals(a.scores()[s], b.scores()[s], 0);
        }
        assertArrayEquals(a.varianceFraction(), b.varianceFraction(), 0);
    }

    private static double[][] shifted(double[][] x, double by) {
        double[][] out = new double[x.length][];
        for (int s = 0; s < x.length; s++) {
            out[s] = new double[] {x[s][0] + by, x[s][1] - by};
        }
        return out;
    }

    private static double[] column(double[][] x, int j) {
        double[] out = new double[x.length];
        for (int s = 0; s < x.length; s++) {
            out[s] = x[s][j];
        }
        return out;
    }
}
