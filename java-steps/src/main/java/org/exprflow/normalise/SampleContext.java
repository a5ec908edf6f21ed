package org.exprflow.normalise;

/**
 * What a cross-sample transform may know about the rows it is fitted on or applied to, besides
 * their values. Class labels are given only for training rows (a transform applied to held-out or
 * new rows must never see theirs); the batch of each row is known wherever the samplesheet has a
 * batch column, held-out rows included.
 *
 * @param classOf each row's class index (0-based) for training rows, else null
 * @param classCount the number of classes when classOf is given, else 0
 * @param batches each row's batch, or null when the data has no batch column
 */
public record SampleContext(int[] classOf, int classCount, String[] batches) {
    /** Nothing known besides the values. */
    public static final SampleContext NONE = new SampleContext(null, 0, null);
}
