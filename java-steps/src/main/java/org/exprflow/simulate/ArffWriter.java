package org.exprflow.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.io.AtomicOutput;

/**
 * The layout of the Biolab microarray ARFF files (02_SRBCT.arff etc.): {@code @relation}, one
 * {@code @attribute a<k>_<probe> numeric} per probe (the number prefix keeps names unique and valid),
 * a last nominal {@code a<k>_class} attribute whose single-quoted levels are sorted ignoring case,
 * {@code @data}, then one comma-separated row per sample with the class in single quotes and
 * {@code ?} for missing values. No blank lines, LF line ends, no sample ids (rows follow
 * samplesheet.csv order).
 */
final class ArffWriter {
    static final String FILE_NAME = "data.arff";
    static final String RELATION = "X00_simulated_leukaemia";

    private ArffWriter() {
    }

    static void write(SimulatedStudy study, Path dir) throws IOException {
        List<String> levels = new ArrayList<>(study.classNames());
        levels.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(s -> s));
        AtomicOutput.writeText(dir.resolve(FILE_NAME), out -> {
            out.write("@relation " + RELATION + "\n");
            for (int p = 0; p < study.probeCount(); p++) {
                out.write("@attribute a" + (p + 1) + "_" + study.probeIds().get(p) + " numeric\n");
            }
            out.write("@attribute a" + (study.probeCount() + 1) + "_class {");
            for (int i = 0; i < levels.size(); i++) {
                out.write((i > 0 ? "," : "") + "'" + levels.get(i) + "'");
            }
            out.write("}\n@data\n");
            for (int s = 0; s < study.sampleCount(); s++) {
                for (int p = 0; p < study.probeCount(); p++) {
                    out.write(study.intensityText(s, p, "?"));
                    out.write(',');
                }
                out.write("'" + study.labels().get(s) + "'\n");
            }
        });
    }
}
