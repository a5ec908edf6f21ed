package org.exprflow.stepfile;

import java.util.List;

/**
 * The two tables of the score step: its metrics ({@code <id>.score.tsv}, kind {@code score-metrics}:
 * one row per number, always the same rows in the same order) and the joined pairs behind its
 * scatter plot (kind {@code score-pairs}, sorted by id). The step renders both to text and writes
 * them with its other outputs.
 */
public final class ScoreTables {
    public record Metric(String metric, double value) {
    }

    public record Pair(String id, double measured, double predicted) {
    }

    public static final StepTable<Metric> METRICS = StepTable.of("score-metrics", 1, List.of("metric", "value"),
            (r, c) -> c.text(r.metric()).number(r.value()),
            line -> new Metric(line.text(0), line.number(1)));

    public static final StepTable<Pair> PAIRS = StepTable.of("score-pairs", 1, List.of("id", "measured", "predicted"),
            (r, c) -> c.text(r.id()).number(r.measured()).number(r.predicted()),
            line -> new Pair(line.text(0), line.number(1), line.number(2)));

    private ScoreTables() {
    }
}
