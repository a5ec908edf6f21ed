package org.exprflow.evaluate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stats.RocCurve;

/**
 * All classification metrics of one (set, learner): the confusion-matrix metrics (accuracy, balanced
 * accuracy, Gorodkin's R_K, Cohen's kappa, per-class precision, recall and F1; see
 * {@link ConfusionMatrix}) and the probability-based one-vs-rest AUC per class (see
 * {@link RocCurve}) with Weka's weighted AUC. Rows whose truth is NA are not scored.
 *
 * <p>Cross-validation rows of all folds and repeats are pooled into one matrix and one ROC curve per
 * class, as Weka's Evaluation pools the predictions of crossValidateModel.
 */
public final class ClassificationMetrics {
    private final List<String> levels;
    private final ConfusionMatrix confusion;
    private final double[] auc;
    private final long predictions;
    private final long samples;

    private ClassificationMetrics(List<String> levels, ConfusionMatrix confusion, double[] auc, long predictions,
                                  long samples) {
        this.levels = levels;
        this.confusion = confusion;
        this.auc = auc;
        this.predictions = predictions;
        this.samples = samples;
    }

    public static ClassificationMetrics of(List<String> levels, List<PredictionTable.Row> rows) {
        List<PredictionTable.Row> scored = rows.stream().filter(r -> r.truth() != null).toList();
        double[] auc = new double[levels.size()];
        for (int c = 0; c < auc.length; c++) {
            auc[c] = RocCurve.of(levels, scored, c).area();
        }
        Set<String> distinctSamples = new HashSet<>();
        scored.forEach(r -> distinctSamples.add(r.sample()));
        return new ClassificationMetrics(List.copyOf(levels), ConfusionMatrix.of(levels, scored), auc, scored.size(),
                distinctSamples.size());
    }

    public List<String> levels() {
        return levels;
    }

    public ConfusionMatrix confusion() {
        return confusion;
    }

    /** Number of scored rows (a sample counts once per CV repeat). */
    public long predictions() {
        return predictions;
    }

    /** Number of distinct samples among the scored rows. */
    public long samples() {
        return samples;
    }

    public double accuracy() {
        return confusion.accuracy();
    }

    public double balancedAccuracy() {
        return confusion.balancedAccuracy();
    }

    public double mcc() {
        return confusion.mcc();
    }

    public double kappa() {
        return confusion.kappa();
    }

    public double precision(int c) {
        return confusion.precision(c);
    }

    public double recall(int c) {
        return confusion.recall(c);
    }

    public double f1(int c) {
        return confusion.f1(c);
    }

    public long support(int c) {
        return confusion.truthCount(c);
    }

    /** One-vs-rest AUC of the class; NaN when the class is absent from, or is all of, the truth. */
    public double auc(int c) {
        return auc[c];
    }

    /**
     * AUC averaged over classes weighted by their truth counts, as Weka's weightedAreaUnderROC:
     * classes absent from the truth have weight 0 and are skipped, so their NaN AUC does not spread.
     */
    public double weightedAuc() {
        double sum = 0;
        double weight = 0;
        for (int c = 0; c < auc.length; c++) {
            long support = support(c);
            if (support > 0) {
                sum += auc[c] * support;
            }
            weight += support;
        }
        return sum / weight;
    }
}
