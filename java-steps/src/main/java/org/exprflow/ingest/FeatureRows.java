package org.exprflow.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a feature x sample table one feature row at a time (the layout of GEO, Golub and TSV
 * matrices) and turns it into the sample-major matrix of a Dataset at the end.
 */
final class FeatureRows {
    private final int sampleCount;
    private final List<String> featureIds = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    FeatureRows(int sampleCount) {
        this.sampleCount = sampleCount;
    }

    /** A fresh row to fill with one value per sample; it is kept, not copied. */
    double[] add(String featureId) {
        double[] row = new double[sampleCount];
        featureIds.add(featureId);
        rows.add(row);
        return row;
    }

    int featureCount() {
        return rows.size();
    }

    List<String> featureIds() {
        return featureIds;
    }

    /** values[sample][feature]. */
    double[][] sampleMajor() {
        int nf = rows.size();
        double[][] out = new double[sampleCount][nf];
        for (int f = 0; f < nf; f++) {
            double[] row = rows.get(f);
            for (int s = 0; s < sampleCount; s++) {
                out[s][f] = row[s];
            }
        }
        return out;
    }
}
