package org.exprflow.simulate;

import java.io.IOException;
import java.nio.file.Path;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

/**
 * CuMiDa layout (the Curated Microarray Database's CSV files): one row per sample, columns
 * {@code samples,type,<probe>...}; the samples column holds sample numbers, type holds the class,
 * and the values are on the log2 scale, as CuMiDa publishes RMA-normalised data (log2 of the
 * intensities the other formats carry, rounded to 6 decimals to keep the file small). Missing values are
 * empty cells (pandas' to_csv, which CuMiDa's files come from). Sample k is row k of samplesheet.csv.
 *
 * <p>Written row by row, so 57 samples x 22,283 probes take seconds.
 */
final class CumidaCsvWriter {
    static final String FILE_NAME = "cumida.csv";
    private static final double LN2 = StrictMath.log(2);

    private CumidaCsvWriter() {
    }

    static void write(SimulatedStudy study, Path dir) throws IOException {
        AtomicOutput.writeText(dir.resolve(FILE_NAME), out -> {
            out.write("samples,type");
            for (String probe : study.probeIds()) {
                out.write(',');
                out.write(probe);
            }
            out.write('\n');
            for (int s = 0; s < study.sampleCount(); s++) {
                out.write(Integer.toString(s + 1));
                out.write(',');
                out.write(study.labels().get(s));
                for (int p = 0; p < study.probeCount(); p++) {
                    out.write(',');
                    double v = study.intensity(s, p);
                    if (!Double.isNaN(v)) {
                        out.write(Canonical.number(Math.round(StrictMath.log(v) / LN2 * 1e6) / 1e6));
                    }
                }
                out.write('\n');
            }
        });
    }
}
