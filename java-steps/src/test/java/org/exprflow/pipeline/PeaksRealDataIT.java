package org.exprflow.pipeline;

import static org.exprflow.peaks.EnTexDesignB.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.exprflow.peaks.EnTexDesignB;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis peaks, design (b), through ./nextfloww on the real EN-TEx files ({@link EnTexDesignB}:
 * sigmoid colon and stomach, four marks each, RNA, GENCODE v24 TSSs; samplesheets written into the
 * launch directory, naming the files under ../shared/data where they are). The issue's acceptance
 * from the published metrics: held-out chr8-10 r >= 0.5 on colon, stomach held-out r >= 0.45,
 * stomach all-gene r reported, the mean baseline beside the model; and the published metrics are
 * byte-identical to those of the same chain run through the CLI (same files, options and seed), so
 * the pipeline adds nothing and loses nothing. The report carries the input QC of the real files.
 */
@Tag("pipeline")
class PeaksRealDataIT {
    private static ResumeIT.Launch launch;
    private static ResumeIT.Result run;

    @BeforeAll
    static void runDesignBOnEnTex() throws Exception {
        // Resolved first: outside CI a missing data directory skips the class before any launch.
        Path annotation = TestEnvironment.sharedFile(EnTexDesignB.ANNOTATION);
        Path sizes = TestEnvironment.sharedFile(EnTexDesignB.CHROM_SIZES);
        launch = new ResumeIT.Launch("peaks-entex");
        StringBuilder marks = new StringBuilder("tissue,mark,file\n");
        StringBuilder rna = new StringBuilder("tissue,rna\n");
        for (EnTexDesignB.Tissue t : EnTexDesignB.TISSUES) {
            t.marks().forEach((mark, file) -> marks.append(t.name()).append(',').append(mark).append(',')
                    .append(TestEnvironment.sharedFile(file)).append('\n'));
            rna.append(t.name()).append(',').append(TestEnvironment.sharedFile(t.rna())).append('\n');
        }
        Path marksSheet = Files.writeString(launch.dir.resolve("entex_marks.csv"), marks);
        Path rnaSheet = Files.writeString(launch.dir.resolve("entex_rna.csv"), rna);
        // The model options of the CLI chain written out, not left to the pipeline's defaults, so a
        // changed default cannot make the two runs differ silently.
        run = launch.run("a", Map.of(), "--analysis", "peaks", "--peaks_design", "b",
                "--peaks_samplesheet", marksSheet.toString(), "--rna_samplesheet", rnaSheet.toString(),
                "--annotation", annotation.toString(), "--chrom_sizes", sizes.toString(), "--unknown_contigs", "skip",
                "--train_tissue", EnTexDesignB.TRAIN, "--transfer_tissues", EnTexDesignB.TRANSFER,
                "--holdout_chromosomes", EnTexDesignB.HOLDOUT, "--regressor", EnTexDesignB.LEARNER,
                "--regress_top_k", "0", "--seed", Long.toString(EnTexDesignB.SEED));
        assertEquals(0, run.exitCode(), run.describe());
    }

    private static Path published(String relative) {
        Path f = run.outdir().resolve(relative);
        assertTrue(Files.isRegularFile(f), relative + " was not published: " + run.describe());
        return f;
    }

    @Test
    void colonModelMeetsTheAcceptanceOnHeldOutChromosomesAndStomach() throws IOException {
        List<String> lines = Files.readAllLines(published("metrics/" + EnTexDesignB.TRAIN + ".metrics.tsv"));
        double heldOut = value(lines, "test\tmodel\tall\tpearson");
        double stomachHeldOut = value(lines, "transfer:stomach:test\tmodel\tall\tpearson");
        double stomachAll = value(lines, "transfer:stomach\tmodel\tall\tpearson");
        System.out.printf("EN-TEx design (b) pipeline, RF-50: held-out chr8-10 r %.3f (R² %.3f, mean baseline R² %.4f);"
                + " stomach held-out r %.3f, all genes r %.3f (%d genes)%n", heldOut, value(lines, "test\tmodel\tall\tr2"),
                value(lines, "test\tmean\tall\tr2"), stomachHeldOut, stomachAll,
                (long) value(lines, "transfer:stomach\tmodel\tall\tn"));
        assertTrue(heldOut >= 0.5, "held-out r " + heldOut);
        assertTrue(stomachHeldOut >= 0.45, "stomach held-out r " + stomachHeldOut);
        assertTrue(Double.isFinite(stomachAll) && stomachAll > 0, "stomach all-gene r " + stomachAll);
        // The training-mean baseline beside the model in every set: a constant, so r is NA and R² <= 0.
        for (String set : List.of("test", "transfer:stomach:test", "transfer:stomach")) {
            assertTrue(lines.contains(set + "\tmean\tall\tpearson\tNA"), set + ": no mean baseline");
            assertTrue(value(lines, set + "\tmean\tall\tr2") <= 0.0, set);
            assertEquals(value(lines, set + "\tmean\tall\tn"), value(lines, set + "\tmodel\tall\tn"), set);
        }
        assertTrue(value(lines, "test\tmodel\tall\tr2") > 0.2);
    }

