package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.data.ValueKind;
import org.exprflow.io.TextInput;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real RNA-seq file of ../shared/data/rnaseq (SOURCES.md) imports with the right shape, value
 * kind and format detection, and values spot-checked against the raw file's text.
 */
@Tag("realdata")
class RnaSeqRealDataTest {
    @TempDir
    Path dir;

    private static Path data(String relative) {
        return TestEnvironment.sharedFile("rnaseq/" + relative);
    }

    private record Imported(Dataset data, String log) {
    }

    private Imported importOk(String... args) {
        Path out = dir.resolve("out" + System.nanoTime() + ".xfd");
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.addAll(List.of("--output", out.toString()));
        IngestFixtures.Run r = run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return new Imported(DatasetFile.read(out), r.stderr());
    }

    /** The tab-separated cells of the first line of the file whose first cell is key. */
    private static String[] rawRow(Path file, String key) {
        try (TextInput in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(key + "\t")) {
                    return line.split("\t");
                }
            }
        }
        throw new AssertionError(key + " not in " + file);
    }

    private static double value(Dataset d, String sample, String feature) {
        return d.value(d.sampleIndex(sample), d.featureIds().indexOf(feature));
    }

    @Test
    void nfcoreHumanGeneCountsAndTpm() {
        Path countsFile = data("formats/nfcore_rnaseq_human6_salmon.merged.gene_counts.tsv.gz");
        Imported counts = importOk("--input", countsFile.toString());
        assertTrue(counts.log().contains("format: gene-matrix (detected)"), counts.log());
        Dataset d = counts.data();
        assertEquals(6, d.sampleCount());
        assertEquals(63140, d.featureCount());
        assertEquals(ValueKind.COUNTS, d.valueKind());
        assertEquals(List.of("X1O", "X2O", "X3O", "P11_1", "P11_2", "P11_3"), d.sampleIds());
        String[] raw = rawRow(countsFile, "ENSG00000000003");
        int j = d.featureIds().indexOf("ENSG00000000003");
        assertEquals(raw[1], d.featureAnnotations().symbol(j));
        assertEquals("TSPAN6", d.featureAnnotations().symbol(j));
        assertEquals(Double.parseDouble(raw[3]), value(d, "X2O", "ENSG00000000003"));
        assertEquals(740.999, value(d, "X2O", "ENSG00000000003"));

        Path tpmFile = data("formats/nfcore_rnaseq_human6_salmon.merged.gene_tpm.tsv.gz");
        Dataset tpm = importOk("--input", tpmFile.toString()).data();
        assertEquals(ValueKind.ABUNDANCE, tpm.valueKind());
        assertEquals(63140, tpm.featureCount());
        assertEquals(Double.parseDouble(rawRow(tpmFile, "ENSG00000000419")[7]), value(tpm, "P11_3", "ENSG00000000419"));
    }

    @Test
    void nfcoreArabidopsisCountsWithTheConditionSheet() {
        Path file = data("formats/nfcore_rnaseq_arabidopsis6_salmon.merged.gene_counts.tsv.gz");
        Dataset d = importOk("--input", file.toString(), "--samplesheet",
                data("formats/nfcore_rnaseq_arabidopsis6_samplesheet_conditions.csv.gz").toString(),
                "--label-column", "condition").data();
        assertEquals(6, d.sampleCount());
        assertEquals(14442, d.featureCount());
        assertEquals(List.of(2, 2, 2), java.util.Arrays.stream(d.primaryTarget().classCounts()).boxed().toList());
        assertEquals("NAC001", d.featureAnnotations().symbol(d.featureIds().indexOf("AT1G01010")));
        assertEquals(118.0, value(d, "CONTROL1_REP2", "AT1G01010"));
    }

    @Test
    void tcgaCountMatrixWithItsSamplesTableImportsAsCounts() {
        Path file = data("counts/tcga_brca_tumor_vs_normal_counts.tsv.gz");
        Imported r = importOk("--input", file.toString(), "--samplesheet",
                data("counts/tcga_brca_tumor_vs_normal_samples.tsv.gz").toString(), "--sample-column", "sample_id",
                "--label-column", "class");
        assertTrue(r.log().contains("format: tsv (detected)") && r.log().contains("values: counts (every value is a "
                + "non-negative whole number"), r.log());
        Dataset d = r.data();
        assertEquals(60, d.sampleCount());
        assertEquals(30000, d.featureCount());
        assertEquals(ValueKind.COUNTS, d.valueKind());
        assertTrue(r.log().contains("classes (class): normal 30, tumor 30"), r.log());
        assertEquals(66.0, value(d, "TCGA-E9-A1ND-01A-11R-A144-07", "ENSG00000270933"));
        assertEquals(53, d.annotation("patient_id").stream().distinct().count());
    }

    @Test
    void featureCountsTableTakesSampleNamesFromTheBamPaths() {
        Path file = data("formats/featurecounts_hbr_uhr_chr22.featureCounts.txt.gz");
        Imported r = importOk("--input", file.toString());
        assertTrue(r.log().contains("format: featurecounts (detected)"), r.log());
        Dataset d = r.data();
        assertEquals(List.of("HBR_1", "HBR_2", "HBR_3", "UHR_1", "UHR_2", "UHR_3"), d.sampleIds());
        assertEquals(1378, d.featureCount());
        String[] raw = rawRow(file, "CECR2");
        assertEquals(Double.parseDouble(raw[6]), value(d, "HBR_1", "CECR2"));
        assertEquals(Double.parseDouble(raw[11]), value(d, "UHR_3", "CECR2"));
        assertEquals(raw[5], d.featureAnnotations().column(FeatureAnnotations.LENGTH).get(d.featureIds().indexOf("CECR2")));
    }

    @Test
    void starReadsPerGeneInfersUnstrandedAndSaysItIsAmbiguous() throws IOException {
        Path file = data("formats/star_streamline_ReadsPerGene.out.tab.gz");
        Imported r = importOk("--input", file.toString());
        // column sums over genes: 2,919,381 unstranded, 928,287 forward, 2,288,047 reverse: a ratio
        // of 2.46, below the 4x rule, so unstranded, with the ambiguity warning
        assertTrue(r.log().contains("STAR strand unstranded (inferred: sum of column 3 (forward) 928287, column 4 "
                + "(reverse) 2288047"), r.log());
        assertTrue(r.log().contains("WARNING: sample star_streamline_ReadsPerGene.out: strandedness is ambiguous"), r.log());
        Dataset d = r.data();
        assertEquals(1, d.sampleCount());
        assertEquals(62836, d.featureCount());
        String gene = d.featureIds().get(1000);
        assertEquals(Double.parseDouble(rawRow(file, gene)[1]), d.value(0, 1000));
        Dataset reverse = importOk("--input", file.toString(), "--star-strand", "reverse").data();
        assertEquals(Double.parseDouble(rawRow(file, gene)[3]), reverse.value(0, 1000));
        assertEquals(List.of("reverse"), reverse.annotation(PerSampleQuantifications.STAR_STRAND_ANNOTATION));
    }

    @Test
    void salmonQuantSfSummedToGenesThroughTheRsemTranscriptLists() throws IOException {
        Path quant = data("formats/salmon_ERR188021_quant.sf.gz");
        Path tx2gene = TximportRTest.tx2geneFromRsem(data("formats/rsem_ERR188021.genes.results.gz"));
        Path sheet = Files.writeString(dir.resolve("sheet.tsv"), "sample\tfile\nERR188021\t" + quant + "\n");
        Dataset d = importOk("--samplesheet", sheet.toString(), "--tx2gene", tx2gene.toString()).data();
        assertEquals(58288, d.featureCount());
        assertEquals(ValueKind.COUNTS, d.valueKind());
        // ENSG00000000003.14: its five transcripts' NumReads, 1.72398 + 3.38819 + 0 + 0 + 0
        double sum = 0;
        for (String tx : rawRow(data("formats/rsem_ERR188021.genes.results.gz"), "ENSG00000000003.14")[1].split(",")) {
            sum += Double.parseDouble(rawRow(quant, tx)[4]);
        }
        assertEquals(sum, value(d, "ERR188021", "ENSG00000000003.14"), 1e-9);
        assertEquals(5.11217, sum, 1e-9);
    }

    @Test
    void rsemGenesResultsExpectedCounts() {
        Path file = data("formats/rsem_ERR188021.genes.results.gz");
        Imported r = importOk("--input", file.toString());
        assertTrue(r.log().contains("format: rsem (detected)"), r.log());
        Dataset d = r.data();
        assertEquals(58288, d.featureCount());
        assertEquals(184.0, d.value(0, d.featureIds().indexOf("ENSG00000019582.14")));
        Dataset tpm = importOk("--input", file.toString(), "--quantity", "tpm").data();
        assertEquals(4370.96, tpm.value(0, tpm.featureIds().indexOf("ENSG00000019582.14")));
    }
}
