package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exprflow import on RNA-seq quantifications: formats, detection, value kinds, bad input. */
@Tag("unit")
class RnaSeqImportTest {
    @TempDir
    Path dir;

    private static Path counts(String name) {
        return TestEnvironment.projectDir().resolve("test-data/counts").resolve(name);
    }

    private Dataset importOk(String... args) {
        Path out = dir.resolve("out" + System.nanoTime() + ".xfd");
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.addAll(List.of("--output", out.toString()));
        IngestFixtures.Run r = run(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return DatasetFile.read(out);
    }

    /** One error line containing the text (after any progress lines), no stack trace, the exit code, no output file. */
    private void importFails(int exitCode, String text, String... args) {
        Path out = dir.resolve("failed.xfd");
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.addAll(List.of("--output", out.toString()));
        IngestFixtures.Run r = run(all.toArray(String[]::new));
        assertEquals(exitCode, r.exitCode(), r.stderr());
        List<String> errors = r.lines().stream().filter(l -> l.startsWith("import: error: ")).toList();
        assertEquals(1, errors.size(), r.stderr());
        assertTrue(errors.get(0).contains(text), r.stderr());
        assertTrue(r.lines().stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), r.stderr());
        assertFalse(Files.exists(out));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void nfcoreGeneCountsAreDetectedWithSymbolsAndLabels() {
        Dataset d = importOk("--input", counts("salmon.merged.gene_counts.tsv").toString(),
                "--samplesheet", counts("samplesheet.csv").toString());
        assertEquals(24, d.sampleCount());
        assertEquals(100, d.featureCount());
        assertEquals(ValueKind.COUNTS, d.valueKind());
        assertEquals("ENSGSIM000001", d.featureIds().get(0));
        assertEquals("GENE1", d.featureAnnotations().symbol(0));
        assertEquals(List.of("batch"), List.copyOf(d.annotations().keySet()));
        assertEquals("control", d.primaryTarget().labels().get(0));
    }

    @Test
    void featureCountsMatchesTheMatrixAndNamesSamplesAfterTheirBams() {
        Dataset matrix = importOk("--input", counts("salmon.merged.gene_counts.tsv").toString());
        Dataset fc = importOk("--input", counts("featureCounts.txt").toString());
        assertEquals(matrix.sampleIds(), fc.sampleIds());
        assertEquals(matrix.featureIds(), fc.featureIds());
        for (int s = 0; s < matrix.sampleCount(); s++) {
            assertArrayEquals(matrix.row(s), fc.row(s));
        }
        assertEquals("S01.bam", fc.annotation("bam").get(0));
        assertTrue(fc.featureAnnotations().column(FeatureAnnotations.LENGTH) != null);
    }

    @Test
    void featureCountsSamplesAreRenamedThroughTheSamplesheetFileColumn() throws IOException {
        Path table = write("fc.txt", "# Program:featureCounts v2.0.3; Command:\"featureCounts\"\n"
                + "Geneid\tChr\tStart\tEnd\tStrand\tLength\t/a/x1.sorted.bam\t/b/x2.bam\n"
                + "G1\tchr1\t1\t100\t+\t100\t5\t7\n");
        Path sheet = write("sheet.csv", "sample,file,label\ntumour,/b/x2.bam,T\nnormal,x1.sorted.bam,N\n");
        Dataset d = importOk("--input", table.toString(), "--samplesheet", sheet.toString());
        assertEquals(List.of("normal", "tumour"), d.sampleIds());
        assertEquals(List.of("N", "T"), d.primaryTarget().labels());
        assertNull(d.annotation("file"));
    }

    @Test
    void aFractionalFeatureCountsValueIsAnErrorUnlessRunWithFraction() throws IOException {
        String body = "Geneid\tChr\tStart\tEnd\tStrand\tLength\tA.bam\n" + "G1\tchr1\t1\t100\t+\t100\t5\n"
                + "G2\tchr1\t1\t100\t+\t100\t2.5\n";
        Path plain = write("plain.txt", "# Program:featureCounts v2.0.3; Command:\"featureCounts\" \"-o\" \"x\"\n" + body);
        importFails(3, plain + ":4: feature 'G2', sample 'A': fractional count 2.5", "--input", plain.toString());
        Path fraction = write("fraction.txt", "# Program:featureCounts v2.0.3; Command:\"featureCounts\" \"--fraction\"\n" + body);
        assertEquals(2.5, importOk("--input", fraction.toString()).value(0, 1));
    }

    @Test
    void aNegativeOrNonNumericCountIsAnErrorAtItsLine() throws IOException {
        Path negative = write("neg.gene_counts.tsv", "gene_id\tgene_name\tA\tB\nG1\tX\t1\t-2\n");
        importFails(3, negative + ":2: gene 'G1', sample 'B': negative value -2", "--input", negative.toString());
        Path text = write("text.gene_counts.tsv", "gene_id\tgene_name\tA\tB\nG1\tX\t1\t2\nG2\tY\tn/a?\t2\n");
        importFails(3, text + ":3: gene 'G2', sample 'A': 'n/a?' is not a number", "--input", text.toString());
    }

    @Test
    void nfcoreTpmIsAbundanceAndAPlainIntegerMatrixIsCounts() throws IOException {
        Path tpm = write("salmon.merged.gene_tpm.tsv", "gene_id\tgene_name\tA\tB\nG1\tX\t1.5\t2\n");
        assertEquals(ValueKind.ABUNDANCE, importOk("--input", tpm.toString()).valueKind());
        Path integers = write("m.tsv", "gene_id\tA\tB\nG1\t0\t12\nG2\t3\t4\n");
        assertEquals(ValueKind.COUNTS, importOk("--input", integers.toString()).valueKind());
        assertEquals(ValueKind.EXPRESSION, importOk("--input", integers.toString(), "--value-kind", "expression").valueKind());
        Path decimals = write("d.tsv", "probe\tA\tB\nG1\t0.5\t12\n");
        assertEquals(ValueKind.EXPRESSION, importOk("--input", decimals.toString()).valueKind());
        Path negative = write("n.tsv", "probe\tA\tB\nG1\t-1\t12\n");
        importFails(3, "feature 'G1', sample 'A': negative value -1.0 cannot be a count", "--input", negative.toString(),
                "--value-kind", "counts");
    }

    private Path star(String name, String... geneRows) throws IOException {
        StringBuilder sb = new StringBuilder("N_unmapped\t10\t10\t10\nN_multimapping\t5\t5\t5\nN_noFeature\t3\t9\t1\n"
                + "N_ambiguous\t2\t0\t1\n");
        for (String row : geneRows) {
            sb.append(row).append('\n');
        }
        return write(name, sb.toString());
    }

    @Test
    void starStrandIsInferredFromTheColumnSumsAndRecorded() throws IOException {
        Path reverse = star("r_ReadsPerGene.out.tab", "G1\t100\t3\t90", "G2\t50\t1\t45");
        Path forward = star("f_ReadsPerGene.out.tab", "G1\t100\t90\t3", "G2\t50\t45\t1");
        Path unstranded = star("u_ReadsPerGene.out.tab", "G1\t100\t50\t48", "G2\t50\t20\t25");
        Path sheet = write("star.csv", "sample,file,label\nR," + reverse.getFileName() + ",a\nF," + forward.getFileName()
                + ",b\nU," + unstranded.getFileName() + ",a\n");
        Path out = dir.resolve("star.xfd");
        IngestFixtures.Run r = run("import", "--samplesheet", sheet.toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("sample R: STAR strand reverse (inferred: sum of column 3 (forward) 4, column 4 (reverse) 135"), r.stderr());
        Dataset d = DatasetFile.read(out);
        assertEquals(List.of("reverse", "forward", "unstranded"), d.annotation(PerSampleQuantifications.STAR_STRAND_ANNOTATION));
        assertArrayEquals(new double[] {90, 45}, d.row(0));
        assertArrayEquals(new double[] {90, 45}, d.row(1));
        assertArrayEquals(new double[] {100, 50}, d.row(2));
        Dataset given = importOk("--samplesheet", sheet.toString(), "--star-strand", "forward");
        assertArrayEquals(new double[] {3, 1}, given.row(0));
    }

    @Test
    void aStarFileWithTheWrongNumberOfColumnsIsAnErrorAtItsLine() throws IOException {
        Path bad = star("bad_ReadsPerGene.out.tab", "G1\t100\t3\t90", "G2\t50\t1");
        importFails(3, bad + ":6: STAR ReadsPerGene line has 3 tab-separated columns; expected 4", "--input", bad.toString());
        Path fractional = star("frac_ReadsPerGene.out.tab", "G1\t100\t3.5\t90");
        importFails(3, fractional + ":5: gene 'G1', column 3: fractional count 3.5 in a STAR table", "--input",
                fractional.toString());
    }

    @Test
    void perSampleFilesWithDifferentGenesAreRefused() throws IOException {
        Path a = star("a_ReadsPerGene.out.tab", "G1\t1\t0\t1", "G2\t1\t0\t1");
        Path b = star("b_ReadsPerGene.out.tab", "G1\t1\t0\t1", "G3\t1\t0\t1");
        Path sheet = write("mismatch.csv", "sample,file\nA," + a.getFileName() + "\nB," + b.getFileName() + "\n");
        importFails(3, b + ": gene 'G3' is not in " + a, "--samplesheet", sheet.toString());
    }

    @Test
    void salmonFilesAreSummarisedToGenesWithSymbolsFromTx2gene() {
        Dataset d = importOk("--samplesheet", counts("samplesheet_salmon.csv").toString(),
                "--tx2gene", counts("tx2gene.tsv").toString());
        Dataset matrix = importOk("--input", counts("salmon.merged.gene_counts.tsv").toString());
        assertEquals(ValueKind.COUNTS, d.valueKind());
        assertEquals(matrix.featureIds(), d.featureIds());
        assertEquals("GENE1", d.featureAnnotations().symbol(0));
        assertNull(d.annotation("file"));
        // NumReads are the gene counts split among transcripts, written with 3 decimals
        for (int s = 0; s < d.sampleCount(); s++) {
            for (int g = 0; g < d.featureCount(); g++) {
                assertEquals(matrix.value(s, g), d.value(s, g), 0.01, "sample " + s + " gene " + g);
            }
        }
        Dataset tpm = importOk("--samplesheet", counts("samplesheet_salmon.csv").toString(),
                "--tx2gene", counts("tx2gene.tsv").toString(), "--quantity", "tpm");
        assertEquals(ValueKind.ABUNDANCE, tpm.valueKind());
    }

    /**
     * Under the pipeline the files are staged under new paths (sample_files/1/quant.sf.gz, ...), since
     * every salmon file has the same name: --sample-files gives them in row order, in place of the
     * samplesheet's paths, and the dataset is the same.
     */
    @Test
    void stagedSampleFilesReplaceTheSamplesheetPathsInRowOrder() throws IOException {
        Path sheet = counts("samplesheet_salmon.csv");
        List<String> rows = Files.readAllLines(sheet);
        List<String> staged = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String file = rows.get(r).split(",")[3];
            Path target = Files.createDirectories(dir.resolve("sample_files/" + r)).resolve("quant.sf.gz");
            Files.copy(sheet.resolveSibling(file), target);
            staged.add(target.toString());
        }
        Dataset expected = importOk("--samplesheet", sheet.toString(), "--tx2gene", counts("tx2gene.tsv").toString());
        List<String> args = new ArrayList<>(List.of("--samplesheet", sheet.toString(),
                "--tx2gene", counts("tx2gene.tsv").toString(), "--sample-files"));
        args.addAll(staged);
        Dataset d = importOk(args.toArray(String[]::new));
        assertEquals(expected.sampleIds(), d.sampleIds());
        for (int s = 0; s < d.sampleCount(); s++) {
            assertArrayEquals(expected.row(s), d.row(s), "sample " + s);
        }
        importFails(2, "--sample-files names 1 files; the samplesheet", "--samplesheet", sheet.toString(),
                "--tx2gene", counts("tx2gene.tsv").toString(), "--sample-files", staged.get(0));
        importFails(2, "--sample-files goes with --samplesheet and without --input", "--input",
                counts("salmon.merged.gene_counts.tsv").toString(), "--sample-files", staged.get(0));
    }

