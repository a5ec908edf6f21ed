package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


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
 * Rows are sorted by sample id, then repeat. The file is a {@link StepTable} of kind {@code splits}.
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

    /** The step-file codec; a test sample's repeat and fold are written NA and read as 0. */
    public static final StepTable<Assignment> CODEC = StepTable.of("splits", 1, List.of("sample", "partition", "repeat", "fold"),
            (a, c) -> {
                boolean test = a.partition().equals(TEST);
                c.text(a.sample()).text(a.partition());
                if (test) {
                    c.text("NA").text("NA");
                } else {
                    c.integer(a.repeat()).integer(a.fold());
                }
            },
            SplitPlan::decode);

    public void write(Path path) throws IOException {
        CODEC.write(path, rows);
    }

    public static SplitPlan read(Path path) {
        return new SplitPlan(CODEC.read(path).rows());
    }

    private static Assignment decode(StepTable.Line line) {
        String partition = line.text(1);
        if (partition.equals(TEST)) {
            return new Assignment(line.text(0), TEST, 0, 0);
        }
        if (!partition.equals(TRAIN)) {
            throw line.error("partition must be 'train' or 'test', found '" + partition + "'");
        }
        try {
            return new Assignment(line.text(0), TRAIN, Integer.parseInt(line.text(2)), Integer.parseInt(line.text(3)));
        } catch (NumberFormatException e) {
            throw line.error("repeat and fold of a training sample must be integers");
        }
    }
}
