package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.QcJson;

/**
 * The parts of qc.json (written by {@code exprflow qc}) that the report shows. Every field is
 * optional: an absent number is NaN, an absent list empty, so the report keeps working while the QC
 * step gains or renames fields.
 */
record QcSummary(String dataset, String scale, List<Sample> samples, Map<String, Double> features,
                 Map<String, Map<String, Double>> classes, List<Check> checks, List<BatchTable> batches) {

    /** The batch × class table of one target, with Cramér's V and the batches that hold one class only. */
    record BatchTable(String target, List<String> batches, List<String> classes, List<double[]> counts, double cramersV,
                      List<String> singleClassBatches) {
    }

    record Sample(String id, double missingFraction, double[] quantiles, double mean, double meanCorrelation,
                  boolean outlier) {
    }

    record Check(String name, String status, double value, double warn, double fail, String message) {
    }

    /** From the parsed qc.json (ReportCommand parses it first, to tell it from a peaks-qc JSON by its kind). */
    static QcSummary of(JsonNode root) {
        List<Sample> samples = new ArrayList<>();
        for (JsonNode s : JsonFile.list(root, QcJson.SAMPLES)) {
            List<JsonNode> q = JsonFile.list(s, QcJson.QUANTILES);
            double[] quantiles = new double[q.size()];
            for (int i = 0; i < quantiles.length; i++) {
                quantiles[i] = JsonFile.number(q.get(i));
            }
            samples.add(new Sample(JsonFile.string(s, QcJson.ID), JsonFile.number(s, QcJson.MISSING_FRACTION), quantiles,
                    JsonFile.number(s, QcJson.MEAN), JsonFile.number(s, QcJson.MEAN_CORRELATION),
                    s.path(QcJson.OUTLIER).booleanValue()));
        }
        // The file's keys are sorted: list the feature counts in the QC step's order, any others after them.
        Map<String, Double> features = new LinkedHashMap<>();
        JsonFile.entries(root.path(QcJson.FEATURES), QcJson.FEATURE_ORDER)
                .forEach(e -> features.put(e.getKey(), JsonFile.number(e.getValue())));
        Map<String, Map<String, Double>> classes = new LinkedHashMap<>();
        JsonFile.entries(root.path(QcJson.CLASSES), List.of()).forEach(target -> {
            Map<String, Double> perLevel = new LinkedHashMap<>();
            JsonFile.entries(target.getValue(), List.of()).forEach(n -> perLevel.put(n.getKey(), JsonFile.number(n.getValue())));
            classes.put(target.getKey(), perLevel);
        });
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : JsonFile.list(root, QcJson.CHECKS)) {
            checks.add(new Check(JsonFile.string(c, QcJson.NAME), JsonFile.string(c, QcJson.STATUS),
                    JsonFile.number(c, QcJson.VALUE), JsonFile.number(c, QcJson.WARN), JsonFile.number(c, QcJson.FAIL),
                    JsonFile.string(c, QcJson.MESSAGE)));
        }
        List<BatchTable> batches = new ArrayList<>();
        JsonFile.entries(root.path(QcJson.BATCHES), List.of()).forEach(e -> {
            JsonNode t = e.getValue();
            List<double[]> counts = new ArrayList<>();
            for (JsonNode row : JsonFile.list(t, QcJson.BATCH_COUNTS)) {
                List<JsonNode> cells = new ArrayList<>();
                row.forEach(cells::add);
                double[] r = new double[cells.size()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = JsonFile.number(cells.get(i));
                }
                counts.add(r);
            }
            batches.add(new BatchTable(e.getKey(), strings(t, QcJson.BATCH_NAMES), strings(t, QcJson.BATCH_CLASSES), counts,
                    JsonFile.number(t, QcJson.CRAMERS_V), strings(t, QcJson.SINGLE_CLASS_BATCHES)));
        });
        return new QcSummary(JsonFile.string(root, QcJson.DATASET), JsonFile.string(root, QcJson.SCALE), samples, features, classes, checks, batches);
    }

    private static List<String> strings(JsonNode node, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : JsonFile.list(node, key)) {
            out.add(n.asText());
        }
        return out;
    }
}
