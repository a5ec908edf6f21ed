package org.exprflow.peaks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * Read counts of BAM files in the windows of a layout, from the features x samples table that
 * {@code exprflow count --bin-size B [--step S] --region R} writes (header {@code feature} and the
 * sample names; one row per window, id chrom:start-end). This is how a mark given as BAM files
 * enters design (a): its windows are the same as those of peak files, its value the read count.
 */
public final class BinCountTable {
    private BinCountTable() {
    }

    /** The samples' windows, in the order of {@code samples}; every window of the layout must have a row. */
    public static List<SampleBins> read(Path path, BinLayout layout, List<String> samples) {
        Map<String, Integer> windows = new HashMap<>();
        for (int b = 0; b < layout.binCount(); b++) {
            windows.put(layout.locus(b), b);
        }
        double[][] values = new double[samples.size()][layout.binCount()];
        boolean[] seen = new boolean[layout.binCount()];
        int[] column = new int[samples.size()];
        try (TextInput in = TextInput.open(path)) {
            String header = in.readLine();
            if (header == null) {
                throw UserException.badFile(path, "empty count table");
            }
            List<String> names = Arrays.asList(header.split("\t", -1));
            if (!names.get(0).equals("feature")) {
                throw in.error("not a count table of exprflow count: the header starts with '" + names.get(0) + "', not 'feature'");
            }
            for (int s = 0; s < samples.size(); s++) {
                column[s] = names.indexOf(samples.get(s));
                if (column[s] < 1) {
                    throw in.error("no column for sample " + samples.get(s) + " (columns: " + String.join(", ", names.subList(1, names.size())) + ")");
                }
            }
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length != names.size()) {
                    throw in.error(f.length + " fields, the header has " + names.size());
                }
                Integer b = windows.get(f[0]);
                if (b == null) {
                    continue; // a window outside this layout (a genome-wide table)
                }
                seen[b] = true;
                for (int s = 0; s < samples.size(); s++) {
                    try {
                        values[s][b] = Long.parseLong(f[column[s]]);
                    } catch (NumberFormatException e) {
                        throw in.error("count '" + f[column[s]] + "' of " + samples.get(s) + " is not a whole number");
                    }
                    if (values[s][b] < 0) {
                        throw in.error("negative count " + f[column[s]] + " of " + samples.get(s));
                    }
                }
            }
        }
        for (int b = 0; b < seen.length; b++) {
            if (!seen[b]) {
                throw UserException.badFile(path, "no row for window " + layout.locus(b)
                        + ": count with the same --bin-size, --step and --region");
            }
        }
        List<SampleBins> out = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            double[] v = values[s];
            int[] bins = java.util.stream.IntStream.range(0, v.length).filter(b -> v[b] != 0).toArray();
            out.add(new SampleBins(samples.get(s), bins, Arrays.stream(bins).mapToDouble(b -> v[b]).toArray()));
        }
        return out;
    }
}