    @Test
    void publishedMetricsEqualTheCliChainsByteForByte() throws IOException {
        Path cliDir = Files.createDirectories(launch.dir.resolve("cli"));
        EnTexDesignB.Metrics cli = EnTexDesignB.runCli(cliDir);
        for (String[] pair : new String[][] {{"metrics/" + EnTexDesignB.TRAIN + ".metrics.tsv", cli.tsv().toString()},
            {"metrics/" + EnTexDesignB.TRAIN + ".metrics.json", cli.json().toString()}}) {
            Path pipeline = published(pair[0]);
            List<String> a = Files.readAllLines(pipeline);
            List<String> b = Files.readAllLines(Path.of(pair[1]));
            List<String> differing = new ArrayList<>();
            for (int i = 0; i < Math.max(a.size(), b.size()) && differing.size() < 10; i++) {
                String x = i < a.size() ? a.get(i) : "<none>";
                String y = i < b.size() ? b.get(i) : "<none>";
                if (!x.equals(y)) {
                    differing.add("line " + (i + 1) + ": pipeline " + x + " | cli " + y);
                }
            }
            assertEquals(-1L, Files.mismatch(pipeline, Path.of(pair[1])), pair[0] + " differs from the CLI's: " + differing);
        }
    }

    @Test
    void reportShowsTheMetricsAndTheInputQcOfEveryFile() throws IOException {
        String html = Files.readString(published("report/" + EnTexDesignB.TRAIN + ".report.html"));
        assertTrue(html.contains("<section id=\"regression\">"));
        int start = html.indexOf("<section id=\"peaks-qc\">");
        assertTrue(start >= 0, "no peak and RNA QC section");
        String section = html.substring(start, html.indexOf("</section>", start));
        Map<String, List<String>> peaks = PeaksPipelineIT.tableRows(section, "peak-samples");
        Map<String, List<String>> rna = PeaksPipelineIT.tableRows(section, "rna-samples");
        Map<String, Long> expected = new TreeMap<>();
        for (EnTexDesignB.Tissue t : EnTexDesignB.TISSUES) {
            for (Map.Entry<String, String> m : t.marks().entrySet()) {
                expected.put(t.name() + "." + m.getKey(), records(TestEnvironment.sharedFile(m.getValue())));
            }
            // RNA named by tissue; every id either matched in the annotation or counted as not.
            List<String> row = rna.get(t.name());
            assertTrue(row != null, "no RNA row for " + t.name() + ": " + rna.keySet());
            long genes = Files.readAllLines(TestEnvironment.sharedFile(t.rna())).stream().filter(l -> !l.isBlank()).count();
            assertEquals(String.valueOf(genes), row.get(0), t.name());
            assertEquals(genes, Long.parseLong(row.get(3)) + Long.parseLong(row.get(4)), t.name() + ": matched + unmatched");
            assertTrue(Double.parseDouble(row.get(5)) > 0.99, t.name() + ": the RNA ids are GENCODE v24's: " + row);
        }
        assertEquals(expected.keySet(), peaks.keySet());
        expected.forEach((sample, n) -> assertEquals(String.valueOf(n), peaks.get(sample).get(0), sample));
    }

    /** Lines of a gzipped peak file (ENCODE's narrowPeak files have no header). */
    private static long records(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank()).count();
        }
    }
}
