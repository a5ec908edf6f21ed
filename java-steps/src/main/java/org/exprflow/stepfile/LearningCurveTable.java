package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The held-out predictions of one outer CV fold whose model was trained on a fraction of the fold's
 * training samples (a point of the learning curve), written by {@code train --train-fraction} and
 * read by {@code evaluate --learning-curve} (kind {@code learning-curve}). Only the model's
 * predictions: the ZeroR line of the curve comes from the main cross-validation.
 *
 * <pre>
 * fraction  repeat  fold  training_samples  sample  truth  predicted
 * 0.5       1       2     19                P12     AML    AML
 * </pre>
 * training_samples is the size of the subset the fold's model was trained on. Rows are sorted by
 * (fraction, repeat, fold, sample). Reading checks that the fraction is in (0, 1], that no
 * (fraction, repeat, fold, sample) key appears twice, and that one (fraction, repeat, fold) has one
 * training size.
 */
public final class LearningCurveTable {
    public static final String KIND = "learning-curve";

    public record Row(double fraction, int repeat, int fold, int trainingSamples, String sample, String truth,
                      String predicted) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparingDouble(Row::fraction)
            .thenComparingInt(Row::repeat).thenComparingInt(Row::fold).thenComparing(Row::sample);

    public static final StepTable<Row> CODEC = StepTable.of(KIND, 1,
            List.of("fraction", "repeat", "fold", "training_samples", "sample", "truth", "predicted"),
            (r, c) -> c.number(r.fraction()).integer(r.repeat()).integer(r.fold()).integer(r.trainingSamples())
                    .text(r.sample()).text(r.truth()).text(r.predicted()),
            LearningCurveTable::decode);

    private LearningCurveTable() {
    }

    public static void write(Path path, List<Row> rows) throws IOException {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        CODEC.write(path, sorted);
    }

    /** The rows of one file, checked (see the class comment). */
    public static List<Row> read(Path path) {
        Set<String> keys = new HashSet<>();
        java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
        return CODEC.read(path, line -> {
            Row r = decode(line);
            String fold = r.fraction() + "/" + r.repeat() + "/" + r.fold();
            if (!keys.add(fold + "/" + r.sample())) {
                throw line.error("sample " + r.sample() + " appears twice for fraction " + line.text(0) + ", repeat "
                        + r.repeat() + ", fold " + r.fold());
            }
            Integer size = sizes.putIfAbsent(fold, r.trainingSamples());
            if (size != null && size != r.trainingSamples()) {
                throw line.error("training_samples " + r.trainingSamples() + " differs from " + size
                        + " on an earlier line of the same fraction, repeat and fold");
            }
            return r;
        }).rows();
    }

    private static Row decode(StepTable.Line line) {
        double fraction = line.number(0);
        if (!(fraction > 0 && fraction <= 1)) {
            throw line.error("fraction must be above 0 and at most 1, found '" + line.text(0) + "'");
        }
        int trainingSamples = line.integer(3);
        if (trainingSamples < 1) {
            throw line.error("training_samples must be positive, found " + trainingSamples);
        }
        if (line.text(5).equals("NA")) {
            throw line.error("truth is NA: a learning-curve row is a held-out CV sample, which has a label");
        }
        return new Row(fraction, line.integer(1), line.integer(2), trainingSamples, line.text(4), line.text(5),
                line.text(6));
    }
}
