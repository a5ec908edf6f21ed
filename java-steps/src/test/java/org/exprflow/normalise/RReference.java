package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.exprflow.testing.ReferenceR;

/**
 * Runs the R reference scripts under src/test/resources/r on matrices exchanged through temporary
 * files. Matrices here are in exprflow's orientation (rows = samples); the files are in R's
 * (rows = genes, columns = samples), so they are transposed on the way in and out. Numbers are
 * written with Double.toString, which round-trips every double.
 */
final class RReference {
    private final Path dir;

    RReference(Path tempDir) {
        this.dir = tempDir;
    }

    /** limma::normalizeQuantiles(t(rows), ties = TRUE), returned as rows = samples. */
    double[][] limmaNormalizeQuantiles(double[][] rows) throws Exception {
        Path in = dir.resolve("limma-in.tsv");
        Path out = dir.resolve("limma-out.tsv");
        writeGenesBySamples(rows, in);
        run("limma_normalize_quantiles.R", in, out);
        return readGenesBySamples(out, rows.length, rows[0].length);
    }

    /** preprocessCore::normalize.quantiles.use.target(t(rows), target), returned as rows = samples. */
    double[][] useTarget(double[][] rows, double[] target) throws Exception {
        Path in = dir.resolve("target-in.tsv");
        Path t = dir.resolve("target.txt");
        Path out = dir.resolve("target-out.tsv");
        writeGenesBySamples(rows, in);
        StringBuilder sb = new StringBuilder();
        for (double x : target) {
            sb.append(Double.toString(x)).append('\n');
        }
        Files.writeString(t, sb.toString());
        run("preprocesscore_use_target.R", in, t, out);
        return readGenesBySamples(out, rows.length, rows[0].length);
    }

    /**
     * sva::ComBat(t(train), batches, mod = NULL, par.prior, mean.only) as rows = samples, and the held-out
     * rows adjusted with sva's estimates (see sva_combat.R), for each form {parPrior, meanOnly}: one
     * {training, held-out} pair per form, from one R start.
     */
    List<double[][][]> svaComBat(double[][] train, String[] batches, double[][] held, String[] heldBatches,
                                 List<boolean[]> forms) throws Exception {
        Path in = dir.resolve("combat-in.tsv");
        Path b = dir.resolve("combat-batches.txt");
        Path hin = dir.resolve("combat-held.tsv");
        Path hb = dir.resolve("combat-held-batches.txt");
        Path prefix = dir.resolve("combat-out");
        writeGenesBySamples(train, in);
        writeGenesBySamples(held, hin);
        Files.writeString(b, String.join("\n", batches) + "\n");
        Files.writeString(hb, String.join("\n", heldBatches) + "\n");
        List<String> spec = new ArrayList<>();
        for (boolean[] f : forms) {
            spec.add((f[0] ? "TRUE" : "FALSE") + ":" + (f[1] ? "TRUE" : "FALSE"));
        }
        run("sva_combat.R", in, b, hin, hb, Path.of(String.join(",", spec)), prefix);
        List<double[][][]> out = new ArrayList<>();
        for (int k = 1; k <= forms.size(); k++) {
            out.add(new double[][][] {
                readGenesBySamples(dir.resolve("combat-out." + k + ".train.tsv"), train.length, train[0].length),
                readGenesBySamples(dir.resolve("combat-out." + k + ".held.tsv"), held.length, held[0].length)});
        }
        return out;
    }

    private void run(String script, Path... args) throws IOException, InterruptedException, URISyntaxException {
        Path scriptPath = Path.of(RReference.class.getResource("/r/" + script).toURI());
        List<String> cmd = new ArrayList<>(ReferenceR.command("--vanilla", scriptPath.toString()));
        for (Path a : args) {
            cmd.add(a.toString());
        }
        Path log = dir.resolve(script + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script + " timed out");
        assertEquals(0, p.exitValue(), () -> script + " failed: " + readQuietly(log));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void writeGenesBySamples(double[][] rows, Path file) throws IOException {
        int samples = rows.length;
        int genes = rows[0].length;
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < genes; g++) {
            for (int s = 0; s < samples; s++) {
                if (s > 0) {
                    sb.append('\t');
                }
                double x = rows[s][g];
                sb.append(Double.isNaN(x) ? "NA" : Double.toString(x));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static double[][] readGenesBySamples(Path file, int samples, int genes) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals(genes, lines.size(), "R wrote " + lines.size() + " genes");
        double[][] rows = new double[samples][genes];
        for (int g = 0; g < genes; g++) {
            String[] cells = lines.get(g).split("\t");
            assertEquals(samples, cells.length, "R wrote " + cells.length + " samples on line " + (g + 1));
            for (int s = 0; s < samples; s++) {
                rows[s][g] = cells[s].equals("NA") ? Double.NaN : Double.parseDouble(cells[s]);
            }
        }
        return rows;
    }

    /** Asserts equal shape, NA in the same places, and values within tol. */
    static void assertMatrixEquals(double[][] expected, double[][] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": samples");
        for (int s = 0; s < expected.length; s++) {
            assertEquals(expected[s].length, actual[s].length, what + ": features of sample " + s);
            for (int f = 0; f < expected[s].length; f++) {
                double e = expected[s][f];
                double a = actual[s][f];
                String where = what + ": sample " + s + ", feature " + f;
                if (Double.isNaN(e)) {
                    assertTrue(Double.isNaN(a), where + ": expected NA, got " + a);
                } else {
                    assertEquals(e, a, tol, where);
                }
            }
        }
    }
}
