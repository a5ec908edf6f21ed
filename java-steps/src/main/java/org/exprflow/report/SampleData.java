package org.exprflow.report;

import java.util.List;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.data.ValueKind;
import org.exprflow.stepfile.GeneTable;

/**
 * What the heatmap and PCA sections draw from: the dataset the model was given (normalise's output,
 * before the model's cross-sample transforms), the target whose classes colour the samples, the
 * genes table of evaluate (null without {@code --genes}) and the samples QC flagged as outliers (null
 * without {@code --qc}).
 */
record SampleData(Dataset dataset, Target target, List<GeneTable.Row> genes, Set<String> outliers) {

    /**
     * The values the plots draw, [sample][feature]: the dataset's own rows (shared, read only), or for
     * counts log2(count + 1) (raw counts would let a few highly expressed genes decide every distance).
     */
    double[][] rows() {
        double[][] out = new double[dataset.sampleCount()][];
        boolean counts = dataset.valueKind() == ValueKind.COUNTS;
        for (int s = 0; s < out.length; s++) {
            double[] row = dataset.row(s);
            if (counts) {
                double[] logged = new double[row.length];
                for (int f = 0; f < row.length; f++) {
                    logged[f] = Math.log1p(row[f]) / Math.log(2);
                }
                row = logged;
            }
            out[s] = row;
        }
        return out;
    }

    /** Each sample's class as an index into the target's levels, -1 when it has none. */
    int[] classOf() {
        int[] out = new int[dataset.sampleCount()];
        for (int s = 0; s < out.length; s++) {
            out[s] = target.isMissing(s) ? -1 : (int) target.value(s);
        }
        return out;
    }

    /** The sentence every caption of these sections shares: what the matrix is, and that it is descriptive only. */
    String scope() {
        return "All " + dataset.sampleCount() + " samples of the dataset as the model is given it (after normalise, before"
                + " the model's own transforms" + (dataset.valueKind() == ValueKind.COUNTS ? "; counts drawn as log2(count + 1)" : "")
                + "); descriptive only: no metric is computed from this plot.";
    }
}
