package org.exprflow.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.stepfile.PredictionTable;

/**
 * Binary-relevance multi-label scoring: each label (target) has its own binary model, scored on its
 * own; overall figures combine the labels' positive-class counts.
 * <ul>
 *   <li>per label: precision, recall and F1 of the positive class;</li>
 *   <li>micro F1: 2·ΣTP / (2·ΣTP + ΣFP + ΣFN), pooling the counts of all labels, so frequent labels
 *       weigh more;</li>
 *   <li>macro F1: the mean of the labels' F1, every label weighing the same (a label whose F1 is
 *       undefined — never present and never predicted — is left out of the mean).</li>
 * </ul>
 */
public final class MultiLabelSummary {
    /** Level names taken as "label present" when --positive-class is not given. */
    static final Set<String> PRESENT = Set.of("1", "yes", "true", "present", "positive", "pos", "y");

    public record LabelCounts(String label, String positive, long tp, long fp, long fn, long tn) {
        public double precision() {
            return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
        }

        public double f1() {
            return 2 * tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
        }
    }

    private final List<LabelCounts> labels;

    private MultiLabelSummary(List<LabelCounts> labels) {
        this.labels = List.copyOf(labels);
    }

    /**
     * @param tables   label name → that label's predictions (already merged over folds)
     * @param set      which set to score (cv or test)
     * @param positive the positive level, or null to recognise 1/yes/true/present
     */
    public static MultiLabelSummary of(Map<String, PredictionTable> tables, String set, String positive) {
        List<LabelCounts> out = new ArrayList<>();
        for (Map.Entry<String, PredictionTable> e : tables.entrySet()) {
            PredictionTable t = e.getValue();
            if (t.levels().size() != 2) {
                throw UserException.unsuitable("label '" + e.getKey() + "' has classes " + t.levels()
                        + "; binary-relevance multi-label scoring needs exactly two classes per label");
            }
            String pos = positiveLevel(e.getKey(), t.levels(), positive);
            long tp = 0;
            long fp = 0;
            long fn = 0;
            long tn = 0;
            for (PredictionTable.Row r : t.rows(set, "model")) {
                if (r.truth() == null) {
                    continue;
                }
                boolean actual = r.truth().equals(pos);
                boolean predicted = r.predicted().equals(pos);
                if (actual && predicted) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (actual) {
                    fn++;
                } else {
                    tn++;
                }
            }
            out.add(new LabelCounts(e.getKey(), pos, tp, fp, fn, tn));
        }
        if (out.isEmpty()) {
            throw UserException.badParameter("no labels to summarise");
        }
        return new MultiLabelSummary(out);
    }

    private static String positiveLevel(String label, List<String> levels, String positive) {
        if (positive != null) {
            if (!levels.contains(positive)) {
                throw UserException.unsuitable("label '" + label + "' has no class '" + positive + "' (classes: " + levels + ")");
            }
            return positive;
        }
        List<String> present = levels.stream().filter(l -> PRESENT.contains(l.toLowerCase(Locale.ROOT))).toList();
        if (present.size() != 1) {
            throw UserException.badParameter("cannot tell which class of label '" + label + "' means present (classes: "
                    + levels + "); give --positive-class");
        }
        return present.get(0);
    }

    public List<LabelCounts> labels() {
        return labels;
    }

    public double microPrecision() {
        long tp = labels.stream().mapToLong(LabelCounts::tp).sum();
        long fp = labels.stream().mapToLong(LabelCounts::fp).sum();
        return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
    }

    public double microRecall() {
        long tp = labels.stream().mapToLong(LabelCounts::tp).sum();
        long fn = labels.stream().mapToLong(LabelCounts::fn).sum();
        return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
    }

    public double microF1() {
        long tp = labels.stream().mapToLong(LabelCounts::tp).sum();
        long fp = labels.stream().mapToLong(LabelCounts::fp).sum();
        long fn = labels.stream().mapToLong(LabelCounts::fn).sum();
        return 2 * tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    public double macroF1() {
        return labels.stream().mapToDouble(LabelCounts::f1).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
