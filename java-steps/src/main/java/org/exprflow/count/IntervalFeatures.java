package org.exprflow.count;

import java.util.ArrayList;
import java.util.List;

import htsjdk.samtools.util.Interval;
import htsjdk.samtools.util.Locatable;
import htsjdk.samtools.util.OverlapDetector;

/**
 * Features made of arbitrary intervals (BED regions, exons of genes), looked up with htsjdk's
 * {@link OverlapDetector} (an interval tree per contig).
 */
final class IntervalFeatures implements CountFeatures {
    private final List<String> ids;
    private final boolean loci;
    private final List<Locatable> intervals;
    private final OverlapDetector<Integer> detector = new OverlapDetector<>(0, 0);

    /** {@code intervals.get(i)} belongs to feature {@code owners[i]}. */
    IntervalFeatures(List<String> ids, boolean loci, List<Interval> intervals, int[] owners) {
        this.ids = List.copyOf(ids);
        this.loci = loci;
        this.intervals = new ArrayList<>(intervals);
        for (int i = 0; i < intervals.size(); i++) {
            detector.addLhs(owners[i], intervals.get(i));
        }
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public String id(int feature) {
        return ids.get(feature);
    }

    @Override
    public boolean idsAreLoci() {
        return loci;
    }

    @Override
    public List<Locatable> queryIntervals() {
        return intervals;
    }

    @Override
    public void overlapping(String contig, int start, int end, FeatureHits out) {
        for (Integer f : detector.getOverlaps(new Interval(contig, start, end))) {
            out.add(f);
        }
    }
}
