package org.exprflow.count;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.io.TextInput;

import htsjdk.samtools.util.Interval;
import htsjdk.tribble.bed.BEDCodec;
import htsjdk.tribble.bed.BEDFeature;

/**
 * Reads a BED (BED3 and up, narrowPeak, broadPeak; plain, gzip or bgzip) with htsjdk's tribble
 * {@link BEDCodec}. Only the first three columns are decoded: BEDCodec reads columns 7-8 as
 * thickStart/thickEnd integers, which a narrowPeak's signalValue is not. Lines go through
 * {@link TextInput} so every error names the file and line.
 */
final class RegionFile {
    private RegionFile() {
    }

    /** The regions in file order, one feature each; a region listed twice is kept once. */
    static IntervalFeatures read(Path path) {
        List<Interval> intervals = read(path, "region");
        List<String> ids = new ArrayList<>();
        List<Interval> kept = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Interval i : intervals) {
            String id = i.getContig() + ":" + (i.getStart() - 1) + "-" + i.getEnd();
            if (seen.putIfAbsent(id, ids.size()) == null) {
                ids.add(id);
                kept.add(i);
            }
        }
        if (kept.size() < intervals.size()) {
            org.exprflow.core.Log.warn(path.getFileName() + ": " + (intervals.size() - kept.size())
                    + " regions listed more than once are counted once");
        }
        int[] owners = new int[kept.size()];
        Arrays.setAll(owners, i -> i);
        return new IntervalFeatures(ids, true, kept, owners);
    }

    /** The intervals of a BED file (1-based, closed), in file order. */
    static List<Interval> read(Path path, String what) {
        BEDCodec codec = new BEDCodec();
        List<Interval> out = new ArrayList<>();
        try (TextInput in = TextInput.open(path)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 3) {
                    throw in.error("expected a BED line (chrom<TAB>start<TAB>end), found " + f.length + " column"
                            + (f.length == 1 ? "" : "s"));
                }
                BEDFeature bed;
                try {
                    bed = codec.decode(Arrays.copyOf(f, 3));
                } catch (NumberFormatException e) {
                    throw in.error(what + " start '" + f[1] + "' or end '" + f[2] + "' is not an integer");
                }
                if (bed == null || f[0].isEmpty()) {
                    throw in.error("no contig name in the " + what + " line");
                }
                if (bed.getStart() < 1) {
                    throw in.error(what + " start " + f[1] + " is negative");
                }
                if (bed.getEnd() < bed.getStart()) {
                    throw in.error(what + " " + f[0] + ":" + f[1] + "-" + f[2] + " is empty or ends before it starts");
                }
                out.add(new Interval(bed.getContig(), bed.getStart(), bed.getEnd()));
            }
        }
        return out;
    }
}
