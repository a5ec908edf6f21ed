package org.exprflow.count;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.peaks.BinLayout;
import org.exprflow.peaks.ChromosomeSizes;

import htsjdk.samtools.util.Interval;
import htsjdk.samtools.util.Locatable;

/**
 * The windows of a peaks {@link BinLayout} (whole genome, chromosomes or one region; fixed or
 * sliding), so that reads are counted in exactly the windows {@code exprflow bin} and
 * {@code region-dataset} use (bedtools makewindows: the last window of a segment truncated). The
 * windows of a position are arithmetic, not an interval-tree lookup: a genome-wide 1 kb layout has
 * 3.1 million windows, which an {@link htsjdk.samtools.util.OverlapDetector} would hold as 3.1
 * million tree nodes.
 */
final class LayoutBins implements CountFeatures {
    private final BinLayout layout;
    private final ChromosomeSizes genome;

    LayoutBins(BinLayout layout) {
        this.layout = layout;
        this.genome = layout.genome();
    }

    @Override
    public int size() {
        return layout.binCount();
    }

    @Override
    public String id(int feature) {
        return layout.locus(feature);
    }

    @Override
    public boolean idsAreLoci() {
        return true;
    }

    @Override
    public List<Locatable> queryIntervals() {
        List<Locatable> out = new ArrayList<>();
        for (int s = 0; s < layout.segmentCount(); s++) {
            int n = layout.segmentBinCount(s);
            if (n > 0) {
                out.add(new Interval(genome.name(layout.segmentContig(s)), layout.localBinStart(s, 0) + 1, layout.localBinEnd(s, n - 1)));
            }
        }
        return out;
    }

    @Override
    public void overlapping(String contig, int start, int end, FeatureHits out) {
        int c = genome.resolve(contig);
        int segment = c < 0 ? -1 : layout.segmentOf(c);
        if (segment < 0 || layout.segmentBinCount(segment) == 0) {
            return;
        }
        int from = start - 1; // 0-based half-open [from, end)
        if (end <= layout.localBinStart(segment, 0)) {
            return; // before a region's first window (firstLocalBin needs the read to end after it)
        }
        int first = layout.firstLocalBin(segment, from);
        int last = layout.lastLocalBin(segment, end);
        for (int j = first; j <= last; j++) {
            if (layout.localBinEnd(segment, j) <= from) {
                continue; // the truncated last window ends before this read (a read past the contig end)
            }
            out.add(layout.segmentFirstBin(segment) + j);
        }
    }
}
