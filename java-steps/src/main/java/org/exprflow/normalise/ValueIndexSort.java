package org.exprflow.normalise;

/**
 * Sorts the first {@code length} elements of a {@code double[]} ascending, optionally applying the
 * same permutation to a parallel {@code int[]} (the values' original positions, needed for ranks).
 *
 * <p>Why not Arrays.sort: quantile normalisation sorts every sample twice (once to learn the target,
 * once to rank), and on a 54,675 x 200 matrix comparison sorts dominated its run time; an index sort
 * with boxed Integer and a comparator would be slower still. This is an LSD radix sort on the
 * doubles' bit patterns, mapped to unsigned longs whose order is the numeric order, in six passes of
 * 11 bits; passes whose digit is the same for every value (e.g. the sign and most exponent bits of
 * intensities) are skipped. It is stable and O(n), and works on preallocated primitive buffers: no
 * boxing, no allocation per call.
 *
 * <p>-0.0 is sorted as 0.0 (they are equal numbers, and ranks must treat them as a tie). Values
 * must not be NaN: callers drop NAs first. Instances are not thread-safe (they own the buffers).
 */
final class ValueIndexSort {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private long[] keys;
    private long[] keysScratch;
    private int[] indexScratch;
    private final int[][] counts = new int[PASSES][RADIX];

    ValueIndexSort(int capacity) {
        keys = new long[capacity];
        keysScratch = new long[capacity];
        indexScratch = new int[capacity];
    }

    /** Sorts values[0..length) ascending. */
    void sort(double[] values, int length) {
        sort(values, null, length);
    }

    /** Sorts values[0..length) ascending and permutes index[0..length) alongside (index may be null). */
    void sort(double[] values, int[] index, int length) {
        if (length < 2) {
            if (length == 1 && values[0] == 0.0) {
                values[0] = 0.0;
            }
            return;
        }
        ensureCapacity(length);
        for (int[] c : counts) {
            java.util.Arrays.fill(c, 0);
        }
        long[] k = keys;
        for (int i = 0; i < length; i++) {
            long key = sortableBits(values[i]);
            k[i] = key;
            for (int p = 0; p < PASSES; p++) {
                counts[p][(int) (key >>> (p * BITS)) & MASK]++;
            }
        }
        long[] src = k;
        long[] dst = keysScratch;
        int[] srcIdx = index;
        int[] dstIdx = indexScratch;
        for (int p = 0; p < PASSES; p++) {
            int[] c = counts[p];
            int shift = p * BITS;
            if (c[(int) (src[0] >>> shift) & MASK] == length) {
                continue; // every value has the same digit here: this pass would not move anything
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int n = c[d];
                c[d] = sum;
                sum += n;
            }
            if (srcIdx != null) {
                for (int i = 0; i < length; i++) {
                    long key = src[i];
                    int pos = c[(int) (key >>> shift) & MASK]++;
                    dst[pos] = key;
                    dstIdx[pos] = srcIdx[i];
                }
                int[] ti = srcIdx;
                srcIdx = dstIdx;
                dstIdx = ti;
            } else {
                for (int i = 0; i < length; i++) {
                    long key = src[i];
                    dst[c[(int) (key >>> shift) & MASK]++] = key;
                }
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        for (int i = 0; i < length; i++) {
            values[i] = fromSortableBits(src[i]);
        }
        if (index != null && srcIdx != index) {
            System.arraycopy(srcIdx, 0, index, 0, length);
        }
        // Keep whichever key array is not in use as scratch for the next call.
        keys = src;
        keysScratch = dst;
    }

    /**
     * IEEE-754 bits mapped so that unsigned comparison of the result is numeric order: positive
     * numbers get the sign bit set, negative numbers have all bits flipped.
     */
    static long sortableBits(double x) {
        long bits = Double.doubleToRawLongBits(x + 0.0); // x + 0.0 turns -0.0 into 0.0
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    static double fromSortableBits(long key) {
        long bits = key ^ ((~key >> 63) | Long.MIN_VALUE);
        return Double.longBitsToDouble(bits);
    }

    private void ensureCapacity(int length) {
        if (keys.length < length) {
            keys = new long[length];
            keysScratch = new long[length];
            indexScratch = new int[length];
        }
    }
}
