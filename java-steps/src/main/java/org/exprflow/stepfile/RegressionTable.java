package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

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

    public void write(Path path) throws IOException {
        AtomicOutput.writeText(path, w -> {
            w.write(HEADER + "\n");
            for (Row r : rows) {
                w.write(r.target() + "\t" + r.set() + "\t" + r.repeat() + "\t" + r.fold() + "\t" + r.sample() + "\t"
                        + r.learner() + "\t" + Canonical.number(r.truth()) + "\t" + Canonical.number(r.predicted()) + "\n");
            }
        });
    }

    public static RegressionTable read(Path path) {
        try (TextInput in = TextInput.open(path)) {
            String header = in.readLine();
            if (header == null || !header.equals(HEADER)) {
                throw UserException.badLine(path, 1, "not an exprflow regression table (header: " + HEADER.replace('\t', ' ') + ")");
            }
            List<Row> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> f = Fields.split(line, '\t');
                if (f.size() != 8) {
                    throw in.error("expected 8 fields, found " + f.size());
                }
                Double truth = Fields.parseNumber(f.get(6));
                Double predicted = Fields.parseNumber(f.get(7));
                if (truth == null || predicted == null) {
                    throw in.error("truth and predicted must be numbers or NA");
                }
                try {
                    rows.add(new Row(f.get(0), f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)), f.get(4),
                            f.get(5), truth, predicted));
                } catch (NumberFormatException e) {
                    throw in.error("repeat and fold must be integers");
                }
            }
            return new RegressionTable(rows);
        }
    }
}
