package org.exprflow.landmark;

import java.io.Serializable;

import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.FeatureZScore;
import org.exprflow.normalise.QuantileNormalisation;

/**
 * The D-GEX normalisation, fitted on training samples only and kept with the model so that
 * validation, test and new samples see the training parameters and nothing of themselves:
 * <ol>
 * <li>quantile normalisation of the landmarks alone. A new L1000 sample measures only the
 * landmarks, so the reference distribution must be learned from landmark values; fitting it on all
 * genes would give a transform that cannot be applied to the samples the model is for;</li>
 * <li>per-gene z-scores with training means and SDs, for the landmarks (after step 1) and for the
 * targets (raw: they are outputs, and their scale is what MAE is measured in).</li>
 * </ol>
 * A missing landmark value becomes 0 after step 2, the training mean: the solvers need complete
 * rows and the mean is the only value that uses nothing of the sample itself. Missing target values
 * stay NaN; fitting and metrics leave those samples out for that target.
 */
public final class LandmarkNormaliser implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CrossSampleTransform.Fitted quantile;
    private final CrossSampleTransform.Fitted landmarkZ;
    private final FeatureZScore.FittedZScore targetZ;

    private LandmarkNormaliser(CrossSampleTransform.Fitted quantile, CrossSampleTransform.Fitted landmarkZ,
                               FeatureZScore.FittedZScore targetZ) {
        this.quantile = quantile;
        this.landmarkZ = landmarkZ;
        this.targetZ = targetZ;
    }

    /** The fitted normaliser and the training rows it was fitted on, normalised. */
    public record Fitted(LandmarkNormaliser normaliser, double[][] landmarks, double[][] targets) {
    }

    public static Fitted fit(double[][] trainingLandmarks, double[][] trainingTargets) {
        CrossSampleTransform.Fitted q = new QuantileNormalisation().fit(trainingLandmarks);
        // limma's result on the very rows the target was learned from (ties averaged as limma does).
        double[][] lq = q.applyToTraining(trainingLandmarks);
        CrossSampleTransform.Fitted lz = new FeatureZScore().fit(lq);
        FeatureZScore.FittedZScore tz = (FeatureZScore.FittedZScore) new FeatureZScore().fit(trainingTargets);
        LandmarkNormaliser n = new LandmarkNormaliser(q, lz, tz);
        return new Fitted(n, imputeMean(lz.apply(lq)), tz.apply(trainingTargets));
    }

    /** Landmark rows of other samples (validation, test, new), with the training parameters. */
    public double[][] landmarks(double[][] raw) {
        return imputeMean(landmarkZ.apply(quantile.apply(raw)));
    }

    /** Target rows of other samples, z-scored with the training means and SDs. */
    public double[][] targets(double[][] raw) {
        return targetZ.apply(raw);
    }

    /** Target z-scores (e.g. predictions) back on the training targets' scale, [row][target]. */
    public double[][] targetsToTrainingScale(double[][] z) {
        return targetZ.invert(z);
    }

    private static double[][] imputeMean(double[][] z) {
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                if (Double.isNaN(row[j])) {
                    row[j] = 0.0;
                }
            }
        }
        return z;
    }
}
