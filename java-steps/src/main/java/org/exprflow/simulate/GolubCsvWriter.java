package org.exprflow.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

/**
 * The layout of Golub et al.'s ALL/AML tables (data_set_ALL_AML_train.csv): CRLF line ends, header
 * {@code Gene Description,Gene Accession Number,<patient>,call,<patient>,call,...}, probes as rows,
 * integer signals each followed by its A/M/P call, descriptions CSV-quoted when they hold a comma or
 * a quote. Patients are numbered 1..n in samplesheet.csv order but, as in the original files, the
 * columns are not in patient order. The labels go to golub_labels.csv ({@code patient,cancer}, LF
 * line ends and a trailing empty line, like actual.csv). Missing values are empty cells with call A.
 */
final class GolubCsvWriter {
    static final String FILE_NAME = "golub.csv";
    static final String LABELS_FILE_NAME = "golub_labels.csv";

    private GolubCsvWriter() {
    }

    static void write(SimulatedStudy study, Path dir, long seed) throws IOException {
        int[] columnOrder = scrambledPatientOrder(study.sampleCount(), seed);
        AtomicOutput.writeText(dir.resolve(FILE_NAME), out -> {
            out.write("Gene Description,Gene Accession Number");
            for (int s : columnOrder) {
                out.write(',');
                out.write(Integer.toString(s + 1));
                out.write(",call");
            }
            out.write("\r\n");
            for (int p = 0; p < study.probeCount(); p++) {
                String id = study.probeIds().get(p);
                out.write(csvField(description(id, p)));
                out.write(',');
                out.write(id);
                for (int s : columnOrder) {
                    double v = study.intensity(s, p);
                    out.write(',');
                    out.write(Double.isNaN(v) ? "" : Canonical.number(Math.round(v)));
                    out.write(',');
                    // The original tables have no missing values; an NA cell keeps a call ("A": nothing
                    // detected) so that every value/call pair stays well formed.
                    out.write(Double.isNaN(v) ? "A" : GeoSampleMetadata.detectionCall(v));
                }
                out.write("\r\n");
            }
        });
        AtomicOutput.writeText(dir.resolve(LABELS_FILE_NAME), out -> {
            out.write("patient,cancer\n");
            for (int s = 0; s < study.sampleCount(); s++) {
                out.write((s + 1) + "," + study.labels().get(s) + "\n");
            }
            out.write("\n");
        });
    }

    /**
     * Golub's descriptions: "(endogenous control)" for AFFX probes, GenBank definitions otherwise;
     * some hold commas or double quotes, which real readers must handle.
     */
    private static String description(String id, int p) {
        if (AffymetrixProbeIds.isControl(id)) {
            return id + " (endogenous control)";
        }
        if (p % 250 == 7) {
            return "SIMULATED TRANSCRIPT \"" + (char) ('A' + p % 26) + " FORM\" PRECURSOR " + p;
        }
        if (p % 50 == 3) {
            return "GB DEF = Simulated transcript " + p + ", alternatively spliced";
        }
        return "GB DEF = Simulated transcript " + p;
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A seeded permutation of the patients; its own stream, so it does not shift the study's values. */
    private static int[] scrambledPatientOrder(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x601B_0B1999L);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int j = n - 1; j > 0; j--) {
            int k = random.nextInt(j + 1);
            int t = order[j];
            order[j] = order[k];
            order[k] = t;
        }
        return order;
    }
}
