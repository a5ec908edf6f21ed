package org.exprflow.peaks;

import java.util.Arrays;

import org.exprflow.core.UserException;

/**
 * Turns the peaks of one sample into its non-zero bins. Works one segment (chromosome) at a time in
 * a dense scratch array the size of the largest segment (2 MB for chr1 at 1 kb), then keeps only
 * the non-zero entries, so memory is bounded by one chromosome, not by the genome or the number
 * of samples.
 *
 * <p>A peak counts in every window it overlaps by at least one base, as bedtools intersect does:
 * a peak crossing a boundary counts in both windows, and one ending exactly at a window's start
 * does not count there (half-open coordinates). Zero-length peaks follow bedtools (see
 * {@link PeakSet#overlapStart}).
 */
public final class PeakBinner {
    private final BinLayout layout;
    private final BinValue value;
    private final double[] scratch;
    private final int[] hits;

    public PeakBinner(BinLayout layout, BinValue value) {
        this.layout = layout;
        this.value = value;
        int n = layout.maxSegmentBins();
        this.scratch = new double[n];
        this.hits = new int[n];
    }

    public SampleBins bin(PeakFile file) {
        PeakSet peaks = file.peaks();
        if (value == BinValue.SIGNAL && peaks.size() > 0 && !peaks.hasSignal()) {
            throw UserException.unsuitable("sample " + file.sample() + ": --value signal needs a signalValue column"
                    + " (narrowPeak or broadPeak), but the file has none");
        }
        if (value == BinValue.MAX_SCORE && peaks.size() > 0 && !peaks.hasScore()) {
            throw UserException.unsuitable("sample " + file.sample() + ": --value max-score needs a score column"
                    + " (BED5 or wider), but the file has none");
        }
        IntList bins = new IntList();
        DoubleList values = new DoubleList();
        for (int segment = 0; segment < layout.segmentCount(); segment++) {
            int contig = layout.segmentContig(segment);
            int from = peaks.contigBegin(contig);
            int to = peaks.contigEnd(contig);
            if (from == to) {
                continue;
            }
            int n = layout.segmentBinCount(segment);
            if (value == BinValue.COVERAGE) {
                addMergedCoverage(peaks, from, to, segment);
            } else {
                for (int i = from; i < to; i++) {
                    addPeak(peaks, i, segment);
                }
            }
            int offset = layout.segmentFirstBin(segment);
            for (int j = 0; j < n; j++) {
                double v = value == BinValue.BINARY ? (hits[j] > 0 ? 1 : 0) : scratch[j];
                if (v != 0) {
                    bins.add(offset + j);
                    values.add(v);
                }
                scratch[j] = 0;
                hits[j] = 0;
            }
        }
        return new SampleBins(file.sample(), bins.toArray(), values.toArray());
    }

    private void addPeak(PeakSet peaks, int i, int segment) {
        int start = peaks.overlapStart(i);
        int end = peaks.overlapEnd(i);
        int first = layout.firstLocalBin(segment, start);
        int last = layout.lastLocalBin(segment, end);
        for (int j = first; j <= last; j++) {
            if (layout.localBinEnd(segment, j) <= start) {
                continue; // the truncated last window ends before this peak (peak beyond the region)
            }
            switch (value) {
                case COUNT, BINARY -> scratch[j] += 1;
                case SIGNAL -> scratch[j] += nanToZero(peaks.signal(i));
                case MAX_SCORE -> scratch[j] = hits[j] == 0 ? nanToZero(peaks.score(i)) : Math.max(scratch[j], nanToZero(peaks.score(i)));
                default -> throw new IllegalStateException(value.name());
            }
            hits[j]++;
        }
    }

    /** Coverage counts bases, so overlapping peaks are merged first (as bedtools coverage does). */
    private void addMergedCoverage(PeakSet peaks, int from, int to, int segment) {
        int runStart = peaks.start(from);
        int runEnd = peaks.end(from);
        for (int i = from + 1; i <= to; i++) {
            if (i < to && peaks.start(i) <= runEnd) {
                runEnd = Math.max(runEnd, peaks.end(i));
                continue;
            }
            if (runEnd > runStart) {
                int first = layout.firstLocalBin(segment, runStart);
                int last = layout.lastLocalBin(segment, runEnd);
                for (int j = first; j <= last; j++) {
                    int overlap = Math.min(runEnd, layout.localBinEnd(segment, j)) - Math.max(runStart, layout.localBinStart(segment, j));
                    if (overlap > 0) {
                        scratch[j] += overlap;
                    }
                }
            }
            if (i < to) {
                runStart = peaks.start(i);
                runEnd = peaks.end(i);
            }
        }
    }

    private static double nanToZero(double x) {
        return Double.isNaN(x) ? 0 : x;
    }

    /** Growable int array (no boxing: a sample can have hundreds of thousands of non-zero bins). */
    static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** Growable double array. */
    static final class DoubleList {
        private double[] a = new double[1024];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
