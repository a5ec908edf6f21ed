package org.exprflow.landmark;

import java.io.Serializable;

/**
 * One learner's fitted models for every target of a chunk, ready to predict normalised landmark
 * rows (z-scores of the training fit). Serializable: it travels inside {@link LandmarkModel}.
 */
public interface FittedTargets extends Serializable {
    int targets();

    /** Predictions in target z-score units, [target][row]. */
    double[][] predict(double[][] landmarkRows);

    /** What was fitted, in one short line for {@code exprflow inspect}. */
    default String describe() {
        return "one model per target";
    }
}
