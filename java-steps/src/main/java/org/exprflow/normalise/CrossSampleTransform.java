package org.exprflow.normalise;

import java.io.Serializable;

/**
 * A normalisation whose parameters are learned from several samples (quantile targets, feature
 * means and SDs). To keep cross-validation honest it is fitted on the training samples of a fold
 * only, stored inside the saved model, and then applied unchanged to held-out or new samples.
 *
 * <p>Rows are samples, columns are features, NaN is NA. Implementations never modify their input.
 */
public interface CrossSampleTransform extends Serializable {

    /** Short stable name used on the command line and in model metadata, e.g. "quantile". */
    String name();

    /** Learns the parameters from training rows and returns the fitted transform. */
    Fitted fit(double[][] trainingRows);

    /**
     * Learns the parameters from training rows that come with their classes and batches. Transforms
     * that need neither (the default) ignore the context.
     */
    default Fitted fit(double[][] trainingRows, SampleContext training) {
        return fit(trainingRows);
    }

    /**
     * True only for a transform that depends on nothing but the sample it transforms (per-sample
     * standardisation): fitting learns nothing from the training rows and its {@link Fitted} is
     * {@link Fitted#perSample()}. Train and permute apply such a transform, when it leads the chain, once
     * to every sample of the input instead of inside every fold ({@code model.PerSampleRows}); a
     * transform that learns anything from other samples (quantile, zscore, ComBat, count transforms)
     * must say false, the default, so that it stays fitted on each fold's training rows.
     */
    default boolean perSample() {
        return false;
    }

    /** A transform with its learned parameters. Serializable so that it travels inside the model. */
    interface Fitted extends Serializable {
        /** Transforms rows (of any samples) using only the learned parameters. */
        double[][] apply(double[][] rows);

        /**
         * Transforms the very rows the parameters were learned from. Usually the same as apply();
         * quantile normalisation overrides it to give exactly limma's normalizeQuantiles result.
         */
        default double[][] applyToTraining(double[][] trainingRows) {
            return apply(trainingRows);
        }

        /** Transforms rows whose batches are known (never their classes); the default ignores them. */
        default double[][] apply(double[][] rows, SampleContext samples) {
            return apply(rows);
        }

        /** Transforms the training rows with their context; the default ignores it. */
        default double[][] applyToTraining(double[][] trainingRows, SampleContext training) {
            return applyToTraining(trainingRows);
        }

        /**
         * True only when this fitted transform learned nothing from the training rows and transforms each
         * row on its own: row i of {@code apply(rows)} depends on {@code rows[i]} alone, is the same
         * whichever other rows come with it, whichever samples the transform was fitted on, with or
         * without a context, and equals {@code applyToTraining}'s; every column is kept. A row's result
         * may then be computed once and reused in every fold. The default is false.
         */
        default boolean perSample() {
            return false;
        }

        /**
         * The input columns the output keeps, in order, for a transform that drops features (a
         * low-count filter); null, the default, when every column is kept.
         */
        default int[] keptColumns() {
            return null;
        }

        /**
         * What was learned from the training samples, in one short line for {@code exprflow inspect}
         * (e.g. "mean and SD of 7129 features"); the default says only that something was.
         */
        default String describe() {
            return "parameters learned from the training samples";
        }
    }
}
