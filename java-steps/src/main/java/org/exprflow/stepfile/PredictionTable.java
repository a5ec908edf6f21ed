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
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * The predictions that a training or prediction step writes and that evaluate gathers. One row per
 * (set, repeat, fold, sample, learner); class probabilities follow in level order.
 *
 * <pre>
 * set  repeat  fold  sample  learner  truth  predicted  prob:ALL  prob:AML
 * cv   1       3     P12     model    AML    AML        0.1       0.9
 * cv   1       3     P12     ZeroR    AML    ALL        0.7       0.3
 * test 0       0     P40     model    ALL    ALL        0.95      0.05
 * </pre>
 * set is cv (held-out fold of cross-validation), test (independent test samples, scored by the final
 * model) or predict (new samples; truth is NA). repeat and fold are 0 outside cv.
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

    public void write(Path path) throws IOException {
        AtomicOutput.writeText(path, w -> {
            w.write("set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted");
            for (String l : levels) {
                w.write("\tprob:" + l);
            }
            w.write('\n');
            for (Row r : rows) {
                w.write(r.set() + "\t" + r.repeat() + "\t" + r.fold() + "\t" + r.sample() + "\t" + r.learner() + "\t"
                        + (r.truth() == null ? "NA" : r.truth()) + "\t" + r.predicted());
                for (double p : r.probabilities()) {
                    w.write("\t" + Canonical.number(p));
                }
                w.write('\n');
            }
        });
    }

    public static PredictionTable read(Path path) {
        try (TextInput in = TextInput.open(path)) {
            String header = in.readLine();
            if (header == null) {
                throw UserException.badFile(path, "empty predictions file");
            }
            List<String> cols = Fields.split(header, '\t');
            if (cols.size() < 7 || !cols.get(0).equals("set") || !cols.get(6).equals("predicted")) {
                throw in.error("not an exprflow predictions table (header must start with set, repeat, fold, sample, learner, truth, predicted)");
            }
            List<String> levels = new ArrayList<>();
            for (int i = 7; i < cols.size(); i++) {
                if (!cols.get(i).startsWith("prob:")) {
                    throw in.error("column " + (i + 1) + " must be prob:<class>, found '" + cols.get(i) + "'");
                }
                levels.add(cols.get(i).substring(5));
            }
            List<Row> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> f = Fields.split(line, '\t');
                if (f.size() != cols.size()) {
                    throw in.error("expected " + cols.size() + " fields, found " + f.size());
                }
                double[] probs = new double[levels.size()];
                for (int i = 0; i < probs.length; i++) {
                    Double v = Fields.parseNumber(f.get(7 + i));
                    if (v == null) {
                        throw in.error("probability '" + f.get(7 + i) + "' is not a number");
                    }
                    probs[i] = v;
                }
                int repeat;
                int fold;
                try {
                    repeat = Integer.parseInt(f.get(1));
                    fold = Integer.parseInt(f.get(2));
                } catch (NumberFormatException e) {
                    throw in.error("repeat and fold must be integers");
                }
                String set = f.get(0);
                if (!SETS.contains(set)) {
                    throw in.error("set '" + set + "' is not one of " + SETS);
                }
                String truth = f.get(5).equals("NA") ? null : f.get(5);
                if (truth != null && !levels.contains(truth)) {
                    throw in.error("truth '" + truth + "' is not one of the classes " + levels);
                }
                if (!levels.contains(f.get(6))) {
                    throw in.error("predicted '" + f.get(6) + "' is not one of the classes " + levels);
                }
                rows.add(new Row(f.get(0), repeat, fold, f.get(3), f.get(4), truth, f.get(6), probs));
            }
            PredictionTable table = new PredictionTable(levels, rows);
            String duplicate = table.firstDuplicateKey();
            if (duplicate != null) {
                throw UserException.badFile(path, "prediction " + duplicate + " appears twice");
            }
            return table;
        }
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
