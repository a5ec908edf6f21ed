package org.exprflow.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.io.Canonical;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.CrossSampleTransforms;
import org.exprflow.normalise.SampleContext;

/**
 * The front every model shares, classifier or regressor, every part fitted on training rows only:
 * <ol>
 *   <li>features matched by id, so column order and extra columns of new data do not matter;</li>
 *   <li>the cross-sample transforms (quantile target, feature means and SDs, ...);</li>
 *   <li>the top-k features of the training ranking (all when k ≤ 0);</li>
 *   <li>NAs of the selected features filled with their training means.</li>
 * </ol>
 * A learner head ({@link ModelPipeline}: a classifier with ZeroR beside it; {@link
 * RegressionPipeline}: a regressor with the training mean beside it) sees only the rows this
 * returns.
 *
 * <p>Duplicate feature ids, one rule for every analysis: training data must have unique ids (QC
 * lists duplicates); in data to predict, an id the model uses must appear once, while duplicates of
 * ids the model does not use are ignored.
 */
public final class FeaturePipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> featureIds;
    private final List<CrossSampleTransform.Fitted> transforms;
    /**
     * Ids of the features the transforms give (featureIds less the columns a low-count filter drops);
     * selected indices and imputation means refer to these. Null in models saved before filters
     * existed, where it equals featureIds.
     */
    private final List<String> keptFeatureIds;
    private final int[] selected;
    private final double[] imputeMeans;
    /** Training mean of every raw input feature: used only when the user asks to impute absent features. */
    private final double[] rawFeatureMeans;
    private transient Set<String> featureIdSet;

    private FeaturePipeline(List<String> featureIds, List<CrossSampleTransform.Fitted> transforms,
                            List<String> keptFeatureIds, int[] selected, double[] imputeMeans, double[] rawFeatureMeans) {
        this.featureIds = List.copyOf(featureIds);
        this.transforms = List.copyOf(transforms);
        this.keptFeatureIds = List.copyOf(keptFeatureIds);
        this.selected = selected;
        this.imputeMeans = imputeMeans;
        this.rawFeatureMeans = rawFeatureMeans;
    }

    /** The top-k features of prepared training rows, and their training means for imputation. */
    static FeaturePipeline fit(PreparedTraining prepared, int topK) {
        int[] selected = prepared.topFeatures(topK);
        return new FeaturePipeline(prepared.training.featureIds(), prepared.transforms, prepared.keptFeatureIds, selected,
                trainingMeans(prepared.x, selected), prepared.rawMeans);
    }

    /**
     * New rows matched by id and through the transforms of prepared training samples, before top-k: the
     * same for every model fitted on them, so model selection transforms held-out rows once for all its
     * candidates ({@link ModelPipeline#predictTransformed}).
     */
    static double[][] transformNew(PreparedTraining prepared, Dataset data) {
        return new FeaturePipeline(prepared.training.featureIds(), prepared.transforms, prepared.keptFeatureIds,
                new int[0], new double[0], prepared.rawMeans).transform(data, -1, null);
    }

    /** A pipeline fitted on training rows, and those rows as its learner sees them. */
    public record Fit(FeaturePipeline pipeline, double[][] trainingRows) {
    }

    /**
     * A pipeline that keeps every feature (no ranking, so no target): the front of the landmark
     * models, whose learners read all landmarks. The rows are already matched to {@code featureIds}
     * (landmark matching translates between id types, which {@code landmark.FeatureMatch} does), NaN
     * where a value is missing. The transforms are fitted on these rows, and NAs after them are
     * filled with the training means of the transformed features.
     */
    public static Fit fitAllFeatures(List<String> featureIds, double[][] trainingRows, List<String> transformNames) {
        double[][] x = trainingRows;
        List<CrossSampleTransform.Fitted> fitted = new ArrayList<>();
        List<String> keptIds = featureIds;
        for (CrossSampleTransform t : CrossSampleTransforms.parse(String.join(",", transformNames))) {
            CrossSampleTransform.Fitted f = t.fit(x);
            x = f.applyToTraining(x);
            keptIds = keep(keptIds, f.keptColumns());
            fitted.add(f);
        }
        int[] all = new int[keptIds.size()];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        FeaturePipeline pipeline = new FeaturePipeline(featureIds, fitted, keptIds, all, trainingMeans(x, all), null);
        double[][] out = new double[x.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = pipeline.selectAndImpute(x[i]);
        }
        return new Fit(pipeline, out);
    }

    /**
     * Rows already matched to {@link #featureIds()} (NaN for a missing value or an absent feature),
     * transformed with the training fit, selected and imputed.
     */
    public double[][] applyMatched(double[][] rows) {
        double[][] x = rows;
        for (CrossSampleTransform.Fitted f : transforms) {
            x = f.apply(x);
        }
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = selectAndImpute(x[i]);
        }
        return out;
    }

    /** The prepared training rows as the learner sees them: selected features, NAs imputed. */
    double[][] trainingRows(PreparedTraining prepared) {
        double[][] out = new double[prepared.x.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = selectAndImpute(prepared.x[i]);
        }
        return out;
    }

    /**
     * New rows as the learner sees them: matched by id, transformed with the training fit, selected
     * and imputed.
     *
     * @param maxImputedFraction below 0: a model feature absent from the data is an error; otherwise
     *                     absent features are filled with their training means (before the transforms)
     *                     while at most this share of the model's features is absent (more is exit 4:
     *                     every sample would get nearly the same prediction); the number imputed is
     *                     logged because predictions degrade with each one
     * @param imputeOption the option that asks for that imputation, named in the error; null when the
     *                     step offers none
     */
    double[][] apply(Dataset data, double maxImputedFraction, String imputeOption) {
        return selectAndImpute(transform(data, maxImputedFraction, imputeOption));
    }

    /**
     * New rows matched by id and through the fitted transforms, every kept feature (before selection).
     * The rows may be shared with {@link PerSampleRows}: callers must not modify them.
     */
    double[][] transform(Dataset data, double maxImputedFraction, String imputeOption) {
        // the leading per-sample transforms' rows, when train or permute computed them once for the input
        // (only for data in the training feature order: align would copy it unchanged)
        int start = PerSampleRows.leadingFitted(transforms);
        double[][] x = start == 0 || !data.featureIds().equals(featureIds) ? null
                : PerSampleRows.afterFitted(data, transforms.subList(0, start));
        if (x == null) {
            x = align(data, maxImputedFraction, imputeOption);
            start = 0;
        }
        SampleContext context = SampleContexts.newRows(data, transforms);
        for (int t = start; t < transforms.size(); t++) {
            x = transforms.get(t).apply(x, context);
        }
        return x;
    }

    /** Transformed rows ({@link #transform}) as the learner sees them: selected features, NAs imputed. */
    double[][] selectAndImpute(double[][] transformed) {
        double[][] out = new double[transformed.length][];
        for (int i = 0; i < transformed.length; i++) {
            out[i] = selectAndImpute(transformed[i]);
        }
        return out;
    }

    public List<String> featureIds() {
        return featureIds;
    }

    /** What each fitted transform learned, one line each in the order they are applied (exprflow inspect). */
    public List<String> describeTransforms() {
        return transforms.stream().map(CrossSampleTransform.Fitted::describe).toList();
    }

    /** Ids of the features the learner uses, in attribute order. */
    public List<String> selectedFeatureIds() {
        List<String> kept = keptFeatureIds == null ? featureIds : keptFeatureIds;
        List<String> out = new ArrayList<>(selected.length);
        for (int j : selected) {
            out.add(kept.get(j));
        }
        return out;
    }

    /** The ids a transform keeps: all when keptColumns is null, else those columns in order. */
    static List<String> keep(List<String> ids, int[] keptColumns) {
        if (keptColumns == null) {
            return ids;
        }
        List<String> out = new ArrayList<>(keptColumns.length);
        for (int j : keptColumns) {
            out.add(ids.get(j));
        }
        return out;
    }

    /** Rejects training data whose feature ids repeat: the model could not tell them apart later. */
    static void requireUniqueIds(Dataset training) {
        Set<String> seen = new HashSet<>();
        for (String id : training.featureIds()) {
            if (!seen.add(id)) {
                throw UserException.unsuitable("feature id '" + id + "' appears more than once in '" + training.name()
                        + "' (the QC report lists duplicated ids); make feature ids unique before training");
            }
        }
    }

    private double[] selectAndImpute(double[] row) {
        double[] out = new double[selected.length];
        for (int k = 0; k < selected.length; k++) {
            double v = row[selected[k]];
            out[k] = Double.isNaN(v) ? imputeMeans[k] : v;
        }
        return out;
    }

    /** Rows of the dataset's values rearranged into the training feature order, matched by id. */
    private double[][] align(Dataset data, double maxImputedFraction, String imputeOption) {
        if (data.featureIds().equals(featureIds)) {
            return data.copyValues();
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = data.featureIds();
        for (int j = 0; j < ids.size(); j++) {
            if (index.put(ids.get(j), j) != null && modelUses(ids.get(j))) {
                throw UserException.unsuitable("feature id '" + ids.get(j) + "' appears more than once in '"
                        + data.name() + "'; the model cannot tell which one to use");
            }
        }
        int[] source = new int[featureIds.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < featureIds.size(); j++) {
            Integer s = index.get(featureIds.get(j));
            if (s == null) {
                missing.add(featureIds.get(j));
                source[j] = -1;
            } else {
                source[j] = s;
            }
        }
        if (!missing.isEmpty()) {
            String first = String.join(", ", missing.subList(0, Math.min(5, missing.size())));
            if (maxImputedFraction < 0) {
                throw UserException.unsuitable("'" + data.name() + "' lacks " + missing.size() + " of the model's "
                        + featureIds.size() + " features (first: " + first + ")"
                        + (imputeOption == null ? "; the model needs the features it was trained on"
                        : "; to fill them with training means, use " + imputeOption));
            }
            if (missing.size() > maxImputedFraction * featureIds.size()) {
                throw UserException.unsuitable("'" + data.name() + "' lacks " + missing.size() + " of the model's "
                        + featureIds.size() + " features (first: " + first + "), more than the "
                        + Canonical.number(maxImputedFraction) + " share that may be imputed: the predictions would rest "
                        + "on training means (see --max-imputed-fraction)");
            }
            Log.warn("imputing " + missing.size() + " of " + featureIds.size()
                    + " model features absent from '" + data.name() + "' with their training means (first: " + first + ")");
        }
        double[][] out = new double[data.sampleCount()][featureIds.size()];
        for (int i = 0; i < out.length; i++) {
            double[] row = data.row(i);
            for (int j = 0; j < source.length; j++) {
                out[i][j] = source[j] < 0 ? rawFeatureMeans[j] : row[source[j]];
            }
        }
        return out;
    }

    private boolean modelUses(String id) {
        if (featureIdSet == null) {
            featureIdSet = new HashSet<>(featureIds);
        }
        return featureIdSet.contains(id);
    }

    /** Training mean of each selected feature (0 when a feature has no value): the imputation values. */
    private static double[] trainingMeans(double[][] x, int[] selected) {
        double[] means = new double[selected.length];
        for (int k = 0; k < selected.length; k++) {
            double sum = 0;
            int n = 0;
            for (double[] row : x) {
                double v = row[selected[k]];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            means[k] = n == 0 ? 0 : sum / n;
        }
        return means;
    }
}
