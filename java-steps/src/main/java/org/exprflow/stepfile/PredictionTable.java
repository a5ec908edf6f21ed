package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.io.Fields;

/**
 * The predictions that a training or prediction step writes and that evaluate gathers. One row per
 * (set, repeat, fold, sample, learner); class probabilities follow in level order.
 *
 * <pre>
 * set  repeat  fold  sample  learner  truth  predicted  prob:ALL  prob:AML
 * cv   1       3     P12     model    AML    AML        0.1       0.9
 * cv   1       3     P12     ZeroR    AML    ALL        0.7       0.3
 * test NA      NA    P40     model    ALL    ALL        0.95      0.05
 * </pre>
 * set is cv (held-out fold of cross-validation), test (independent test samples, scored by the final
 * model) or predict (new samples; truth is their label when the new samples have one, else NA).
 * repeat and fold name a CV fold, so they are NA outside cv (the file holds no fold 0): in a
 * {@link Row} they are then {@link #NO_FOLD}. Files written before that, with 0 there, still read.
 * The learner column keeps the model's rows apart from the ZeroR baseline's (and, for a calibrated
 * model, from {@code model_uncalibrated}); there is no separate baseline file.
 * Rows are always written sorted by (set, repeat, fold, sample, learner), so gathered files are
 * byte-identical whatever order the parallel tasks finished in.
 *
 * <p>Reading validates what evaluate relies on: set is cv, test or predict; truth (unless NA) and
 * predicted are among the classes of the prob: columns; probabilities are numbers; and no
 * (set, repeat, fold, sample, learner) key appears twice, in one file or across merged files (a fold
 * file given twice would otherwise silently double its weight in every metric).
 */
public final class PredictionTable {

    public record Row(String set, int repeat, int fold, String sample, String learner, String truth,
                      String predicted, double[] probabilities) {
    }

    public static final String KIND = "predictions";

    /** repeat and fold of a row outside cv (written as NA): no fold of cross-validation. */
    public static final int NO_FOLD = 0;
    private static final String CV = "cv";

    /** The sets a row may belong to. */
    public static final List<String> SETS = List.of("cv", "test", "predict");

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::set)
            .thenComparingInt(Row::repeat).thenComparingInt(Row::fold)
            .thenComparing(Row::sample).thenComparing(Row::learner);

    private final List<String> levels;
    private final List<Row> rows;

    public PredictionTable(List<String> levels, List<Row> rows) {
        this.levels = List.copyOf(levels);
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        this.rows = List.copyOf(sorted);
    }

    public List<String> levels() {
        return levels;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Rows of one learner (e.g. "model" or "ZeroR") in one set (cv, test or predict). */
    public List<Row> rows(String set, String learner) {
        return rows.stream().filter(r -> r.set().equals(set) && r.learner().equals(learner)).toList();
    }

    /** Concatenates tables with the same class levels (the gather step). */
    public static PredictionTable merge(List<PredictionTable> parts) {
        if (parts.isEmpty()) {
            throw UserException.badParameter("no prediction files to merge");
        }
        List<String> levels = parts.get(0).levels;
        List<Row> all = new ArrayList<>();
        for (PredictionTable p : parts) {
            if (!p.levels.equals(levels)) {
                throw UserException.badParameter("prediction files have different classes: " + levels + " vs " + p.levels);
            }
            all.addAll(p.rows);
        }
        PredictionTable merged = new PredictionTable(levels, all);
        String duplicate = merged.firstDuplicateKey();
        if (duplicate != null) {
            throw new UserException(ExitCode.BAD_INPUT, "prediction " + duplicate
                    + " appears in more than one file (was a fold file given twice?)");
        }
        return merged;
    }

    private static final String PROB = "prob:";

    /** The step-file codec: the seven key and label columns, then one prob:CLASS column per level. */
    public static final StepTable<Row> CODEC = StepTable.<Row>of(KIND, 1,
            List.of("set", "repeat", "fold", "sample", "learner", "truth", "predicted"),
            (r, c) -> {
                c.text(r.set());
                if (r.set().equals(CV)) {
                    c.integer(r.repeat()).integer(r.fold());
                } else {
                    c.text("NA").text("NA");
                }
                c.text(r.sample()).text(r.learner())
                        .text(r.truth() == null ? "NA" : r.truth()).text(r.predicted());
                for (double p : r.probabilities()) {
                    c.number(p);
                }
            },
            PredictionTable::decode)
            .withExtraColumns(c -> c.startsWith(PROB), "prob:<class> columns");

    public void write(Path path) throws IOException {
        CODEC.write(path, levels.stream().map(l -> PROB + l).toList(), rows);
    }

    public static PredictionTable read(Path path) {
        StepTable.Contents<Row> contents = CODEC.read(path);
        List<String> levels = contents.extraColumns(CODEC).stream().map(c -> c.substring(PROB.length())).toList();
        PredictionTable table = new PredictionTable(levels, contents.rows());
        String duplicate = table.firstDuplicateKey();
        if (duplicate != null) {
            throw UserException.badFile(path, "prediction " + duplicate + " appears twice");
        }
        return table;
    }

    /** One row; checks what evaluate relies on (known set, classes among the prob: columns, numeric probabilities). */
    private static Row decode(StepTable.Line line) {
        List<String> header = line.header();
        int first = 7;
        double[] probs = new double[header.size() - first];
        for (int i = 0; i < probs.length; i++) {
            Double v = Fields.parseNumber(line.text(first + i));
            if (v == null) {
                throw line.error("probability '" + line.text(first + i) + "' is not a number");
            }
            probs[i] = v;
        }
        String set = line.text(0);
        if (!SETS.contains(set)) {
            throw line.error("set '" + set + "' is not one of " + SETS);
        }
        int repeat;
        int fold;
        if (!set.equals(CV) && line.text(1).equals("NA") && line.text(2).equals("NA")) {
            repeat = NO_FOLD;
            fold = NO_FOLD;
        } else {
            try {
                repeat = Integer.parseInt(line.text(1));
                fold = Integer.parseInt(line.text(2));
            } catch (NumberFormatException e) {
                throw line.error(set.equals(CV) ? "repeat and fold of a cv row must be integers"
                        : "repeat and fold must both be NA outside cv (or 0, as older files have them)");
            }
        }
        String truth = line.text(5).equals("NA") ? null : line.text(5);
        if (truth != null && !isClass(header, truth)) {
            throw line.error("truth '" + truth + "' is not one of the classes " + classes(header));
        }
        if (!isClass(header, line.text(6))) {
            throw line.error("predicted '" + line.text(6) + "' is not one of the classes " + classes(header));
        }
        return new Row(set, repeat, fold, line.text(3), line.text(4), truth, line.text(6), probs);
    }

    private static boolean isClass(List<String> header, String label) {
        return header.subList(7, header.size()).contains(PROB + label);
    }

    private static List<String> classes(List<String> header) {
        return header.subList(7, header.size()).stream().map(c -> c.substring(PROB.length())).toList();
    }

    /** The first (set/repeat/fold/sample/learner) key that occurs twice, or null when all are unique. */
    private String firstDuplicateKey() {
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            String key = r.set() + "/" + r.repeat() + "/" + r.fold() + "/" + r.sample() + "/" + r.learner();
            if (!seen.add(key)) {
                return key;
            }
        }
        return null;
    }
}
