package org.exprflow.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.io.Canonical;
import org.exprflow.stepfile.ScoreTables;
import org.exprflow.testing.Cli;

/** Runs {@code exprflow score} into an output directory and reads back its metrics table. */
final class ScoreRun {
    final Path out;
    final Cli.Result result;

    private ScoreRun(Path out, Cli.Result result) {
        this.out = out;
        this.result = result;
    }

    /** Runs with all four outputs in {@code out}; {@code args} are the input options. */
    static ScoreRun run(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("--quiet", "score"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--output-tsv", out.resolve("metrics.tsv").toString(),
                "--output-json", out.resolve("metrics.json").toString(),
                "--output-pairs", out.resolve("pairs.tsv").toString(),
                "--output-svg", out.resolve("plot.svg").toString()));
        return new ScoreRun(out, Cli.run(all.toArray(String[]::new)));
    }

    /** metric name to value as written, in file order (read through the step file's codec). */
    Map<String, String> metrics() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ScoreTables.Metric metric : ScoreTables.METRICS.read(out.resolve("metrics.tsv")).rows()) {
            m.put(metric.metric(), Canonical.number(metric.value()));
        }
        return m;
    }

    double metric(String name) {
        String v = metrics().get(name);
        if (v == null) {
            throw new AssertionError("no metric " + name + " in " + metrics());
        }
        return Double.parseDouble(v);
    }

    List<String> lines(String file) {
        try {
            return Files.readAllLines(out.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file in the output directory, hidden temporaries included (for the no-partial-output checks). */
    List<String> files() {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (var s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
