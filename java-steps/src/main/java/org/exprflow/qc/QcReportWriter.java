package org.exprflow.qc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.JsonWriter;

/**
 * Writes QC.tsv (one row per sample) and QC.json (the structure the report step reads):
 * <pre>
 * {"dataset", "samples": [{"id", "missing_fraction", "quantiles": [min, q25, median, q75, max],
 *   "mean", "mean_correlation", "outlier"}], "features": {"count", "constant", "near_constant",
 *   "duplicated_ids"}, "classes": {target: {class: count}},
 *   "checks": [{"name", "status", "value", "warn", "fail", "message"}]}
 * </pre>
 * Numbers go through Canonical.number (NA in the TSV, null in the JSON for NaN).
 */
final class QcReportWriter {
    static final String TSV_HEADER = "sample\tmissing_fraction\tmin\tq25\tmedian\tq75\tmax\tmean\tmean_correlation\toutlier";

    private QcReportWriter() {
    }

    static void writeTsv(QcReport report, Path path) throws IOException {
        AtomicOutput.writeText(path, out -> {
            out.write(TSV_HEADER);
            out.write('\n');
            for (QcReport.SampleRow r : report.samples()) {
                SampleSummary s = r.summary();
                StringBuilder line = new StringBuilder(s.id());
                line.append('\t').append(Canonical.number(s.missingFraction()));
                for (double q : s.quantiles()) {
                    line.append('\t').append(Canonical.number(q));
                }
                line.append('\t').append(Canonical.number(s.mean()));
                line.append('\t').append(Canonical.number(r.meanCorrelation()));
                line.append('\t').append(r.outlier());
                out.write(line.append('\n').toString());
            }
        });
    }

    static void writeJson(QcReport report, Path path) throws IOException {
        JsonWriter json = new JsonWriter().beginObject();
        json.field("dataset", report.dataset());
        json.name("samples").beginArray();
        for (QcReport.SampleRow r : report.samples()) {
            SampleSummary s = r.summary();
            json.beginObject()
                    .field("id", s.id())
                    .field("missing_fraction", s.missingFraction());
            json.name("quantiles").beginArray();
            for (double q : s.quantiles()) {
                json.value(q);
            }
            json.endArray()
                    .field("mean", s.mean())
                    .field("mean_correlation", r.meanCorrelation())
                    .field("outlier", r.outlier())
                    .endObject();
        }
        json.endArray();
        json.name("features").beginObject()
                .field("count", report.features().count())
                .field("constant", report.features().constant())
                .field("near_constant", report.features().nearConstant())
                .field("duplicated_ids", report.features().duplicatedIds())
                .endObject();
        json.name("classes").beginObject();
        for (Map.Entry<String, Map<String, Integer>> target : report.classes().entrySet()) {
            json.name(target.getKey()).beginObject();
            for (Map.Entry<String, Integer> cls : target.getValue().entrySet()) {
                json.field(cls.getKey(), (long) cls.getValue());
            }
            json.endObject();
        }
        json.endObject();
        json.name("checks").beginArray();
        for (QcCheck c : report.checks()) {
            json.beginObject()
                    .field("name", c.name())
                    .field("status", c.status().json())
                    .field("value", c.value())
                    .field("warn", c.warn())
                    .field("fail", c.fail())
                    .field("message", c.message())
                    .endObject();
        }
        json.endArray().endObject();
        AtomicOutput.writeString(path, json.toString());
    }
}
