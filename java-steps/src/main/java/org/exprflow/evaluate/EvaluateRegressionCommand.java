package org.exprflow.evaluate;

import static org.exprflow.stepfile.RegressionMetricsJson.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.JsonOutput;
import org.exprflow.stepfile.StepJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exprflow.stats.RegressionMetrics;
import org.exprflow.stepfile.RegressionTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Gathers regression tables (one per task) and scores each (set, learner): per target, and overall
 * as pooled metrics over all rows plus the mean and median of the per-target Pearson r.
 *
 * <p>TSV {@code set learner target metric value}: per target n, pearson, spearman, rmse, mae, r2;
 * with target {@code all}: the pooled n, pearson, spearman, rmse, mae, r2, and targets,
 * pearson_mean, pearson_median over targets. Sets and learners in name order. JSON: the same,
 * {"sets": {set: {learner: {"overall": {...}, "targets": {target: {...}}}}}}.
 */
@Command(name = "evaluate-regression", mixinStandardHelpOptions = true,
        description = "Merge regression tables and compute Pearson, Spearman, RMSE, MAE and R2 per target and overall, "
                + "model beside the training-mean baseline.")
public final class EvaluateRegressionCommand extends StepCommand {

    @Option(names = "--predictions", required = true, arity = "1..*", description = "Regression tables from 'exprflow regress'.")
    List<Path> predictions;

    @Option(names = "--output-tsv", required = true, description = "Long-format metrics table.")
    Path outputTsv;

    @Option(names = "--output-json", required = true, description = "Structured metrics.")
    Path outputJson;

    @Option(names = "--output-predictions", description = "The merged regression table (for plots).")
    Path outputPredictions;

    @Override
    protected void execute() throws Exception {
        List<RegressionTable> parts = new ArrayList<>();
        for (Path p : predictions) {
            parts.add(RegressionTable.read(p));
        }
        RegressionTable merged = RegressionTable.merge(parts);
        // set -> learner -> target -> rows
        Map<String, Map<String, Map<String, List<RegressionTable.Row>>>> groups = new TreeMap<>();
        for (RegressionTable.Row r : merged.rows()) {
            groups.computeIfAbsent(r.set(), k -> new TreeMap<>()).computeIfAbsent(r.learner(), k -> new TreeMap<>())
                    .computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder tsv = new StringBuilder("set\tlearner\ttarget\tmetric\tvalue\n");
        ObjectNode json = StepJson.REGRESSION_METRICS.newDocument();
        ObjectNode sets = json.putObject(SETS);
        for (var set : groups.entrySet()) {
            ObjectNode setJson = sets.putObject(set.getKey());
            for (var learner : set.getValue().entrySet()) {
                List<RegressionTable.Row> all = new ArrayList<>();
                List<Double> perTargetR = new ArrayList<>();
                Map<String, RegressionMetrics> perTarget = new TreeMap<>();
                for (var target : learner.getValue().entrySet()) {
                    RegressionMetrics m = metrics(target.getValue());
                    perTarget.put(target.getKey(), m);
                    all.addAll(target.getValue());
                    if (!Double.isNaN(m.pearson())) {
                        perTargetR.add(m.pearson());
                    }
                }
                RegressionMetrics pooled = metrics(all);
                String prefix = set.getKey() + "\t" + learner.getKey() + "\t";
                append(tsv, prefix + "all\t", pooled);
                tsv.append(prefix).append("all\ttargets\t").append(perTarget.size()).append('\n');
                double mean = perTargetR.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double median = median(perTargetR);
                tsv.append(prefix).append("all\tpearson_mean\t").append(Canonical.number(mean)).append('\n');
                tsv.append(prefix).append("all\tpearson_median\t").append(Canonical.number(median)).append('\n');
                ObjectNode learnerJson = setJson.putObject(learner.getKey());
                write(learnerJson.putObject(OVERALL), pooled)
                        .put(TARGETS, perTarget.size()).put(PEARSON_MEAN, mean).put(PEARSON_MEDIAN, median);
                ObjectNode targets = learnerJson.putObject(TARGETS);
                for (var t : perTarget.entrySet()) {
                    append(tsv, prefix + t.getKey() + "\t", t.getValue());
                    write(targets.putObject(t.getKey()), t.getValue());
                }
                if (learner.getKey().equals(MODEL)) {
                    Log.info(set.getKey() + ": pooled r " + Canonical.number(pooled.pearson()) + " over " + perTarget.size()
                            + " target(s), " + pooled.n() + " rows");
                }
            }
        }
        AtomicOutput.writeString(outputTsv, tsv.toString());
        JsonOutput.write(outputJson, json);
        if (outputPredictions != null) {
            merged.write(outputPredictions);
        }
    }

    private static RegressionMetrics metrics(List<RegressionTable.Row> rows) {
        double[] y = rows.stream().mapToDouble(RegressionTable.Row::truth).toArray();
        double[] p = rows.stream().mapToDouble(RegressionTable.Row::predicted).toArray();
        return RegressionMetrics.of(y, p);
    }

    private static void append(StringBuilder tsv, String prefix, RegressionMetrics m) {
        tsv.append(prefix).append("n\t").append(m.n()).append('\n');
        tsv.append(prefix).append("pearson\t").append(Canonical.number(m.pearson())).append('\n');
        tsv.append(prefix).append("spearman\t").append(Canonical.number(m.spearman())).append('\n');
        tsv.append(prefix).append("rmse\t").append(Canonical.number(m.rmse())).append('\n');
        tsv.append(prefix).append("mae\t").append(Canonical.number(m.mae())).append('\n');
        tsv.append(prefix).append("r2\t").append(Canonical.number(m.r2())).append('\n');
    }

    /** Puts the metrics into {@code json} and returns it, for the caller to add more. */
    private static ObjectNode write(ObjectNode json, RegressionMetrics m) {
        return json.put(N, m.n()).put(PEARSON, m.pearson()).put(SPEARMAN, m.spearman())
                .put(RMSE, m.rmse()).put(MAE, m.mae()).put(R2, m.r2());
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
