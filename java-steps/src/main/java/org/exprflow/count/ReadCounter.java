package org.exprflow.count;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.QueryInterval;
import htsjdk.samtools.SAMRecord;

/**
 * Counts the reads (or fragments) of one alignment file in the features.
 *
 * <p>Read mode (bedtools multicov): every alignment that passes the filter counts once in each
 * feature its span, alignment start to alignment end, overlaps by at least one base. Only the
 * features' intervals are read from the file (merged indexed queries).
 *
 * <p>Fragment mode (featureCounts -p --countReadPairs): the mapped primary alignments of one read
 * name form a fragment; the fragment overlaps the union of the features its mates' aligned blocks
 * overlap (blocks split at N, deletions included), and counts once per feature. A fragment whose
 * mate is unmapped, or unpaired reads, count alone. Whole contigs holding features are read, so
 * that both mates of every pair are seen whichever of them overlaps a feature. A mate that waits
 * for its partner is held until the reader has passed the partner's position; a partner on a
 * contig that is not read is never seen, and the mate then counts alone.
 */
final class ReadCounter {
    private final CountFeatures features;
    private final ReadFilter filter;
    private final Blacklist blacklist;
    private final MultiOverlap multiOverlap;
    private final FeatureHits hits = new FeatureHits();

    ReadCounter(CountFeatures features, ReadFilter filter, Blacklist blacklist, MultiOverlap multiOverlap) {
        this.features = features;
        this.filter = filter;
        this.blacklist = blacklist;
        this.multiOverlap = multiOverlap;
    }

    /** Per-file tallies for the log. */
    record Summary(long examined, long counted, int intervalsOnAbsentContigs) {
    }

    Summary countReads(AlignmentFile file, long[] counts) {
        int[] absent = new int[1];
        QueryInterval[] query = file.queryIntervals(features.queryIntervals(), absent);
        long[] tally = new long[2];
        file.forEachOverlapping(query, r -> {
            tally[0]++;
            if (!filter.passes(r)) {
                return;
            }
            String contig = r.getReferenceName();
            int start = r.getAlignmentStart();
            int end = r.getAlignmentEnd();
            if (blacklist != null && blacklist.overlaps(contig, start, end)) {
                return;
            }
            hits.clear();
            features.overlapping(contig, start, end, hits);
            if (assign(hits, counts)) {
                tally[1]++;
            }
        });
        return new Summary(tally[0], tally[1], absent[0]);
    }

    Summary countFragments(AlignmentFile file, long[] counts) {
        int[] absent = new int[1];
        QueryInterval[] intervals = file.queryIntervals(features.queryIntervals(), absent);
        // Whole contigs: a pair's mates are both read even when only one overlaps a feature.
        java.util.LinkedHashSet<Integer> contigs = new java.util.LinkedHashSet<>();
        for (QueryInterval q : intervals) {
            contigs.add(q.referenceIndex);
        }
        QueryInterval[] whole = contigs.stream().map(c -> new QueryInterval(c, 1, -1)).toArray(QueryInterval[]::new);
        FragmentPairer pairer = new FragmentPairer(counts);
        file.forEachOverlapping(whole, pairer::accept);
        pairer.finish();
        return new Summary(pairer.examined, pairer.counted, absent[0]);
    }

    private boolean assign(FeatureHits h, long[] counts) {
        if (h.size() == 0 || (h.size() > 1 && multiOverlap == MultiOverlap.SKIP)) {
            return false;
        }
        for (int i = 0; i < h.size(); i++) {
            counts[h.get(i)]++;
        }
        return true;
    }

