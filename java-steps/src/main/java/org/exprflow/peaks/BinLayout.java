package org.exprflow.peaks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.core.UserException;

/**
 * Fixed-size (optionally sliding) windows over one region, some chromosomes or a whole genome, laid
 * out exactly as {@code bedtools makewindows -w SIZE -s STEP} does: in each segment, window j
 * starts at segmentStart + j*step and ends at min(start + size, segmentEnd), for every start below
 * segmentEnd (so the last window of a chromosome is truncated). Windows get global indices in
 * segment order, which is the order of the chromosome-sizes file.
 */
public final class BinLayout {
    private static final Pattern REGION = Pattern.compile("([^:\\s]+):([0-9,]+)-([0-9,]+)");

    private final ChromosomeSizes genome;
    private final int binSize;
    private final int step;
    private final int[] segmentContig;
    private final int[] segmentStart;
    private final int[] segmentEnd;
    /** Global index of each segment's first window; one extra entry holds the total. */
    private final long[] firstBin;
    /** Segment of each contig, or -1 when the layout does not cover it. */
    private final int[] segmentOfContig;

    private BinLayout(ChromosomeSizes genome, int binSize, int step, List<int[]> segments) {
        if (binSize <= 0) {
            throw UserException.badParameter("--bin-size must be positive, not " + binSize);
        }
        if (step <= 0) {
            throw UserException.badParameter("--step must be positive, not " + step);
        }
        this.genome = genome;
        this.binSize = binSize;
        this.step = step;
        int n = segments.size();
        segmentContig = new int[n];
        segmentStart = new int[n];
        segmentEnd = new int[n];
        firstBin = new long[n + 1];
        segmentOfContig = new int[genome.size()];
        java.util.Arrays.fill(segmentOfContig, -1);
        for (int s = 0; s < n; s++) {
            int[] seg = segments.get(s);
            segmentContig[s] = seg[0];
            segmentStart[s] = seg[1];
            segmentEnd[s] = seg[2];
            segmentOfContig[seg[0]] = s;
            firstBin[s + 1] = firstBin[s] + ceilDiv(seg[2] - seg[1], step);
        }
        if (firstBin[n] > Integer.MAX_VALUE) {
            throw UserException.badParameter("the layout has " + firstBin[n] + " bins, more than " + Integer.MAX_VALUE
                    + "; use a larger --bin-size or --step");
        }
    }

    /** Every contig of the chromosome-sizes file, whole. */
    public static BinLayout genome(ChromosomeSizes genome, int binSize, int step) {
        List<int[]> segments = new ArrayList<>();
        for (int c = 0; c < genome.size(); c++) {
            segments.add(new int[] {c, 0, genome.length(c)});
        }
        return new BinLayout(genome, binSize, step, segments);
    }

    /** The named chromosomes, whole, in the order of the chromosome-sizes file. */
    public static BinLayout chromosomes(ChromosomeSizes genome, List<String> names, int binSize, int step) {
        boolean[] wanted = new boolean[genome.size()];
        for (String name : names) {
            int c = genome.resolve(name);
            if (c < 0) {
                throw UserException.badParameter("--chromosomes: '" + name + "' is not in the chromosome-sizes file");
            }
            wanted[c] = true;
        }
        List<int[]> segments = new ArrayList<>();
        for (int c = 0; c < genome.size(); c++) {
            if (wanted[c]) {
                segments.add(new int[] {c, 0, genome.length(c)});
            }
        }
        return new BinLayout(genome, binSize, step, segments);
    }

    /** One region chrom:start-end, 0-based half-open (as in BED), e.g. chr1:0-1000000. */
    public static BinLayout region(ChromosomeSizes genome, String region, int binSize, int step) {
        Matcher m = REGION.matcher(region);
        if (!m.matches()) {
            throw UserException.badParameter("--region must look like chr1:0-1000000 (0-based, half-open), not '" + region + "'");
        }
        int c = genome.resolve(m.group(1));
        if (c < 0) {
            throw UserException.badParameter("--region: contig '" + m.group(1) + "' is not in the chromosome-sizes file");
        }
        long start = Long.parseLong(m.group(2).replace(",", ""));
        long end = Long.parseLong(m.group(3).replace(",", ""));
        if (start >= end || end > genome.length(c)) {
            throw UserException.badParameter("--region " + region + ": need start < end <= " + genome.length(c)
                    + " (the length of " + genome.name(c) + ")");
        }
        return new BinLayout(genome, binSize, step, List.<int[]>of(new int[] {c, (int) start, (int) end}));
    }

    public ChromosomeSizes genome() {
        return genome;
    }

    public int binCount() {
        return (int) firstBin[firstBin.length - 1];
    }

    public int binSize() {
        return binSize;
    }

    public int step() {
        return step;
    }

    public int segmentCount() {
        return segmentContig.length;
    }

    /** The segment covering the contig, or -1 when peaks there fall outside the layout. */
    public int segmentOf(int contig) {
        return segmentOfContig[contig];
    }

    public int segmentContig(int segment) {
        return segmentContig[segment];
    }

    public int segmentFirstBin(int segment) {
        return (int) firstBin[segment];
    }

    public int segmentBinCount(int segment) {
        return (int) (firstBin[segment + 1] - firstBin[segment]);
    }

    /** The largest number of windows of one segment: the size of a per-segment scratch array. */
    public int maxSegmentBins() {
        int max = 0;
        for (int s = 0; s < segmentContig.length; s++) {
            max = Math.max(max, segmentBinCount(s));
        }
        return max;
    }

    /** Start of window j (local index) of a segment. */
    public int localBinStart(int segment, int j) {
        return segmentStart[segment] + j * step;
    }

    public int localBinEnd(int segment, int j) {
        return (int) Math.min((long) localBinStart(segment, j) + binSize, segmentEnd[segment]);
    }

    /**
     * First local window overlapping [start, end) by at least 1 bp, given that the interval ends
     * after the segment starts: the smallest j with windowStart + size > start.
     */
    public int firstLocalBin(int segment, int start) {
        long j = Math.floorDiv((long) start - segmentStart[segment] - binSize, step) + 1;
        return (int) Math.max(0, j);
    }

    /** Last local window overlapping [start, end): the largest j with windowStart < end. */
    public int lastLocalBin(int segment, int end) {
        long j = ceilDiv((long) end - segmentStart[segment], step) - 1;
        return (int) Math.min(segmentBinCount(segment) - 1, j);
    }

    /** Segment of a global window index. */
    public int segmentOfBin(int bin) {
        int lo = 0;
        int hi = segmentContig.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstBin[mid] <= bin) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The window as a LOCUS feature id chrom:start-end (0-based, half-open). */
    public String locus(int bin) {
        int s = segmentOfBin(bin);
        int j = bin - (int) firstBin[s];
        return genome.name(segmentContig[s]) + ":" + localBinStart(s, j) + "-" + localBinEnd(s, j);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
