package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.exprflow.stats.Quantile;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;

/**
 * A percentile bootstrap interval for accuracy and balanced accuracy: the pooled held-out
 * predictions are resampled with replacement (a seeded generator, so the interval is reproducible),
 * the metric is recomputed on each replicate, and the 2.5th and 97.5th percentiles (R's type 7
 * quantiles) bound the 95% interval. It reflects the sampling variability of the scored samples; it
 * does not account for the variability between training sets of the folds, so it is optimistic for
 * very small studies.
 */
public record BootstrapInterval(int replicates, double level, double accuracyLow, double accuracyHigh,
                                double balancedAccuracyLow, double balancedAccuracyHigh) {

    public static final String METHOD = "percentile bootstrap over pooled held-out predictions";

    public static BootstrapInterval of(List<String> levels, List<PredictionTable.Row> rows, int replicates, long seed) {
        List<PredictionTable.Row> scored = rows.stream().filter(r -> r.truth() != null).toList();
        double[] acc = new double[replicates];
        double[] bacc = new double[replicates];
        SplittableRandom rng = new SplittableRandom(seed);
        List<PredictionTable.Row> sample = new ArrayList<>(scored.size());
        for (int b = 0; b < replicates; b++) {
            sample.clear();
            for (int i = 0; i < scored.size(); i++) {
                sample.add(scored.get(rng.nextInt(scored.size())));
            }
            ConfusionMatrix cm = ConfusionMatrix.of(levels, sample);
            acc[b] = cm.accuracy();
            bacc[b] = cm.balancedAccuracy();
        }
        Arrays.sort(acc);
        Arrays.sort(bacc);
        return new BootstrapInterval(replicates, 0.95, Quantile.type7(acc, 0.025), Quantile.type7(acc, 0.975),
                Quantile.type7(bacc, 0.025), Quantile.type7(bacc, 0.975));
    }
}
