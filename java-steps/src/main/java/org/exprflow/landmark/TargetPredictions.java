package org.exprflow.landmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

/**
 * Every validation and test prediction of one chunk, in target z-score units beside the measured
 * value: the raw material behind the per-target metrics, for plots and for checks made elsewhere.
 * Written sorted by target, learner, set, then sample in split order (which depends only on sample
 * ids and seed), so the bytes do not depend on how the work was scheduled.
 */
public final class TargetPredictions {
    public static final String HEADER = "target\tlearner\tset\tsample\tmeasured\tpredicted";

    private final List<String> targets;
    private final List<String> sets;
    private final List<List<String>> samples;
    private final List<double[][]> measured;               // per set, [row][target]
    private final TreeMap<String, double[][][]> byLearner; // learner -> [target][set][row]

    private TargetPredictions(Builder b) {
        this.targets = b.targets;
        this.sets = b.sets;
        this.samples = b.samples;
        this.measured = b.measured;
        this.byLearner = b.byLearner;
    }

    public void write(Path path) throws IOException {
        AtomicOutput.writeText(path, w -> {
            w.write(HEADER + "\n");
            StringBuilder sb = new StringBuilder();
            for (int t = 0; t < targets.size(); t++) {
                for (var e : byLearner.entrySet()) {
                    for (int s = 0; s < sets.size(); s++) {
                        double[] predicted = e.getValue()[t][s];
                        for (int i = 0; i < samples.get(s).size(); i++) {
                            sb.setLength(0);
                            sb.append(targets.get(t)).append('\t').append(e.getKey()).append('\t').append(sets.get(s)).append('\t')
                                    .append(samples.get(s).get(i)).append('\t').append(Canonical.number(measured.get(s)[i][t]))
                                    .append('\t').append(Canonical.number(predicted[i])).append('\n');
                            w.write(sb.toString());
                        }
                    }
                }
            }
        });
    }

    /** Collects one learner's predictions at a time. */
    static final class Builder {
        private final List<String> targets;
        private final List<String> sets;
        private final List<List<String>> samples;
        private final List<double[][]> measured;
        private final TreeMap<String, double[][][]> byLearner = new TreeMap<>();

        Builder(List<String> targets, List<String> sets, List<List<String>> samples, List<double[][]> measured) {
            this.targets = List.copyOf(targets);
            this.sets = List.copyOf(sets);
            this.samples = List.copyOf(samples);
            this.measured = new ArrayList<>(measured);
        }

        /** @param predicted [target][set][row] */
        void add(String learner, double[][][] predicted) {
            byLearner.put(learner, predicted);
        }

        TargetPredictions build() {
            return new TargetPredictions(this);
        }
    }
}
