package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of qc.json (written by {@code exprflow qc}) that the report shows. Every field is
 * optional: an absent number is NaN, an absent list empty, so the report keeps working while the QC
 * step gains or renames fields.
 */
record QcSummary(String dataset, List<Sample> samples, Map<String, Double> features,
                 Map<String, Map<String, Double>> classes, List<Check> checks) {

    record Sample(String id, double missingFraction, double[] quantiles, double mean, double meanCorrelation,
                  boolean outlier) {
    }

    record Check(String name, String status, double value, double warn, double fail, String message) {
    }

    /** From the parsed qc.json (ReportCommand parses it first, to tell it from a peaks-qc JSON). */
    static QcSummary of(Map<String, Object> root) {
        List<Sample> samples = new ArrayList<>();
        for (Object o : JsonFile.list(root, "samples")) {
            Map<String, Object> s = JsonFile.object(o);
            List<Object> q = JsonFile.list(s, "quantiles");
            double[] quantiles = new double[q.size()];
            for (int i = 0; i < quantiles.length; i++) {
                quantiles[i] = JsonFile.number(q.get(i));
            }
            samples.add(new Sample(JsonFile.string(s, "id"), JsonFile.number(s, "missing_fraction"), quantiles,
                    JsonFile.number(s, "mean"), JsonFile.number(s, "mean_correlation"), JsonFile.flag(s, "outlier")));
        }
        Map<String, Double> features = new LinkedHashMap<>();
        JsonFile.object(root, "features").forEach((k, v) -> features.put(k, JsonFile.number(v)));
        Map<String, Map<String, Double>> classes = new LinkedHashMap<>();
        JsonFile.object(root, "classes").forEach((target, counts) -> {
            Map<String, Double> perLevel = new LinkedHashMap<>();
            JsonFile.object(counts).forEach((level, n) -> perLevel.put(level, JsonFile.number(n)));
            classes.put(target, perLevel);
        });
        List<Check> checks = new ArrayList<>();
        for (Object o : JsonFile.list(root, "checks")) {
            Map<String, Object> c = JsonFile.object(o);
            checks.add(new Check(JsonFile.string(c, "name"), JsonFile.string(c, "status"), JsonFile.number(c, "value"),
                    JsonFile.number(c, "warn"), JsonFile.number(c, "fail"), JsonFile.string(c, "message")));
        }
        return new QcSummary(JsonFile.string(root, "dataset"), samples, features, classes, checks);
    }
}
