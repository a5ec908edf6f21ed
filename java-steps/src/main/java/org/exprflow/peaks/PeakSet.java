package org.exprflow.peaks;

import java.util.Arrays;

/**
 * The peaks of one file, in columns (primitive arrays: a million peaks cost about 40 MB, not the
 * hundreds a list of objects would), sorted by contig index and start once {@link Builder#build()}
 * has run. Coordinates are 0-based, half-open. Optional columns hold NaN where the file format has
 * no such column (score of BED3, signalValue/pValue/qValue of BED3-6).
 */
public final class PeakSet {
    private final int size;
    private final int[] contig;
    private final int[] start;
    private final int[] end;
    private final double[] score;
    private final double[] signal;
    private final double[] pValue;
    private final double[] qValue;
    /** narrowPeak column 10: summit offset from start, or -1 when unknown. */
    private final int[] summitOffset;
    /** First index of each contig's peaks, with one extra entry: contigStart[c]..contigStart[c+1]. */
    private final int[] contigStart;
    private final int[] maxLength;
    private final boolean hasScore;
    private final boolean hasSignal;

    private PeakSet(int size, int[] contig, int[] start, int[] end, double[] score, double[] signal, double[] pValue,
                    double[] qValue, int[] summitOffset, int contigCount, boolean hasScore, boolean hasSignal) {
        this.size = size;
        this.contig = contig;
        this.start = start;
        this.end = end;
        this.score = score;
        this.signal = signal;
        this.pValue = pValue;
        this.qValue = qValue;
        this.summitOffset = summitOffset;
        this.hasScore = hasScore;
        this.hasSignal = hasSignal;
        this.contigStart = new int[contigCount + 1];
        this.maxLength = new int[contigCount];
        for (int i = 0; i < size; i++) {
            contigStart[contig[i] + 1]++;
            maxLength[contig[i]] = Math.max(maxLength[contig[i]], end[i] - start[i]);
        }
        for (int c = 0; c < contigCount; c++) {
            contigStart[c + 1] += contigStart[c];
        }
    }

    public int size() {
        return size;
    }

    public int contig(int i) {
        return contig[i];
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    /**
     * Start used for overlap tests. bedtools treats a zero-length interval [p, p) as the insertion
     * [p-1, p+1), so it overlaps both bins that meet at p; we do the same so counts agree with it.
     * (At p = 0 bedtools aborts; we use [0, 1).)
     */
    public int overlapStart(int i) {
        return start[i] == end[i] ? Math.max(0, start[i] - 1) : start[i];
    }

    /** End used for overlap tests; see {@link #overlapStart(int)}. */
    public int overlapEnd(int i) {
        return start[i] == end[i] ? end[i] + 1 : end[i];
    }

    public double score(int i) {
        return score[i];
    }

    public double signal(int i) {
        return signal[i];
    }

    public double pValue(int i) {
        return pValue[i];
    }

    public double qValue(int i) {
        return qValue[i];
    }

    /** The summit (narrowPeak column 10) when known, else the midpoint. */
    public int summit(int i) {
        return summitOffset[i] >= 0 ? start[i] + summitOffset[i] : start[i] + (end[i] - start[i]) / 2;
    }

    /** True when at least one peak has a score column (BED5 and wider). */
    public boolean hasScore() {
        return hasScore;
    }

    /** True when the file has a signalValue column (narrowPeak, broadPeak). */
    public boolean hasSignal() {
        return hasSignal;
    }

    /** Index of the first peak on the contig; peaks of that contig end at {@link #contigEnd}. */
    public int contigBegin(int c) {
        return c < maxLength.length ? contigStart[c] : size;
    }

    public int contigEnd(int c) {
        return c < maxLength.length ? contigStart[c + 1] : size;
    }

    /** The longest peak on the contig, so a search by start can look back far enough. */
    public int maxLength(int c) {
        return c < maxLength.length ? maxLength[c] : 0;
    }

    /** Index of the first peak of contig c whose start is >= position (binary search). */
    public int firstStartingAtOrAfter(int c, int position) {
        int lo = contigBegin(c);
        int hi = contigEnd(c);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Collects peaks in file order and sorts them by (contig, start, file order) on build. */
    public static final class Builder {
        private final int contigCount;
        private int n;
        private int[] contig = new int[1024];
        private int[] start = new int[1024];
        private int[] end = new int[1024];
        private double[] score = new double[1024];
        private double[] signal = new double[1024];
        private double[] pValue = new double[1024];
        private double[] qValue = new double[1024];
        private int[] summit = new int[1024];
        private boolean hasScore;
        private boolean hasSignal;

        public Builder(int contigCount) {
            this.contigCount = contigCount;
        }

        public void add(int c, int s, int e, double sc, double sig, double p, double q, int summitOffset) {
            if (n == contig.length) {
                int cap = n * 2;
                contig = Arrays.copyOf(contig, cap);
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                score = Arrays.copyOf(score, cap);
                signal = Arrays.copyOf(signal, cap);
                pValue = Arrays.copyOf(pValue, cap);
                qValue = Arrays.copyOf(qValue, cap);
                summit = Arrays.copyOf(summit, cap);
            }
            contig[n] = c;
            start[n] = s;
            end[n] = e;
            score[n] = sc;
            signal[n] = sig;
            pValue[n] = p;
            qValue[n] = q;
            summit[n] = summitOffset;
            hasScore |= !Double.isNaN(sc);
            hasSignal |= !Double.isNaN(sig);
            n++;
        }

        public PeakSet build() {
            int[] order = sortedOrder();
            return new PeakSet(n, permute(contig, order), permute(start, order), permute(end, order),
                    permute(score, order), permute(signal, order), permute(pValue, order), permute(qValue, order),
                    permute(summit, order), contigCount, hasScore, hasSignal);
        }

        /**
         * Counting sort by contig, then within each contig a sort of (start << 32 | index) longs:
         * primitive sorting only, and ties keep file order, so the result never depends on the sort.
         */
        private int[] sortedOrder() {
            int[] offset = new int[contigCount + 1];
            for (int i = 0; i < n; i++) {
                offset[contig[i] + 1]++;
            }
            for (int c = 0; c < contigCount; c++) {
                offset[c + 1] += offset[c];
            }
            long[] keys = new long[n];
            int[] fill = Arrays.copyOf(offset, contigCount);
            for (int i = 0; i < n; i++) {
                keys[fill[contig[i]]++] = ((long) start[i] << 32) | i;
            }
            int[] order = new int[n];
            for (int c = 0; c < contigCount; c++) {
                Arrays.sort(keys, offset[c], offset[c + 1]);
            }
            for (int k = 0; k < n; k++) {
                order[k] = (int) keys[k];
            }
            return order;
        }

        private int[] permute(int[] a, int[] order) {
            int[] out = new int[order.length];
            for (int k = 0; k < order.length; k++) {
                out[k] = a[order[k]];
            }
            return out;
        }

        private double[] permute(double[] a, int[] order) {
            double[] out = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                out[k] = a[order[k]];
            }
            return out;
        }
    }
}
