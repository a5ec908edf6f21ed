package org.exprflow.simulate;

import java.io.IOException;
import java.nio.file.Path;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

/**
 * truth.tsv: what was planted, so tests can check that feature selection finds the differential
 * probes and QC finds the degraded array. Columns {@code kind id class log2_fold_change}:
 * one {@code differential} row per planted probe (the class it marks and its log2 fold change
 * against the other classes, before per-sample signature strength), then one {@code outlier} row
 * naming the degraded sample (class = its label, fold change NA).
 */
final class TruthTableWriter {
    static final String FILE_NAME = "truth.tsv";

    private TruthTableWriter() {
    }

    static void write(SimulatedStudy study, Path dir) throws IOException {
        AtomicOutput.writeText(dir.resolve(FILE_NAME), out -> {
            out.write("kind\tid\tclass\tlog2_fold_change\n");
            for (SimulatedStudy.DifferentialProbe d : study.differential()) {
                out.write("differential\t" + study.probeIds().get(d.probe()) + "\t" + d.className() + "\t"
                        + Canonical.number(d.log2FoldChange()) + "\n");
            }
            int o = study.outlierSample();
            out.write("outlier\t" + study.sampleIds().get(o) + "\t" + study.labels().get(o) + "\tNA\n");
        });
    }
}
