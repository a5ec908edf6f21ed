package org.exprflow.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.CrossSampleTransforms;
import org.exprflow.normalise.SampleContext;

/**
 * The part of model fitting that does not depend on the learner or on k: the cross-sample
 * transforms fitted on one set of training samples, those samples after the transforms, and the
 * features ranked on them (by ANOVA F for a class, by |Pearson r| for a numeric target). Model
 * selection fits many candidates (learners × k) on the same training samples; preparing once means
 * genes are ranked once per training fold and the ranking is reused for every k.
 */
final class PreparedTraining {
    final Dataset training;
    final Target target;
    final List<String> transformNames;
    final List<CrossSampleTransform.Fitted> transforms;
    /** Training rows after the transforms. */
    final double[][] x;
    /**
     * Ids of the columns of x: the training feature ids less those a transform dropped (a low-count
     * filter); ranking, selection and imputation indices refer to these.
     */
    final List<String> keptFeatureIds;
    /** Each feature's ranking score on the transformed training rows (ANOVA F or |Pearson r|). */
    private final double[] score;
    /** Mean of each raw feature over the training samples (NaN-aware), for optional imputation at prediction. */
    final double[] rawMeans;

    private PreparedTraining(Dataset training, Target target, List<String> transformNames,
                             List<CrossSampleTransform.Fitted> transforms, double[][] x, List<String> keptFeatureIds,
                             double[] score, double[] rawMeans) {
        this.training = training;
        this.target = target;
        this.transformNames = transformNames;
        this.transforms = transforms;
        this.x = x;
        this.keptFeatureIds = keptFeatureIds;
        this.score = score;
        this.rawMeans = rawMeans;
    }

    /**
     * Fits the transforms on the training samples and ranks the features: by ANOVA F for a nominal
     * target, by |Pearson r| for a numeric one. Every sample must have a value for the target.
     */
    static PreparedTraining prepare(Dataset training, Target target, List<String> transformNames) {
        List<CrossSampleTransform> chain = CrossSampleTransforms.parse(String.join(",", transformNames));
        // the leading per-sample transforms' rows, when train or permute computed them once for the input
        int leading = PerSampleRows.leading(chain);
        double[][] perSample = leading == 0 ? null : PerSampleRows.after(training, chain.subList(0, leading));
        // the transforms never modify their input, so with cached rows the raw rows need no copy
        double[][] x = perSample == null ? training.copyValues() : PerSampleRows.rowsOf(training);
        double[] rawMeans = columnMeans(x);
        SampleContext context = SampleContexts.training(training, target, transformNames);
        List<CrossSampleTransform.Fitted> fitted = new ArrayList<>();
        List<String> keptIds = training.featureIds();
        for (int t = 0; t < chain.size(); t++) {
            CrossSampleTransform.Fitted f = chain.get(t).fit(x, context);
            if (perSample == null || t >= leading) {
                x = f.applyToTraining(x, context);
            } else if (t == leading - 1) {
                x = perSample; // what applyToTraining of the leading transforms gives, computed once
            }
            keptIds = FeaturePipeline.keep(keptIds, f.keptColumns());
            fitted.add(f);
        }
        double[] score;
        if (context.classOf() != null) {
            score = FeatureRanking.anovaF(x, context.classOf(), context.classCount());
        } else {
            score = FeatureRanking.absoluteCorrelation(x, target.values());
        }
        return new PreparedTraining(training, target, List.copyOf(transformNames), fitted, x,
                List.copyOf(keptIds), score, rawMeans);
    }

    /** Feature indices from most to least discriminative on the transformed training rows (sorted on each call). */
    int[] ranking() {
        return FeatureRanking.order(score);
    }

    /**
     * The indices of the top-k features (all when k ≤ 0), in feature order: the first k of {@link
     * #ranking()}, found without sorting every feature.
     */
    int[] topFeatures(int k) {
        if (k <= 0 || k >= score.length) {
            int[] all = new int[score.length];
            Arrays.setAll(all, j -> j);
            return all;
        }
        return FeatureRanking.top(score, k);
    }

    private static double[] columnMeans(double[][] rows) {
        int p = rows.length == 0 ? 0 : rows[0].length;
        double[] sum = new double[p];
        int[] n = new int[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                if (!Double.isNaN(row[j])) {
                    sum[j] += row[j];
                    n[j]++;
                }
            }
        }
        for (int j = 0; j < p; j++) {
            sum[j] = n[j] == 0 ? Double.NaN : sum[j] / n[j];
        }
        return sum;
    }
}
