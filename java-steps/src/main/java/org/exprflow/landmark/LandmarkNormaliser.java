package org.exprflow.landmark;

import java.io.Serializable;
import java.util.List;

import org.exprflow.model.FeaturePipeline;
import org.exprflow.normalise.FeatureZScore;
import org.exprflow.normalise.QuantileNormalisation;

/**
 * The D-GEX normalisation, fitted on training samples only and kept with the model so that
 * validation, test and new samples see the training parameters and nothing of themselves:
 * <ol>
 * <li>the landmarks go through the shared {@link FeaturePipeline} (every landmark kept):
 * quantile normalisation of the landmarks alone, then per-landmark z-scores with training means
 * and SDs, then NAs filled with the training mean of the z-scores (0 up to rounding). A new L1000
 * sample measures only the landmarks, so the quantile reference must be learned from landmark
 * values; fitting it on all genes would give a transform that cannot be applied to the samples the
 * model is for. The solvers need complete rows, and the mean uses nothing of the sample itself;</li>
 * <li>the targets (the learner head's outputs) get per-gene z-scores with training means and SDs,
 * raw: their scale is what MAE is measured in. Missing target values stay NaN; fitting and metrics
 * leave those samples out for that target.</li>
 * </ol>
 */
public final class LandmarkNormaliser implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The landmark front: D-GEX quantile-normalises, then z-scores the landmarks. */
    static final List<String> LANDMARK_TRANSFORMS = List.of(QuantileNormalisation.NAME, FeatureZScore.NAME);

    private final FeaturePipeline landmarkFront;
    private final FeatureZScore.FittedZScore targetZ;

    private LandmarkNormaliser(FeaturePipeline landmarkFront, FeatureZScore.FittedZScore targetZ) {
        this.landmarkFront = landmarkFront;
        this.targetZ = targetZ;
    }

    /** The fitted normaliser and the training rows it was fitted on, normalised. */
    public record Fitted(LandmarkNormaliser normaliser, double[][] landmarks, double[][] targets) {
    }

    /**
     * @param landmarkIds the landmarks, in the column order of the landmark rows
     */
    public static Fitted fit(List<String> landmarkIds, double[][] trainingLandmarks, double[][] trainingTargets) {
        FeaturePipeline.Fit front = FeaturePipeline.fitAllFeatures(landmarkIds, trainingLandmarks, LANDMARK_TRANSFORMS);
        FeatureZScore.FittedZScore tz = (FeatureZScore.FittedZScore) new FeatureZScore().fit(trainingTargets);
        return new Fitted(new LandmarkNormaliser(front.pipeline(), tz), front.trainingRows(), tz.apply(trainingTargets));
    }

    /** What the normaliser learned from the training samples, one line per part (exprflow inspect). */
    public List<String> describe() {
        List<String> out = new java.util.ArrayList<>();
        List<String> front = landmarkFront.describeTransforms();
        for (int i = 0; i < front.size(); i++) {
            out.add("landmarks, " + LANDMARK_TRANSFORMS.get(i) + ": " + front.get(i));
        }
        out.add("targets, zscore: " + targetZ.describe());
        return out;
    }

    /** Landmark rows of other samples (validation, test, new), with the training parameters. */
    public double[][] landmarks(double[][] raw) {
        return landmarkFront.applyMatched(raw);
    }

    /** Target rows of other samples, z-scored with the training means and SDs. */
    public double[][] targets(double[][] raw) {
        return targetZ.apply(raw);
    }

    /** Target z-scores (e.g. predictions) back on the training targets' scale, [row][target]. */
    public double[][] targetsToTrainingScale(double[][] z) {
        return targetZ.invert(z);
    }
}
