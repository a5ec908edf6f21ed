package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;


/**
 * Predictions of numeric targets, long format, one row per (target, set, repeat, fold, sample,
 * learner); always written sorted in that order so gathered files do not depend on task order.
 *
 * <pre>
 * target  set   repeat  fold  sample           learner  truth  predicted
 * expr    test  0       0     ENSG00000000003  model    3.12   2.87
 * expr    test  0       0     ENSG00000000003  mean     3.12   2.05
 * </pre>
 * set is cv, test (held-out partition) or transfer:NAME (another dataset, e.g. another tissue);
 * learner is model or mean (the training mean: the baseline). truth is NA when unknown.
 */
public final class RegressionTable {
    public static final String KIND = "regression-predictions";
    public static final String HEADER = "target\tset\trepeat\tfold\tsample\tlearner\ttruth\tpredicted";

    public record Row(String target, String set, int repeat, int fold, String sample, String learner, double truth,
                      double predicted) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::target).thenComparing(Row::set)
            .thenComparingInt(Row::repeat).thenComparingInt(Row::fold).thenComparing(Row::sample)
            .thenComparing(Row::learner);

    private final List<Row> rows;

    public RegressionTable(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        this.rows = List.copyOf(sorted);
    }

    public List<Row> rows() {
        return rows;
    }

    public static RegressionTable merge(List<RegressionTable> parts) {
        List<Row> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.rows));
        return new RegressionTable(all);
    }

    /** The step-file codec; truth and predicted are numbers or NA. */
    public static final StepTable<Row> CODEC = StepTable.of(KIND, 1,
            List.of(HEADER.split("\t")),
            (r, c) -> c.text(r.target()).text(r.set()).integer(r.repeat()).integer(r.fold()).text(r.sample())
                    .text(r.learner()).number(r.truth()).number(r.predicted()),
            line -> new Row(line.text(0), line.text(1), line.integer(2), line.integer(3), line.text(4), line.text(5),
                    line.number(6), line.number(7)));

    public void write(Path path) throws IOException {
        CODEC.write(path, rows);
    }

    public static RegressionTable read(Path path) {
        return new RegressionTable(CODEC.read(path).rows());
    }
}
