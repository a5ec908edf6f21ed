package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluate's genes table ({@code --output-genes}, kind {@code genes}, published as
 * {@code metrics/<id>.genes.tsv}): one row per feature that any outer-CV fold model selected, with
 * its gene symbol, how many folds selected it, its mean rank in those folds' training rankings, and
 * its class means on each fold's training samples, averaged over the folds that selected it. The
 * direction of change is {@code difference} for the {@code contrast} named: for two classes the second
 * level minus the first ({@code AML-ALL}), for more the class with the highest mean minus the mean of
 * the other classes' means ({@code EWS-rest}). {@code importance} is the permutation importance
 * (drop in balanced accuracy) on each fold's held-out samples, averaged over the folds that selected
 * the feature. Rows are sorted by folds (most first), then mean rank,
 * then id.
 *
 * <pre>
 * ## exprflow genes 1
 * feature    symbol  folds  fraction  mean_rank  contrast  difference  importance  mean:ALL  mean:AML
 * M27891_at  CST3    5      1         1.4        AML-ALL   2.1         0.02        9.8       11.9
 * </pre>
 * A missing symbol is NA.
 */
public final class GeneTable {
    public static final String KIND = "genes";
    private static final String MEAN = "mean:";

    public record Row(String feature, String symbol, int folds, double fraction, double meanRank, String contrast,
                      double difference, double importance, double[] classMeans) {
    }

    private static final StepTable<Row> CODEC = StepTable.of(KIND, 1,
            List.of("feature", "symbol", "folds", "fraction", "mean_rank", "contrast", "difference", "importance"),
            GeneTable::encode, GeneTable::decode).withExtraColumns(c -> c.startsWith(MEAN), "mean:<class> columns");

    private GeneTable() {
    }

    /** Writes the rows in the order given (the caller sorts them). */
    public static void write(Path path, List<String> classes, List<Row> rows) throws IOException {
        CODEC.write(path, classes.stream().map(c -> MEAN + c).toList(), rows);
    }

    /** The text of the table, for tests and for a step that writes several outputs together. */
    public static String render(List<String> classes, List<Row> rows) {
        return CODEC.render(classes.stream().map(c -> MEAN + c).toList(), rows);
    }

    public static List<Row> read(Path path) {
        return CODEC.read(path).rows();
    }

    private static void encode(Row r, StepTable.Cells c) {
        c.text(r.feature()).text(r.symbol() == null ? "NA" : r.symbol()).integer(r.folds()).number(r.fraction())
                .number(r.meanRank()).text(r.contrast()).number(r.difference())
                .number(r.importance());
        for (double m : r.classMeans()) {
            c.number(m);
        }
    }

    private static Row decode(StepTable.Line line) {
        List<Double> means = new ArrayList<>();
        for (int k = 8; k < line.size(); k++) {
            means.add(line.number(k));
        }
        String symbol = line.text(1).equals("NA") ? null : line.text(1);
        return new Row(line.text(0), symbol, line.integer(2), line.number(3), line.number(4), line.text(5),
                line.number(6), line.number(7), means.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
