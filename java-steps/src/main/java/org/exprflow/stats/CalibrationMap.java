package org.exprflow.stats;

import java.io.Serializable;

/**
 * A fitted monotone map from a classifier's probability of one class to a calibrated probability
 * ({@link PlattScaling}, {@link IsotonicCalibration}). Serializable: it travels inside the saved model.
 */
public interface CalibrationMap extends Serializable {
    double apply(double score);

    /** The fitted parameters in one line, for the model's metadata. */
    String describe();
}
