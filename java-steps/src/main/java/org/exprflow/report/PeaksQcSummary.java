package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Whether a JSON given to {@code --qc} is peaks-qc's rather than {@code exprflow qc}'s: it has the
     * "peaks" and "rna" arrays and none of qc.json's per-sample "samples". Told apart by shape so the
     * pipeline's one REPORT process (and its one QC input) serves the classify and peaks analyses.
     */
    static boolean isPeaksQc(Map<String, Object> json) {
        return json.get("peaks") instanceof List && json.get("rna") instanceof List && !json.containsKey("samples");
    }

    static PeaksQcSummary of(Map<String, Object> json) {
        return new PeaksQcSummary(entries(JsonFile.list(json, "peaks")), entries(JsonFile.list(json, "rna")));
    }

    private static List<Entry> entries(List<Object> list) {
        List<Entry> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> e = JsonFile.object(o);
            Map<String, Double> metrics = new LinkedHashMap<>();
            e.forEach((k, v) -> {
                if (v instanceof Number n) {
                    metrics.put(k, n.doubleValue());
                }
            });
            out.add(new Entry(JsonFile.string(e, "name"), metrics));
        }
        return out;
    }
}
