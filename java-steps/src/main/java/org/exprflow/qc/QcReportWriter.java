package org.exprflow.qc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.JsonOutput;
import org.exprflow.stepfile.QcJson;
import org.exprflow.stepfile.StepJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes QC.tsv (one row per sample) and QC.json (the structure the report step reads, described
 * in {@link QcJson}).
 * Numbers go through Canonical.number (NA in the TSV, null in the JSON for NaN).
 */
final class QcReportWriter {
    static final String TSV_HEADER = "sample\tmissing_fraction\tmin\tq25\tmedian\tq75\tmax\tmean\tmean_correlation\toutlier";
    /** Columns added for a count dataset. */
    static final String TSV_COUNT_COLUMNS = "\tlibrary_size\tzero_fraction\tdetected_genes";

    private QcReportWriter() {
    }

    static void writeTsv(QcReport report, Path path) throws IOException {
        AtomicOutput.writeText(path, out -> {
            out.write(TSV_HEADER);
            if (report.counts() != null) {
                out.write(TSV_COUNT_COLUMNS);
            }
            out.write('\n');
            for (int i = 0; i < report.samples().size(); i++) {
                QcReport.SampleRow r = report.samples().get(i);
                SampleSummary s = r.summary();
                StringBuilder line = new StringBuilder(s.id());
                line.append('\t').append(Canonical.number(s.missingFraction()));
                for (double q : s.quantiles()) {
                    line.append('\t').append(Canonical.number(q));
                }
                line.append('\t').append(Canonical.number(s.mean()));
                line.append('\t').append(Canonical.number(r.meanCorrelation()));
                line.append('\t').append(r.outlier());
                if (report.counts() != null) {
                    CountSummary c = report.counts().get(i);
                    line.append('\t').append(Canonical.number(c.librarySize()))
                            .append('\t').append(Canonical.number(c.zeroFraction()))
                            .append('\t').append(c.detected());
                }
                out.write(line.append('\n').toString());
            }
        });
    }

    static void writeJson(QcReport report, Path path) throws IOException {
        ObjectNode json = StepJson.QC.newDocument();
        json.put(QcJson.DATASET, report.dataset());
        json.put(QcJson.SCALE, report.counts() != null ? QcJson.COUNTS : report.log2Scale() ? QcJson.LINEAR : QcJson.LOG);
        ArrayNode samples = json.putArray(QcJson.SAMPLES);
        for (int i = 0; i < report.samples().size(); i++) {
            QcReport.SampleRow r = report.samples().get(i);
            SampleSummary s = r.summary();
            ObjectNode sample = samples.addObject()
                    .put(QcJson.ID, s.id())
                    .put(QcJson.MISSING_FRACTION, s.missingFraction());
            ArrayNode quantiles = sample.putArray(QcJson.QUANTILES);
            for (double q : s.quantiles()) {
                quantiles.add(q);
            }
            sample.put(QcJson.MEAN, s.mean())
                    .put(QcJson.MEAN_CORRELATION, r.meanCorrelation())
                    .put(QcJson.OUTLIER, r.outlier());
            if (report.counts() != null) {
                CountSummary c = report.counts().get(i);
                sample.put(QcJson.LIBRARY_SIZE, c.librarySize())
                        .put(QcJson.ZERO_FRACTION, c.zeroFraction())
                        .put(QcJson.DETECTED_GENES, (long) c.detected());
            }
        }
        json.putObject(QcJson.FEATURES)
                .put(QcJson.COUNT, (long) report.features().count())
                .put(QcJson.CONSTANT, (long) report.features().constant())
                .put(QcJson.NEAR_CONSTANT, (long) report.features().nearConstant())
                .put(QcJson.DUPLICATED_IDS, (long) report.features().duplicatedIds());
        ObjectNode classes = json.putObject(QcJson.CLASSES);
        for (Map.Entry<String, Map<String, Integer>> target : report.classes().entrySet()) {
            ObjectNode counts = classes.putObject(target.getKey());
            target.getValue().forEach((cls, n) -> counts.put(cls, (long) n));
        }
        if (!report.batches().isEmpty()) {
            ObjectNode batches = json.putObject(QcJson.BATCHES);
            for (BatchConfounding b : report.batches()) {
                ObjectNode table = batches.putObject(b.target());
                ArrayNode names = table.putArray(QcJson.BATCH_NAMES);
                b.batches().forEach(names::add);
                ArrayNode classNames = table.putArray(QcJson.BATCH_CLASSES);
                b.classes().forEach(classNames::add);
                ArrayNode counts = table.putArray(QcJson.BATCH_COUNTS);
                for (int[] row : b.counts()) {
                    ArrayNode r = counts.addArray();
                    for (int n : row) {
                        r.add((long) n);
                    }
                }
                table.put(QcJson.CRAMERS_V, b.cramersV());
                ArrayNode single = table.putArray(QcJson.SINGLE_CLASS_BATCHES);
                b.singleClassBatches().forEach(single::add);
            }
        }
        ArrayNode checks = json.putArray(QcJson.CHECKS);
        for (QcCheck c : report.checks()) {
            checks.addObject()
                    .put(QcJson.NAME, c.name())
                    .put(QcJson.STATUS, c.status().json())
                    .put(QcJson.VALUE, c.value())
                    .put(QcJson.WARN, c.warn())
                    .put(QcJson.FAIL, c.fail())
                    .put(QcJson.MESSAGE, c.message());
        }
        JsonOutput.write(path, json);
    }
}