    /** The features a mate's aligned blocks overlap (blocks split at N only, as featureCounts). */
    private void blockHits(SAMRecord r, FeatureHits out) {
        String contig = r.getReferenceName();
        int pos = r.getAlignmentStart();
        int blockStart = pos;
        Cigar cigar = r.getCigar();
        for (CigarElement e : cigar.getCigarElements()) {
            switch (e.getOperator()) {
                case M, EQ, X, D -> pos += e.getLength();
                case N -> {
                    if (pos > blockStart) {
                        features.overlapping(contig, blockStart, pos - 1, out);
                    }
                    pos += e.getLength();
                    blockStart = pos;
                }
                default -> {
                    // I, S, H, P consume no reference bases.
                }
            }
        }
        if (pos > blockStart) {
            features.overlapping(contig, blockStart, pos - 1, out);
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** One mate's contribution to its fragment. */
    private record Mate(int[] features, int mapq, boolean dropped, boolean blacklisted) {
    }

    /** A mate waiting for its partner, due at (ref, start). */
    private record Waiting(String name, int ref, int start) {
    }

    /** Pairs the mates of a coordinate-sorted stream and counts each fragment once. */
    private final class FragmentPairer {
        private final long[] counts;
        private final Map<String, Mate> pending = new HashMap<>();
        private final PriorityQueue<Waiting> due = new PriorityQueue<>((a, b) -> a.ref != b.ref
                ? Integer.compare(a.ref, b.ref) : Integer.compare(a.start, b.start));
        private final FeatureHits mateHits = new FeatureHits();
        long examined;
        long counted;

        FragmentPairer(long[] counts) {
            this.counts = counts;
        }

        void accept(SAMRecord r) {
            examined++;
            if (!ReadFilter.isFragmentMate(r)) {
                return;
            }
            int ref = r.getReferenceIndex();
            int start = r.getAlignmentStart();
            // Partners that were due before this position will not come (not read, or filtered).
            while (!due.isEmpty() && (due.peek().ref < ref || (due.peek().ref == ref && due.peek().start < start))) {
                Waiting w = due.poll();
                Mate alone = pending.remove(w.name);
                if (alone != null) {
                    fragment(alone, null);
                }
            }
            mateHits.clear();
            blockHits(r, mateHits);
            boolean blacklisted = blacklist != null && blacklist.overlaps(r.getReferenceName(), start, r.getAlignmentEnd());
            Mate mate = new Mate(mateHits.toArray(), r.getMappingQuality(), filter.dropsFragment(r), blacklisted);
            if (!r.getReadPairedFlag() || r.getMateUnmappedFlag()) {
                fragment(mate, null);
                return;
            }
            Mate partner = pending.remove(r.getReadName());
            if (partner != null) {
                fragment(partner, mate);
                return;
            }
            int mateRef = r.getMateReferenceIndex();
            int mateStart = r.getMateAlignmentStart();
            if (mateRef > ref || (mateRef == ref && mateStart >= start)) {
                pending.put(r.getReadName(), mate);
                due.add(new Waiting(r.getReadName(), mateRef, mateStart));
            } else {
                fragment(mate, null); // its partner was due earlier and was not a primary mapped alignment
            }
        }

        void finish() {
            // Partners on contigs that were not read; in file order of the waiting mates' partners.
            while (!due.isEmpty()) {
                Mate alone = pending.remove(due.poll().name);
                if (alone != null) {
                    fragment(alone, null);
                }
            }
        }

        private void fragment(Mate a, Mate b) {
            if (a.dropped || (b != null && b.dropped) || a.blacklisted || (b != null && b.blacklisted)) {
                return;
            }
            // featureCounts -Q: for pairs, one mate meeting the threshold suffices.
            if (Math.max(a.mapq, b == null ? -1 : b.mapq) < filter.minMapq()) {
                return;
            }
            hits.clear();
            hits.addAll(a.features);
            if (b != null) {
                hits.addAll(b.features);
            }
            if (multiOverlap == MultiOverlap.SKIP && b != null && hits.size() > 1) {
                keepMostVoted(a.features, b.features);
            }
            if (assign(hits, counts)) {
                counted++;
            }
        }

        /**
         * featureCounts' vote: each mate votes for the features it overlaps, and among several
         * features only those with the most votes (both mates) stay; one left is an assignment.
         */
        private void keepMostVoted(int[] a, int[] b) {
            int[] all = hits.toArray();
            hits.clear();
            boolean anyInBoth = false;
            for (int f : all) {
                if (contains(a, f) && contains(b, f)) {
                    hits.add(f);
                    anyInBoth = true;
                }
            }
            if (!anyInBoth) {
                hits.addAll(all);
            }
        }
    }
}
