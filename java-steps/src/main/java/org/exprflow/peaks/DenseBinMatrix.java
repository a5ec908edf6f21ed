package org.exprflow.peaks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;

/**
 * The bins of a region as a dense {@link Dataset}: samples are rows, bins are features with LOCUS
 * ids chrom:start-end. Only for regions: the cap keeps a mistaken genome-wide call from allocating
 * gigabytes (use the sparse bin table for that).
 */
public final class DenseBinMatrix {
    /** 200,000 bins = 200 kb at 1 bp or 200 Mb at 1 kb; 100 samples then take 160 MB. */
    public static final int MAX_BINS = 200_000;

    private DenseBinMatrix() {
    }

    public static Dataset toDataset(String name, BinLayout layout, List<SampleBins> samples, List<Target> targets) {
        int n = layout.binCount();
        if (n > MAX_BINS) {
            throw UserException.badParameter("a dense dataset of " + n + " bins is more than " + MAX_BINS
                    + "; restrict it with --region or a larger --bin-size");
        }
        List<String> features = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            features.add(layout.locus(b));
        }
        List<String> ids = new ArrayList<>();
        double[][] values = new double[samples.size()][n];
        for (int s = 0; s < samples.size(); s++) {
            SampleBins sb = samples.get(s);
            ids.add(sb.sample());
            for (int k = 0; k < sb.nonZeroCount(); k++) {
                values[s][sb.bins()[k]] = sb.values()[k];
            }
        }
        return new Dataset(name, ids, features, FeatureIdType.LOCUS, values, new LinkedHashMap<>(), targets);
    }
}
