package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The primitive-key ranking and the heap's top k order features exactly as the comparator they replaced. */
@Tag("unit")
class FeatureRankingTest {

    /** The former ranking: a stable sort of boxed indices, NaN last, larger first, ties by index. */
    private static int[] comparatorOrder(double[] score) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            double x = score[a];
            double y = score[b];
            boolean nx = Double.isNaN(x);
            boolean ny = Double.isNaN(y);
            if (nx != ny) {
                return nx ? 1 : -1;
            }
            int c = nx ? 0 : Double.compare(y, x);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void sameOrderAsTheComparatorWithTiesNaNsInfinitiesAndSignedZeros() {
        Random random = new Random(7);
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.5, 1.5, 1e-300};
        for (int trial = 0; trial < 200; trial++) {
            int p = 1 + random.nextInt(trial < 100 ? 20 : 3000);
            double[] score = new double[p];
            for (int j = 0; j < p; j++) {
                int kind = random.nextInt(4);
                score[j] = kind == 0 ? specials[random.nextInt(specials.length)]
                        : kind == 1 ? random.nextInt(5) // many ties
                        : random.nextDouble() * 100;
            }
            int[] order = comparatorOrder(score);
            assertArrayEquals(order, FeatureRanking.order(score), "trial " + trial);
            // the heap's top k is the order's first k, in feature order
            for (int k : new int[] {1, 2, p / 3, p - 1}) {
                if (k >= 1 && k < p) {
                    int[] first = Arrays.copyOf(order, k);
                    Arrays.sort(first);
                    assertArrayEquals(first, FeatureRanking.top(score, k), "trial " + trial + ", k " + k);
                }
            }
        }
        assertArrayEquals(new int[0], FeatureRanking.order(new double[0]));
    }

    @Test
    void anovaFOfManyFeaturesEqualsEachFeatureAloneToTheBit() {
        Random random = new Random(11);
        int samples = 23;
        int features = 40;
        int[] classOf = new int[samples];
        double[][] rows = new double[samples][features];
        for (int i = 0; i < samples; i++) {
            classOf[i] = i % 3;
            for (int j = 0; j < features; j++) {
                rows[i][j] = random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * (j + 1) + classOf[i] * (j % 4);
            }
        }
        double[] all = FeatureRanking.anovaF(rows, classOf, 3);
        for (int j = 0; j < features; j++) {
            double[][] column = new double[samples][1];
            for (int i = 0; i < samples; i++) {
                column[i][0] = rows[i][j];
            }
            assertArrayEquals(new double[] {all[j]}, FeatureRanking.anovaF(column, classOf, 3), 0.0, "feature " + j);
        }
    }
}
