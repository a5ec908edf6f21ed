package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.PeaksQcJson;

/**
 * The JSON of {@code exprflow peaks-qc}: one entry per peak file ({@code "peaks"}) and per RNA file
 * ({@code "rna"}), each a name and flat numeric metrics (peaks, unknown_contig, score_q25, tpm_median,
 * ...). Kept as name-to-number maps rather than fixed fields, so the report shows what the step wrote
 * and prints NA for a metric it did not write (e.g. the TSS fraction without --annotation).
 */
record PeaksQcSummary(List<Entry> peaks, List<Entry> rna) {

    /** One file's metrics; a metric absent from the JSON reads as NaN. */
    record Entry(String name, Map<String, Double> metrics) {
        double get(String metric) {
            return metrics.getOrDefault(metric, Double.NaN);
        }

        /** The five box-plot quantiles of {@code prefix} (q05, q25, median, q75, q95). */
        double[] box(String prefix) {
            return new double[] {get(prefix + "_q05"), get(prefix + "_q25"), get(prefix + "_median"),
                get(prefix + "_q75"), get(prefix + "_q95")};
        }
    }

    static PeaksQcSummary of(JsonNode json) {
        return new PeaksQcSummary(entries(JsonFile.list(json, PeaksQcJson.PEAKS)), entries(JsonFile.list(json, PeaksQcJson.RNA)));
    }

    private static List<Entry> entries(List<JsonNode> list) {
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : list) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            JsonFile.entries(e, List.of()).forEach(m -> {
                if (m.getValue().isNumber()) {
                    metrics.put(m.getKey(), m.getValue().doubleValue());
                }
            });
            out.add(new Entry(JsonFile.string(e, PeaksQcJson.NAME), metrics));
        }
        return out;
    }
}
