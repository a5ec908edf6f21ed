package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ValueIndexSortTest {

    @Test
    void sortsLikeArraysSortAndKeepsEachValueWithItsPosition() {
        Random r = new Random(11);
        ValueIndexSort sorter = new ValueIndexSort(16);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + r.nextInt(3000);
            double[] original = new double[n];
            for (int i = 0; i < n; i++) {
                // Negatives, zeros of both signs, huge and tiny magnitudes, and many ties.
                original[i] = switch (r.nextInt(6)) {
                    case 0 -> -r.nextInt(20);
                    case 1 -> r.nextBoolean() ? 0.0 : -0.0;
                    case 2 -> r.nextGaussian() * 1e300;
                    case 3 -> r.nextGaussian() * 1e-300;
                    default -> Math.rint(r.nextGaussian() * 50) / 4;
                };
            }
            double[] values = original.clone();
            int[] index = new int[n];
            for (int i = 0; i < n; i++) {
                index[i] = i;
            }
            sorter.sort(values, index, n);

            double[] expected = original.clone();
            Arrays.sort(expected);
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], values[i], 0.0, "trial " + trial + ", position " + i);
                assertEquals(original[index[i]], values[i], 0.0, "index of position " + i);
            }
            int[] seen = index.clone();
            Arrays.sort(seen);
            for (int i = 0; i < n; i++) {
                assertEquals(i, seen[i], "index is a permutation");
            }
        }
    }

    @Test
    void sortsAPrefixWithoutIndexAndLeavesTheRestAlone() {
        double[] values = {3, -1, 2, 0.5, 99, -7};
        new ValueIndexSort(2).sort(values, 4);
        assertArrayEquals(new double[] {-1, 0.5, 2, 3, 99, -7}, values, 0.0);
    }

    @Test
    void bitMappingPreservesOrderAndRoundTrips() {
        double[] ascending = {Double.NEGATIVE_INFINITY, -1e300, -2, -1, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1,
            2, 1e300, Double.POSITIVE_INFINITY};
        for (int i = 0; i < ascending.length; i++) {
            long k = ValueIndexSort.sortableBits(ascending[i]);
            assertEquals(ascending[i], ValueIndexSort.fromSortableBits(k), 0.0);
            if (i > 0) {
                assertEquals(-1, Long.compareUnsigned(ValueIndexSort.sortableBits(ascending[i - 1]), k), "order at " + i);
            }
        }
        assertEquals(ValueIndexSort.sortableBits(0.0), ValueIndexSort.sortableBits(-0.0), "-0.0 ties with 0.0");
    }
}
