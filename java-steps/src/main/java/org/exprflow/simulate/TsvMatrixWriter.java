package org.exprflow.simulate;

import java.io.IOException;
import java.nio.file.Path;

import org.exprflow.io.AtomicOutput;

/**
 * The generic layout: matrix.tsv with probes as rows and samples as columns (header
 * {@code probe<TAB><sample>...}, "NA" for missing values, as R's write.table), and samplesheet.csv
 * with one row per sample: {@code sample,label,batch,group,split}. group is the patient (shared by
 * the two samples of paired patients, for grouped CV); split is train or test.
 */
final class TsvMatrixWriter {
    static final String FILE_NAME = "matrix.tsv";
    static final String SAMPLESHEET_FILE_NAME = "samplesheet.csv";

    private TsvMatrixWriter() {
    }

    static void write(SimulatedStudy study, Path dir) throws IOException {
        AtomicOutput.writeText(dir.resolve(FILE_NAME), out -> {
            out.write("probe");
            for (String id : study.sampleIds()) {
                out.write('\t');
                out.write(id);
            }
            out.write('\n');
            for (int p = 0; p < study.probeCount(); p++) {
                out.write(study.probeIds().get(p));
                for (int s = 0; s < study.sampleCount(); s++) {
                    out.write('\t');
                    out.write(study.intensityText(s, p, "NA"));
                }
                out.write('\n');
            }
        });
    }

    /** The samplesheet describes every format's samples (row k = sample k of cumida, golub, arff). */
    static void writeSamplesheet(SimulatedStudy study, Path dir) throws IOException {
        AtomicOutput.writeText(dir.resolve(SAMPLESHEET_FILE_NAME), out -> {
            out.write("sample,label,batch,group,split\n");
            for (int s = 0; s < study.sampleCount(); s++) {
                out.write(String.join(",", study.sampleIds().get(s), study.labels().get(s), study.batches().get(s),
                        study.patients().get(s), study.splits().get(s)));
                out.write('\n');
            }
        });
    }
}
