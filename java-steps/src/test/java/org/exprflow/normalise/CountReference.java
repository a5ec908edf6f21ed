package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.exprflow.testing.ReferenceR;
import org.exprflow.testing.TestEnvironment;

/**
 * Runs src/test/resources/r/count_normalisation.R (edgeR, DESeq2) on count matrices exchanged
 * through files, and reads the real TCGA-BRCA count matrix. Matrices here are rows = samples; the
 * files are genes x samples, as R has them. Numbers travel with 17 significant digits.
 */
final class CountReference {
    static final String TCGA_COUNTS = "rnaseq/counts/tcga_brca_tumor_vs_normal_counts.tsv.gz";
    static final String TCGA_SAMPLES = "rnaseq/counts/tcga_brca_tumor_vs_normal_samples.tsv.gz";

    private final Path dir;

    CountReference(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Runs the script with the mode and arguments; fails the test with R's log on error. */
    void run(String... args) throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(CountReference.class.getResource("/r/count_normalisation.R").toURI());
        List<String> cmd = new ArrayList<>(ReferenceR.command("--vanilla", script.toString()));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("r-" + args[0] + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(900, TimeUnit.SECONDS), "count_normalisation.R " + args[0] + " timed out");
        assertEquals(0, p.exitValue(), () -> "count_normalisation.R " + args[0] + " failed: " + read(log));
    }

    /** Negative-binomial counts simulated by R (set.seed, rnbinom), rows = samples. */
    double[][] simulate(long seed, int genes, int samples, boolean fractional) throws Exception {
        Path out = dir.resolve("simulated-" + seed + ".tsv");
        if (fractional) {
            run("simulate", Long.toString(seed), Integer.toString(genes), Integer.toString(samples), out.toString(),
                    "fractional");
        } else {
            run("simulate", Long.toString(seed), Integer.toString(genes), Integer.toString(samples), out.toString());
        }
        return readGenesBySamples(out);
    }

    static void writeGenesBySamples(double[][] rows, Path file) throws IOException {
        int genes = rows[0].length;
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < genes; g++) {
            for (int s = 0; s < rows.length; s++) {
                if (s > 0) {
                    sb.append('\t');
                }
                sb.append(Double.toString(rows[s][g]));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static double[][] readGenesBySamples(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int samples = lines.get(0).split("\t").length;
        double[][] rows = new double[samples][lines.size()];
        for (int g = 0; g < lines.size(); g++) {
            String[] cells = lines.get(g).split("\t");
            assertEquals(samples, cells.length, file + " line " + (g + 1));
            for (int s = 0; s < samples; s++) {
                rows[s][g] = cells[s].equals("NA") ? Double.NaN : Double.parseDouble(cells[s]);
            }
        }
        return rows;
    }

    static double[] readVector(Path file) throws IOException {
        return Files.readAllLines(file).stream().mapToDouble(Double::parseDouble).toArray();
    }

    /** The TCGA-BRCA matrix (30,000 genes x 60 samples) as rows = samples, with sample ids and classes. */
    record Tcga(List<String> sampleIds, List<String> geneIds, double[][] rows, List<String> classes,
                List<String> patients) {
    }

    static Tcga tcga() throws IOException {
        Path counts = TestEnvironment.sharedFile(TCGA_COUNTS);
        Path samples = TestEnvironment.sharedFile(TCGA_SAMPLES);
        List<String> lines = gunzipLines(counts);
        String[] header = lines.get(0).split("\t");
        List<String> sampleIds = List.of(header).subList(1, header.length);
        double[][] rows = new double[sampleIds.size()][lines.size() - 1];
        List<String> genes = new ArrayList<>();
        for (int g = 1; g < lines.size(); g++) {
            String[] cells = lines.get(g).split("\t");
            genes.add(cells[0]);
            for (int s = 0; s < sampleIds.size(); s++) {
                rows[s][g - 1] = Double.parseDouble(cells[s + 1]);
            }
        }
        Map<String, String[]> sheet = new HashMap<>();
        List<String> sheetLines = gunzipLines(samples);
        for (String line : sheetLines.subList(1, sheetLines.size())) {
            String[] cells = line.split("\t");
            sheet.put(cells[0], cells);
        }
        List<String> classes = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        for (String id : sampleIds) {
            classes.add(sheet.get(id)[2]);
            patients.add(sheet.get(id)[1]);
        }
        return new Tcga(sampleIds, genes, rows, classes, patients);
    }

    private static List<String> gunzipLines(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    /** |actual - expected| ≤ relTol × max(1, |expected|) everywhere; returns the largest relative difference. */
    static double assertClose(double[][] expected, double[][] actual, double relTol, String what) {
        assertEquals(expected.length, actual.length, what + ": samples");
        double worst = 0;
        for (int s = 0; s < expected.length; s++) {
            assertEquals(expected[s].length, actual[s].length, what + ": genes of sample " + s);
            for (int g = 0; g < expected[s].length; g++) {
                double e = expected[s][g];
                double d = Math.abs(actual[s][g] - e) / Math.max(1, Math.abs(e));
                if (!(d <= relTol)) {
                    throw new AssertionError(what + ": sample " + s + ", gene " + g + ": expected " + e + ", got "
                            + actual[s][g] + " (relative difference " + d + " > " + relTol + ")");
                }
                worst = Math.max(worst, d);
            }
        }
        return worst;
    }

    static double assertClose(double[] expected, double[] actual, double relTol, String what) {
        return assertClose(new double[][] {expected}, new double[][] {actual}, relTol, what);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
