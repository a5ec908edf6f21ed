package org.exprflow.split;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * The stored split artefact ({@code splits.tsv}): which samples are training and which are an
 * independent test set, and for every repeat of cross-validation the fold in which each training
 * sample is held out. Folds are a file, not a side effect of a seed inside each training task, so
 * every fold task, the final model and the report agree on exactly the same partition.
 *
 * <pre>
 * sample  partition  repeat  fold
 * S01     train      1       3
 * S01     train      2       1
 * S07     test       NA      NA
 * </pre>
 * Rows are sorted by sample id, then repeat.
 */
public final class SplitPlan {
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    /** One row: a training sample's held-out fold in one repeat, or a test sample (repeat = fold = 0). */
    public record Assignment(String sample, String partition, int repeat, int fold) {
    }

    private final List<Assignment> rows;

    public SplitPlan(List<Assignment> rows) {
        List<Assignment> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Assignment::sample).thenComparingInt(Assignment::repeat));
        this.rows = List.copyOf(sorted);
    }

    public List<Assignment> rows() {
        return rows;
    }

    /** Ids of all training-partition samples, sorted. */
    public Set<String> trainingSamples() {
        Set<String> out = new LinkedHashSet<>();
        for (Assignment a : rows) {
            if (a.partition().equals(TRAIN)) {
                out.add(a.sample());
            }
        }
        return out;
    }

    /** Ids of the independent test samples, sorted. */
    public Set<String> testSamples() {
        Set<String> out = new LinkedHashSet<>();
        for (Assignment a : rows) {
            if (a.partition().equals(TEST)) {
                out.add(a.sample());
            }
        }
        return out;
    }

    /** Training samples held out in the given repeat and fold. */
    public Set<String> heldOut(int repeat, int fold) {
        Set<String> out = new LinkedHashSet<>();
        for (Assignment a : rows) {
            if (a.partition().equals(TRAIN) && a.repeat() == repeat && a.fold() == fold) {
                out.add(a.sample());
            }
        }
        return out;
    }

    public int repeats() {
        return rows.stream().mapToInt(Assignment::repeat).max().orElse(0);
    }

    public int folds() {
        return rows.stream().mapToInt(Assignment::fold).max().orElse(0);
    }

    public void write(Path path) throws IOException {
        AtomicOutput.writeText(path, w -> {
            w.write("sample\tpartition\trepeat\tfold\n");
            for (Assignment a : rows) {
                boolean test = a.partition().equals(TEST);
                w.write(a.sample() + "\t" + a.partition() + "\t" + (test ? "NA" : a.repeat()) + "\t"
                        + (test ? "NA" : a.fold()) + "\n");
            }
        });
    }

    public static SplitPlan read(Path path) {
        try (TextInput in = TextInput.open(path)) {
            String header = in.readLine();
            if (header == null) {
                throw UserException.badFile(path, "empty splits file");
            }
            if (!header.equals("sample\tpartition\trepeat\tfold")) {
                throw in.error("not an exprflow splits file (expected header: sample, partition, repeat, fold)");
            }
            List<Assignment> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> f = Fields.split(line, '\t');
                if (f.size() != 4) {
                    throw in.error("expected 4 fields, found " + f.size());
                }
                String partition = f.get(1);
                if (partition.equals(TEST)) {
                    rows.add(new Assignment(f.get(0), TEST, 0, 0));
                } else if (partition.equals(TRAIN)) {
                    try {
                        rows.add(new Assignment(f.get(0), TRAIN, Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3))));
                    } catch (NumberFormatException e) {
                        throw in.error("repeat and fold of a training sample must be integers");
                    }
                } else {
                    throw in.error("partition must be 'train' or 'test', found '" + partition + "'");
                }
            }
            return new SplitPlan(rows);
        }
    }
}