    @Test
    void transcriptsMissingFromTx2geneAreDroppedUpToTheLimitAndRefusedAbove() throws IOException {
        List<String> lines = Files.readAllLines(counts("tx2gene.tsv"));
        // drop 3 of 203 transcripts' rows (1.5%): below 5%, dropped with a warning
        Path fewMissing = Files.write(dir.resolve("few.tsv"), lines.subList(0, lines.size() - 3));
        Path sheet = counts("samplesheet_salmon.csv");
        Path out = dir.resolve("few.xfd");
        IngestFixtures.Run r = run("import", "--samplesheet", sheet.toString(), "--tx2gene", fewMissing.toString(),
                "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("are not in tx2gene " + fewMissing + "; they are dropped, as tximport drops them"), r.stderr());
        Path manyMissing = Files.write(dir.resolve("many.tsv"), lines.subList(0, lines.size() / 2));
        importFails(3, "salmon/S01/quant.sf.gz: ", "--samplesheet", sheet.toString(), "--tx2gene", manyMissing.toString());
        importFails(3, "more than --max-missing-transcripts 0.05", "--samplesheet", sheet.toString(), "--tx2gene",
                manyMissing.toString());
        importFails(2, "give --tx2gene", "--samplesheet", sheet.toString());
    }

    @Test
    void rsemGenesResultsKeepFractionalExpectedCounts() throws IOException {
        String header = "gene_id\ttranscript_id(s)\tlength\teffective_length\texpected_count\tTPM\tFPKM\n";
        Path a = write("A.genes.results", header + "G1\tT1\t1000.00\t850.00\t10.50\t3.00\t2.00\nG2\tT2,T3\t900.00\t750.00\t0.00\t0.00\t0.00\n");
        Path b = write("B.genes.results", header + "G2\tT2,T3\t900.00\t750.00\t4.00\t1.00\t1.00\nG1\tT1\t1000.00\t850.00\t7.25\t2.00\t2.00\n");
        Path sheet = write("rsem.csv", "sample,file\nA,A.genes.results\nB,B.genes.results\n");
        Dataset d = importOk("--samplesheet", sheet.toString());
        assertEquals(List.of("G1", "G2"), d.featureIds());
        assertArrayEquals(new double[] {10.5, 0}, d.row(0));
        assertArrayEquals(new double[] {7.25, 4}, d.row(1));
        Path c = write("C.genes.results", header + "G1\tT1\t1000.00\t850.00\t10.50\t3.00\t2.00\n");
        Path short_ = write("short.csv", "sample,file\nA,A.genes.results\nC,C.genes.results\n");
        importFails(3, c + ": lacks gene 'G2' of " + a, "--samplesheet", short_.toString());
    }

    @Test
    void countsSkipNormalisesPerValueStage() {
        Path imported = dir.resolve("counts.xfd");
        assertEquals(0, run("import", "--input", counts("salmon.merged.gene_counts.tsv").toString(), "--output",
                imported.toString()).exitCode());
        Path normalised = dir.resolve("normalised.xfd");
        IngestFixtures.Run r = run("normalise", "--input", imported.toString(), "--log2", "always", "--output",
                normalised.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("values are counts: the per-value stage (floor, ceiling, log2) is skipped"), r.stderr());
        assertTrue(r.stderr().contains("WARNING: values are counts: --floor, --ceiling and --log2 always are ignored"), r.stderr());
        Dataset before = DatasetFile.read(imported);
        Dataset after = DatasetFile.read(normalised);
        assertArrayEquals(before.row(3), after.row(3));
        assertEquals(ValueKind.COUNTS, after.valueKind());
    }

    @Test
    void qcDescribesCounts() throws IOException {
        Path imported = dir.resolve("qc.xfd");
        assertEquals(0, run("import", "--input", counts("salmon.merged.gene_counts.tsv").toString(), "--output",
                imported.toString()).exitCode());
        Path tsv = dir.resolve("qc.tsv");
        IngestFixtures.Run r = run("qc", "--input", imported.toString(), "--output-tsv", tsv.toString(),
                "--output-json", dir.resolve("qc.json").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("[qc] counts: library size min "), r.stderr());
        List<String> lines = Files.readAllLines(tsv);
        assertTrue(lines.get(0).endsWith("\tlibrary_size\tzero_fraction\tdetected_genes"), lines.get(0));
        Dataset d = DatasetFile.read(imported);
        double library = 0;
        for (double v : d.row(0)) {
            library += v;
        }
        String[] first = lines.get(1).split("\t");
        assertEquals(library, Double.parseDouble(first[first.length - 3]), 0.5);
        assertTrue(Files.readString(dir.resolve("qc.json")).contains("\"library_size\""));
    }

    @Test
    void oneFormatPerSamplesheetAndOptionsOnlyWhereTheyApply() throws IOException {
        Path a = star("a_ReadsPerGene.out.tab", "G1\t1\t0\t1");
        Path rsem = write("B.genes.results", "gene_id\ttranscript_id(s)\tlength\teffective_length\texpected_count\tTPM\tFPKM\n"
                + "G1\tT1\t1000.00\t850.00\t10.50\t3.00\t2.00\n");
        Path mixed = write("mixed.csv", "sample,file\nA," + a.getFileName() + "\nB," + rsem.getFileName() + "\n");
        importFails(3, rsem + ": is rsem but " + a + " is star: one format per samplesheet", "--samplesheet", mixed.toString());
        importFails(2, "--tx2gene applies to salmon and kallisto files; this input is star", "--input", a.toString(),
                "--tx2gene", a.toString());
        importFails(2, "--star-strand applies to STAR ReadsPerGene files; this input is gene-matrix", "--input",
                counts("salmon.merged.gene_counts.tsv").toString(), "--star-strand", "reverse");
        importFails(2, "--counts-from-abundance needs transcript-level estimates", "--input", rsem.toString(),
                "--counts-from-abundance", "scaledTPM");
        Path missing = write("missing.csv", "sample,file\nA,nowhere.tab\n");
        importFails(3, missing + ":2: file 'nowhere.tab' of sample 'A' does not exist", "--samplesheet", missing.toString());
        importFails(2, "give --input, or a --samplesheet", "--format", "star");
    }
}
