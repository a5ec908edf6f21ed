package org.exprflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.exprflow.ingest.TranscriptQuantReader.Layout;
import org.exprflow.ingest.TranscriptQuantReader.TranscriptQuant;
import org.exprflow.io.TextInput;
import org.exprflow.testing.ReferenceR;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tximport (Java) against R's tximport, run live (scripts/reference-rscript): gene-level counts for
 * countsFromAbundance "no", "scaledTPM" and "lengthScaledTPM", abundance and length, on the real
 * GEUVADIS salmon quant.sf (one sample, 200,401 transcripts) and on the simulated salmon and kallisto
 * study of test-data/counts (several samples, where the length-scaled counts and the replacement of
 * 0/0 lengths are not trivial).
 *
 * <p>Tolerance: relative difference at most 1e-9 (|java - R| <= 1e-9 * |R|, with an absolute floor
 * of 1e-12 for values at zero). The sums run in the same order; R's colSums accumulates in long
 * double, which accounts for the last bits.
 */
@Tag("realdata")
class TximportRTest {
    static final double RELATIVE_TOLERANCE = 1e-9;
    static final double ABSOLUTE_FLOOR = 1e-12;

    @TempDir
    Path tmp;

    @Test
    void realSalmonQuantSfEqualsTximport() throws Exception {
        Path quant = TestEnvironment.sharedFile("rnaseq/formats/salmon_ERR188021_quant.sf.gz");
        Path tx2gene = tx2geneFromRsem(TestEnvironment.sharedFile("rnaseq/formats/rsem_ERR188021.genes.results.gz"));
        double worst = compare("salmon", Layout.SALMON, tx2gene, List.of(quant));
        System.err.println("tximport real quant.sf: max relative difference " + worst);
    }

    @Test
    void simulatedSalmonStudyEqualsTximport() throws Exception {
        Path dir = TestEnvironment.projectDir().resolve("test-data/counts");
        List<Path> files = new ArrayList<>();
        for (int s = 1; s <= 8; s++) {
            files.add(dir.resolve(String.format("salmon/S%02d/quant.sf.gz", s)));
        }
        double worst = compare("salmon", Layout.SALMON, dir.resolve("tx2gene.tsv"), files);
        System.err.println("tximport simulated salmon, 8 samples: max relative difference " + worst);
    }

    @Test
    void simulatedKallistoStudyWithUnexpressedGenesEqualsTximport() throws Exception {
        // the salmon files rewritten in kallisto's layout, with one gene's transcripts at zero in all
        // samples (its length is then the mean transcript length) and another's in two samples (the
        // geometric mean of its other samples' lengths): tximport's two replacement rules
        Path dir = TestEnvironment.projectDir().resolve("test-data/counts");
        List<Path> files = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            Path out = tmp.resolve("S" + s + "_abundance.tsv");
            try (TextInput in = TextInput.open(dir.resolve(String.format("salmon/S%02d/quant.sf.gz", s)));
                 BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                in.readLine();
                w.write("target_id\tlength\teff_length\test_counts\ttpm\n");
                String line;
                int row = 0;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split("\t");
                    row++;
                    // rows 1-4: the 4 transcripts of ENSGSIM000001; rows 5-6: the 2 of ENSGSIM000002
                    boolean zero = row <= 4 || (row <= 6 && s <= 2);
                    w.write(f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + (zero ? "0" : f[4]) + "\t" + (zero ? "0" : f[3]) + "\n");
                }
            }
            files.add(out);
        }
        double worst = compare("kallisto", Layout.KALLISTO, dir.resolve("tx2gene.tsv"), files);
        System.err.println("tximport simulated kallisto, 5 samples: max relative difference " + worst);
    }

    /** Runs both on the files; returns the largest relative difference seen. */
    private double compare(String type, Layout layout, Path tx2gene, List<Path> files) throws Exception {
        List<TranscriptQuant> quants = new ArrayList<>();
        for (Path f : files) {
            quants.add(TranscriptQuantReader.read(f, layout));
        }
        Tx2Gene map = Tx2Gene.read(tx2gene);
        Path out = Files.createDirectories(tmp.resolve("r-" + type + files.size()));
        runR(type, tx2gene, out, files);
        double worst = 0;
        for (Tximport.CountsFromAbundance cfa : Tximport.CountsFromAbundance.values()) {
            Tximport.Result r = Tximport.summarise(quants, map, cfa, 0.05);
            worst = Math.max(worst, compareMatrix(r.geneIds(), r.counts(), out.resolve(cfa.rName + ".counts.tsv"),
                    type + " counts " + cfa.rName));
            if (cfa == Tximport.CountsFromAbundance.NO) {
                worst = Math.max(worst, compareMatrix(r.geneIds(), r.abundance(), out.resolve("abundance.tsv"), type + " abundance"));
                worst = Math.max(worst, compareMatrix(r.geneIds(), r.length(), out.resolve("length.tsv"), type + " length"));
            }
        }
        return worst;
    }

    private static double compareMatrix(List<String> genes, double[][] ours, Path rFile, String what) throws IOException {
        Map<String, double[]> reference = new HashMap<>();
        List<String> lines = Files.readAllLines(rFile);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) {
                v[i - 1] = Double.parseDouble(f[i]);
            }
            reference.put(f[0], v);
        }
        assertEquals(reference.size(), genes.size(), what + ": gene count");
        double worst = 0;
        for (int g = 0; g < genes.size(); g++) {
            double[] ref = reference.get(genes.get(g));
            assertTrue(ref != null, what + ": gene " + genes.get(g) + " not in R's result");
            for (int s = 0; s < ours.length; s++) {
                double diff = Math.abs(ours[s][g] - ref[s]);
                assertTrue(diff <= RELATIVE_TOLERANCE * Math.abs(ref[s]) + ABSOLUTE_FLOOR,
                        what + ", gene " + genes.get(g) + ", sample " + (s + 1) + ": java " + ours[s][g] + ", R " + ref[s]);
                if (ref[s] != 0) {
                    worst = Math.max(worst, diff / Math.abs(ref[s]));
                }
            }
        }
        return worst;
    }

    /** transcript -> gene from RSEM's transcript_id(s) column, as SOURCES.md suggests. */
    static Path tx2geneFromRsem(Path rsem) throws IOException {
        Path out = Files.createTempFile("tx2gene", ".tsv");
        out.toFile().deleteOnExit();
        try (TextInput in = TextInput.open(rsem); BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            in.readLine();
            w.write("tx\tgene\n");
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                for (String tx : f[1].split(",")) {
                    w.write(tx + "\t" + f[0] + "\n");
                }
            }
        }
        return out;
    }

    private void runR(String type, Path tx2gene, Path outDir, List<Path> files)
            throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(TximportRTest.class.getResource("/r/tximport_summarise.R").toURI());
        List<String> cmd = new ArrayList<>(ReferenceR.command("--vanilla", script.toString(), type, tx2gene.toString(),
                outDir.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Path log = outDir.resolve("r.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "tximport timed out");
        assertEquals(0, p.exitValue(), () -> "tximport failed: " + readQuietly(log));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
