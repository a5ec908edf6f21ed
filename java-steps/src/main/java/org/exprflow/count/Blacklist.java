package org.exprflow.count;

import java.nio.file.Path;

import htsjdk.samtools.util.Interval;
import htsjdk.samtools.util.OverlapDetector;

/** Regions whose alignments are not counted (e.g. the ENCODE blacklist), looked up with htsjdk. */
final class Blacklist {
    private final OverlapDetector<Boolean> detector = new OverlapDetector<>(0, 0);

    private Blacklist() {
    }

    static Blacklist read(Path path) {
        Blacklist b = new Blacklist();
        for (Interval i : RegionFile.read(path, "blacklist region")) {
            b.detector.addLhs(Boolean.TRUE, i);
        }
        return b;
    }

    boolean overlaps(String contig, int start, int end) {
        return detector.overlapsAny(new Interval(contig, start, end));
    }
}
