package org.exprflow.evaluate;

import java.util.List;

import org.exprflow.io.Canonical;
import org.exprflow.stats.ReliabilityDiagram;
import org.exprflow.stepfile.MetricsJson;

/**
 * Renders evaluations as the long-format metrics table described in {@link EvaluateCommand}: one
 * value per line, so that sets, learners and classes can be filtered and compared with standard
 * tools without knowing the number of classes in advance.
 */
public final class MetricsTsvWriter {
    public static final String HEADER = "set\tlearner\tmetric\tclass\tvalue";
    private static final String ALL = "all";

    private MetricsTsvWriter() {
    }

    public static String render(List<LearnerEvaluation> evaluations) {
        return render(evaluations, List.of());
    }

    /**
     * With the calibration lines of each (set, learner) after its other lines, and those of the model's
     * uncalibrated probabilities (learner {@link MetricsJson#UNCALIBRATED_LEARNER}) right after the model's.
     */
    public static String render(List<LearnerEvaluation> evaluations, List<CalibrationSummary> calibration) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (LearnerEvaluation e : evaluations) {
            ClassificationMetrics m = e.metrics();
            Lines lines = new Lines(out, e.set(), e.learner());
            lines.add("predictions", ALL, m.predictions());
            lines.add("samples", ALL, m.samples());
            lines.add("accuracy", ALL, m.accuracy());
            lines.add("balanced_accuracy", ALL, m.balancedAccuracy());
            lines.add("mcc", ALL, m.mcc());
            lines.add("kappa", ALL, m.kappa());
            lines.add("auc_weighted", ALL, m.weightedAuc());
            BootstrapInterval ci = e.interval();
            if (ci != null) {
                lines.add("accuracy_ci_low", ALL, ci.accuracyLow());
                lines.add("accuracy_ci_high", ALL, ci.accuracyHigh());
                lines.add("balanced_accuracy_ci_low", ALL, ci.balancedAccuracyLow());
                lines.add("balanced_accuracy_ci_high", ALL, ci.balancedAccuracyHigh());
            }
            if (e.permutations() != null) {
                lines.add("permutations", ALL, e.permutations().count());
                lines.add("permutation_mean_balanced_accuracy", ALL, e.permutations().mean());
                lines.add("permutation_p", ALL, e.permutationP());
                if (e.permutations().repeats() > 0) {
                    lines.add("permutation_repeats", ALL, e.permutations().repeats());
                    lines.add("permutation_observed_balanced_accuracy", ALL, e.permutations().observed());
                }
            }
            CrossValidationSummary cv = e.folds();
            if (cv != null) {
                lines.add("folds", ALL, cv.folds());
                lines.add("fold_accuracy_mean", ALL, cv.accuracy().mean());
                lines.add("fold_accuracy_sd", ALL, cv.accuracy().sd());
                lines.add("fold_balanced_accuracy_mean", ALL, cv.balancedAccuracy().mean());
                lines.add("fold_balanced_accuracy_sd", ALL, cv.balancedAccuracy().sd());
                lines.add("fold_mcc_mean", ALL, cv.mcc().mean());
                lines.add("fold_mcc_sd", ALL, cv.mcc().sd());
                if (cv.repeats().size() > 1) {
                    for (CrossValidationSummary.RepeatMetrics r : cv.repeats()) {
                        lines.add("accuracy_repeat_" + r.repeat(), ALL, r.accuracy());
                        lines.add("balanced_accuracy_repeat_" + r.repeat(), ALL, r.balancedAccuracy());
                    }
                }
            }
            List<String> levels = m.levels();
            for (int c = 0; c < levels.size(); c++) {
                String cls = levels.get(c);
                lines.add("support", cls, m.support(c));
                lines.add("precision", cls, m.precision(c));
                lines.add("recall", cls, m.recall(c));
                lines.add("f1", cls, m.f1(c));
                lines.add("auc", cls, m.auc(c));
            }
            for (int t = 0; t < levels.size(); t++) {
                for (int p = 0; p < levels.size(); p++) {
                    lines.add("confusion", levels.get(t) + ">" + levels.get(p), m.confusion().count(t, p));
                }
            }
            calibrationLines(out, calibration, e.set(), e.learner());
            if (e.learner().equals(MetricsJson.LEARNERS.get(0))) {
                calibrationLines(out, calibration, e.set(), MetricsJson.UNCALIBRATED_LEARNER);
            }
        }
        return out.toString();
    }

    /**
     * brier (class all: multi-class; per class: one-vs-rest), then per class and bin the reliability
     * diagram's reliability_count, reliability_mean_predicted and reliability_observed_frequency, with
     * class {@code <class>:<bin>} (bin 1 is [0, 0.1], bin i is ((i-1)/10, i/10]).
     */
    private static void calibrationLines(StringBuilder out, List<CalibrationSummary> calibration, String set, String learner) {
        for (CalibrationSummary s : calibration) {
            if (!s.set().equals(set) || !s.learner().equals(learner)) {
                continue;
            }
            Lines lines = new Lines(out, set, learner);
            lines.add("brier", ALL, s.brier());
            for (int c = 0; c < s.levels().size(); c++) {
                lines.add("brier", s.levels().get(c), s.brierByClass()[c]);
            }
            for (int c = 0; c < s.levels().size(); c++) {
                for (ReliabilityDiagram.Bin b : s.binsByClass().get(c)) {
                    String bin = s.levels().get(c) + ":" + b.index();
                    lines.add("reliability_count", bin, b.count());
                    lines.add("reliability_mean_predicted", bin, b.meanPredicted());
                    lines.add("reliability_observed_frequency", bin, b.observedFrequency());
                }
            }
        }
    }

    /**
     * The model comparison's lines, appended after the others: set cv, learner "A-B" (the difference
     * A − B: model-ZeroR, candidate1-candidate2, ...; candidates numbered in grid order), class all, and
     * the metrics comparison_folds, comparison_test_train_ratio, comparison_mean_a, comparison_mean_b,
     * comparison_mean_difference, comparison_variance, comparison_corrected_variance, comparison_se,
     * comparison_t, comparison_df, comparison_p, comparison_ci_low, comparison_ci_high.
     */
    public static String renderComparison(ModelComparison comparison) {
        StringBuilder out = new StringBuilder();
        for (ModelComparison.Comparison c : comparison.comparisons()) {
            Lines lines = new Lines(out, "cv", c.a() + "-" + c.b());
            lines.add("comparison_folds", ALL, c.folds());
            lines.add("comparison_test_train_ratio", ALL, c.testTrainRatio());
            lines.add("comparison_mean_a", ALL, c.meanA());
            lines.add("comparison_mean_b", ALL, c.meanB());
            lines.add("comparison_mean_difference", ALL, c.meanDifference());
            lines.add("comparison_variance", ALL, c.variance());
            lines.add("comparison_corrected_variance", ALL, c.correctedVariance());
            lines.add("comparison_se", ALL, c.standardError());
            lines.add("comparison_t", ALL, c.t());
            lines.add("comparison_df", ALL, c.degreesOfFreedom());
            lines.add("comparison_p", ALL, c.p());
            lines.add("comparison_ci_low", ALL, c.ciLow());
            lines.add("comparison_ci_high", ALL, c.ciHigh());
        }
        return out.toString();
    }

    /** Appends lines that share the set and learner columns. */
    private record Lines(StringBuilder out, String set, String learner) {
        void add(String metric, String cls, double value) {
            out.append(set).append('\t').append(learner).append('\t').append(metric).append('\t').append(cls)
                    .append('\t').append(Canonical.number(value)).append('\n');
        }
    }
}
