package org.exprflow.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.Interval;
import htsjdk.samtools.util.Locatable;

/**
 * Fixed-size bins tiling every contig of a sequence dictionary, the last bin of a contig truncated
 * at its end (as {@code bedtools makewindows -w}). The bin of a position is arithmetic, not an
 * interval-tree lookup: a genome-wide 1 kb layout has 3.1 million bins, which an
 * {@link htsjdk.samtools.util.OverlapDetector} would hold as 3.1 million tree nodes.
 */
final class GenomeBins implements CountFeatures {
    private final int binSize;
    private final List<SAMSequenceRecord> contigs = new ArrayList<>();
    private final Map<String, Integer> contigIndex = new HashMap<>();
    /** First global bin index of each contig, plus the total at the end. */
    private final int[] firstBin;

    GenomeBins(SAMSequenceDictionary dictionary, int binSize) {
        this.binSize = binSize;
        long total = 0;
        firstBin = new int[dictionary.size() + 1];
        for (SAMSequenceRecord s : dictionary.getSequences()) {
            firstBin[contigs.size()] = (int) total;
            contigIndex.put(s.getSequenceName(), contigs.size());
            contigs.add(s);
            total += (s.getSequenceLength() + (long) binSize - 1) / binSize;
            if (total > Integer.MAX_VALUE - 8) {
                throw org.exprflow.core.UserException.badParameter("--bin-size " + binSize + " gives more than "
                        + Integer.MAX_VALUE + " bins; use larger bins");
            }
        }
        firstBin[contigs.size()] = (int) total;
    }

    @Override
    public int size() {
        return firstBin[contigs.size()];
    }

    @Override
    public String id(int feature) {
        int c = contigOf(feature);
        long start = (long) (feature - firstBin[c]) * binSize;
        long end = Math.min(start + binSize, contigs.get(c).getSequenceLength());
        return contigs.get(c).getSequenceName() + ":" + start + "-" + end;
    }

    private int contigOf(int feature) {
        int lo = 0;
        int hi = contigs.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstBin[mid] <= feature) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public boolean idsAreLoci() {
        return true;
    }

    @Override
    public List<Locatable> queryIntervals() {
        List<Locatable> whole = new ArrayList<>();
        for (SAMSequenceRecord s : contigs) {
            whole.add(new Interval(s.getSequenceName(), 1, s.getSequenceLength()));
        }
        return whole;
    }

    @Override
    public void overlapping(String contig, int start, int end, FeatureHits out) {
        Integer c = contigIndex.get(contig);
        if (c == null) {
            return;
        }
        int length = contigs.get(c).getSequenceLength();
        // Reads hanging past the contig end (allowed in BAM) count in the last bin only.
        int first = (Math.min(start, length) - 1) / binSize;
        int last = (Math.min(end, length) - 1) / binSize;
        for (int b = first; b <= last; b++) {
            out.add(firstBin[c] + b);
        }
    }
}
