package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.io.TextInput;
import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance on the real ENCODE / EN-TEx files (shared/data): genome-wide 1 kb counts of all 8 peak
 * files equal bedtools'; the real RNA formats parse; design (b) builds colon and stomach datasets
 * with identical columns and a biologically sane signal.
 */
@Tag("realdata")
class PeaksRealDataTest {
    private static final String[] PEAK_FILES = {
        "encode/atac/ENCFF287UHP.sigmoid_colon.ATAC.peaks_outside_genes.bed.gz",
        "encode/atac/ENCFF762IFP.stomach.ATAC.peaks_outside_genes.bed.gz",
        "encode/chipseq/ENCFF668DFB.bed.gz", "encode/chipseq/ENCFF502IJF.bed.gz",
        "encode/chipseq/ENCFF872UHN.bed.gz", "encode/chipseq/ENCFF977LBD.bed.gz",
        "encode/chipseq/ENCFF477DXO.bed.gz", "encode/chipseq/ENCFF979WAV.bed.gz",
    };

    @Test
    void genomeWideOneKbCountsOfAllEightFilesEqualBedtools(@TempDir Path tmp) throws Exception {
        TestEnvironment.tool("bedtools");
        Path sizes = TestEnvironment.sharedFile("annotation/hg38.chrom.sizes");
        List<String> args = new ArrayList<>(List.of("--quiet", "bin", "--chrom-sizes", sizes.toString(), "--bin-size", "1000",
                "--unknown-contigs", "skip", "--output", tmp.resolve("bins.tsv.gz").toString(), "--peaks"));
        List<Path> files = new ArrayList<>();
        for (String f : PEAK_FILES) {
            files.add(TestEnvironment.sharedFile(f));
            args.add(files.get(files.size() - 1).toString());
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        Map<String, Map<String, Double>> ours = Bedtools.readBinTable(tmp.resolve("bins.tsv.gz"));

        Path windows = tmp.resolve("windows.bed");
        Bedtools.run(windows, "makewindows", "-g", sizes.toString(), "-w", "1000");
        ChromosomeSizes genome = ChromosomeSizes.read(sizes);
        for (Path file : files) {
            Path kept = keepKnownContigsSorted(file, genome, tmp.resolve("peaks.bed"));
            Path counts = tmp.resolve("counts.bed");
            Bedtools.run(counts, "intersect", "-a", windows.toString(), "-b", kept.toString(), "-c", "-sorted", "-g", sizes.toString());
            Map<String, Double> expected = Bedtools.readWindows(counts, 3);
            String sample = PeakReader.sampleName(file);
            assertTrue(expected.size() > 5000, sample);
            assertEquals(expected, ours.get(sample), "1 kb counts of " + sample);
        }
    }

    /** The bedtools side: peaks on contigs of the sizes file only, in its order, then by start. */
    private static Path keepKnownContigsSorted(Path file, ChromosomeSizes genome, Path out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (TextInput in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                if (genome.resolve(f[0]) >= 0) {
                    rows.add(f);
                }
            }
        }
        rows.sort(Comparator.<String[]>comparingInt(f -> genome.resolve(f[0])).thenComparingInt(f -> Integer.parseInt(f[1])));
        StringBuilder text = new StringBuilder();
        for (String[] f : rows) {
            text.append(String.join("\t", f)).append('\n');
        }
        return Files.writeString(out, text);
    }

    @Test
    void realRnaFormatsParse() {
        RnaQuantification full = RnaQuantificationReader.read(TestEnvironment.sharedFile("encode/rnaseq/q1_data.tsv.gz"));
        assertEquals(59526, full.tpm().size(), "every row, PAR_Y copies kept apart");
        assertEquals(58780, full.tpm().keySet().stream().filter(id -> id.startsWith("ENSG")).count());
        assertTrue(full.tpm().keySet().stream().noneMatch(id -> id.matches("ENSG\\d+\\.\\d+")), "versions stripped");
        RnaQuantification reduced = RnaQuantificationReader.read(TestEnvironment.sharedFile("encode/rnaseq/ENCFF268RWA.tsv"));
        assertEquals(19831, reduced.tpm().size());
    }

    @Test
    void colonAndStomachGeneDatasetsShareColumnsAndPromoterMarksTrackExpression(@TempDir Path tmp) throws IOException {
        Path sizes = TestEnvironment.sharedFile("annotation/hg38.chrom.sizes");
        Path bodies = TestEnvironment.sharedFile("annotation/gencode.v24.protein.coding.gene.body.bed.gz");
        String[][] tissues = {
            {"sigmoid_colon", "encode/rnaseq/ENCFF268RWA.tsv", "encode/atac/ENCFF287UHP.sigmoid_colon.ATAC.peaks_outside_genes.bed.gz",
                "encode/chipseq/ENCFF668DFB.bed.gz", "encode/chipseq/ENCFF872UHN.bed.gz", "encode/chipseq/ENCFF477DXO.bed.gz"},
            {"stomach", "encode/rnaseq/ENCFF918KPC.tsv", "encode/atac/ENCFF762IFP.stomach.ATAC.peaks_outside_genes.bed.gz",
                "encode/chipseq/ENCFF502IJF.bed.gz", "encode/chipseq/ENCFF977LBD.bed.gz", "encode/chipseq/ENCFF979WAV.bed.gz"},
        };
        List<Dataset> out = new ArrayList<>();
        for (String[] t : tissues) {
            Path xfd = tmp.resolve(t[0] + ".xfd");
            Cli.Result r = Cli.run("--quiet", "gene-features", "--tissue", t[0], "--rna", TestEnvironment.sharedFile(t[1]).toString(),
                    "--mark", "ATAC=" + TestEnvironment.sharedFile(t[2]), "--mark", "H3K4me3=" + TestEnvironment.sharedFile(t[3]),
                    "--mark", "H3K27ac=" + TestEnvironment.sharedFile(t[4]), "--mark", "POLR2A=" + TestEnvironment.sharedFile(t[5]),
                    "--annotation", bodies.toString(), "--chrom-sizes", sizes.toString(), "--unknown-contigs", "skip",
                    "--output", xfd.toString());
            assertEquals(0, r.exitCode(), r.stderr());
            out.add(DatasetFile.read(xfd));
        }
        Dataset colon = out.get(0);
        assertEquals(out.get(0).featureIds(), out.get(1).featureIds());
        assertEquals(19831 - 29, colon.sampleCount(), "genes on the 24 primary contigs (29 lie on scaffolds)");
        double[] y = colon.target(GeneFeaturesCommand.TARGET).values();
        int k4 = colon.featureIds().indexOf("H3K4me3:tss_pm1000:log1p_signal");
        double[] x = new double[colon.sampleCount()];
        for (int g = 0; g < x.length; g++) {
            x[g] = colon.value(g, k4);
            assertTrue(!Double.isNaN(y[g]), "every annotated gene is in the matching RNA file");
        }
        // Measured r = 0.40 (colon). A strand, coordinate or gene-id mix-up between features and
        // targets would drop it to about 0, which is what this guards against.
        double r = pearson(x, y);
        assertTrue(r > 0.3, "H3K4me3 at the promoter tracks expression (r = " + r + ")");
    }

    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
