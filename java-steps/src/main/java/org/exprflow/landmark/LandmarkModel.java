package org.exprflow.landmark;

import java.io.Serializable;
import java.util.List;

import org.exprflow.data.FeatureIdType;

/**
 * The fitted landmark-to-target model of one chunk of targets, as saved by {@code landmark-fit
 * --output-model} and applied to new samples by {@code landmark-predict}: the D-GEX normaliser
 * fitted on the training samples (quantile reference of the landmarks, landmark and target means
 * and SDs), one learner's fitted models for the chunk's targets, and the ids both are keyed by.
 * Everything a new L1000 sample needs is here; nothing of it depends on the validation or test
 * samples.
 *
 * @param idType           the id type of {@code landmarkIds} and {@code targetIds}
 * @param landmarkIds      the landmarks in the column order the model reads them
 * @param targetIds        the chunk's targets, in the order of {@code fitted}
 * @param learner          the learner's command-line spelling (e.g. {@code ridge:10})
 * @param trainingSamples  the training samples' ids, sorted: models of different chunks belong
 *                         together only when these (and the landmarks) are the same
 * @param chunk            the chunk, K/N
 * @param exprflowVersion  the version that fitted it
 */
public record LandmarkModel(FeatureIdType idType, List<String> landmarkIds, List<String> targetIds, String learner,
                            List<String> trainingSamples, String chunk, String exprflowVersion,
                            LandmarkNormaliser normaliser, FittedTargets fitted) implements Serializable {
    private static final long serialVersionUID = 1L;

    public LandmarkModel {
        landmarkIds = List.copyOf(landmarkIds);
        targetIds = List.copyOf(targetIds);
        trainingSamples = List.copyOf(trainingSamples);
        if (fitted.targets() != targetIds.size()) {
            throw new IllegalArgumentException(fitted.targets() + " fitted targets for " + targetIds.size() + " target ids");
        }
    }

    /**
     * Predicted targets of new samples from their raw landmark values ([sample][landmark], in
     * {@link #landmarkIds} order, on the scale the training data had before normalisation).
     *
     * @return [sample][target], in target z-score units of the training samples
     */
    public double[][] predictZ(double[][] rawLandmarks) {
        double[][] byTarget = fitted.predict(normaliser.landmarks(rawLandmarks));
        double[][] out = new double[rawLandmarks.length][targetIds.size()];
        for (int t = 0; t < byTarget.length; t++) {
            for (int i = 0; i < rawLandmarks.length; i++) {
                out[i][t] = byTarget[t][i];
            }
        }
        return out;
    }

    /** As {@link #predictZ}, back on the training targets' scale (z · SD + mean). */
    public double[][] predictExpression(double[][] rawLandmarks) {
        return normaliser.targetsToTrainingScale(predictZ(rawLandmarks));
    }
}
