package org.exprflow.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exprflow.stepfile.PredictionTable;

/**
 * One-vs-rest ROC curve of one class: each row's probability of the class is its score, rows whose
 * truth is the class are positives. Rows with tied scores form one threshold step, exactly as in
 * Weka's ThresholdCurve, so the curve has one point per distinct score and a tie contributes a
 * diagonal segment. The area is therefore the Mann-Whitney probability that a random positive
 * scores above a random negative, counting ties as one half, which is what
 * {@code Evaluation.areaUnderROC} reports.
 */
public final class RocCurve {
    /** A point of the curve: false-positive rate, true-positive rate, and the score threshold (≥). */
    public record Point(double falsePositiveRate, double truePositiveRate, double threshold) {
    }

    private final long positives;
    private final long negatives;
    /** Distinct scores in ascending order, with the positives and negatives at each score. */
    private final double[] scores;
    private final long[] positivesAt;
    private final long[] negativesAt;

    private RocCurve(long positives, long negatives, double[] scores, long[] positivesAt, long[] negativesAt) {
        this.positives = positives;
        this.negatives = negatives;
        this.scores = scores;
        this.positivesAt = positivesAt;
        this.negativesAt = negativesAt;
    }

    /** The curve of class {@code classIndex} over the rows with a known truth. */
    public static RocCurve of(List<String> levels, List<PredictionTable.Row> rows, int classIndex) {
        String positiveClass = levels.get(classIndex);
        List<double[]> scored = new ArrayList<>();
        for (PredictionTable.Row r : rows) {
            if (r.truth() != null) {
                scored.add(new double[] {r.probabilities()[classIndex], r.truth().equals(positiveClass) ? 1 : 0});
            }
        }
        double[] score = new double[scored.size()];
        boolean[] positive = new boolean[scored.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = scored.get(i)[0];
            positive[i] = scored.get(i)[1] == 1;
        }
        return of(score, positive);
    }

    /** The curve of arbitrary scores and positive flags (same length). */
    public static RocCurve of(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        List<Double> distinct = new ArrayList<>();
        List<long[]> groups = new ArrayList<>();
        long pos = 0;
        long neg = 0;
        for (int idx : order) {
            if (distinct.isEmpty() || Double.compare(score[idx], distinct.get(distinct.size() - 1)) != 0) {
                distinct.add(score[idx]);
                groups.add(new long[2]);
            }
            long[] g = groups.get(groups.size() - 1);
            if (positive[idx]) {
                g[0]++;
                pos++;
            } else {
                g[1]++;
                neg++;
            }
        }
        double[] s = new double[distinct.size()];
        long[] p = new long[s.length];
        long[] n = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = distinct.get(i);
            p[i] = groups.get(i)[0];
            n[i] = groups.get(i)[1];
        }
        return new RocCurve(pos, neg, s, p, n);
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return negatives;
    }

    /**
     * Area under the curve, NaN when there are no positives or no negatives (as Weka). Summed from
     * the lowest score up, each positive earning the negatives below it plus half the negatives tied
     * with it; the counts are integers, so the result does not depend on summation order.
     */
    public double area() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double area = 0;
        double negativesBelow = 0;
        for (int i = 0; i < scores.length; i++) {
            area += positivesAt[i] * (negativesBelow + 0.5 * negativesAt[i]);
            negativesBelow += negativesAt[i];
        }
        return area / ((double) positives * negatives);
    }

    /**
     * The curve from (0,0) to (1,1): the threshold falls from above the highest score to the lowest,
     * one point per distinct score. Empty when there are no positives or no negatives.
     */
    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        if (positives == 0 || negatives == 0) {
            return out;
        }
        out.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        long tp = 0;
        long fp = 0;
        for (int i = scores.length - 1; i >= 0; i--) {
            tp += positivesAt[i];
            fp += negativesAt[i];
            out.add(new Point((double) fp / negatives, (double) tp / positives, scores[i]));
        }
        return out;
    }
}
