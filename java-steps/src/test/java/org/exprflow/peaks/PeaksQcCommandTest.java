package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * peaks-qc figures on a small case computed by hand, and identical TSV/JSON across runs; RNA entries
 * named by --rna-names, whose count must match --rna.
 */
@Tag("unit")
class PeaksQcCommandTest {
    @Test
    void peakAndRnaFiguresMatchHandComputation(@TempDir Path tmp) throws IOException {
        Path sizes = Files.writeString(tmp.resolve("g.sizes"), "chr1\t100000\n");
        Path genes = Files.writeString(tmp.resolve("genes.bed"), "chr1\t10000\t20000\tENSG00000000001.1\t0\t+\n"
                + "chr1\t30000\t40000\tENSG00000000002.1\t0\t-\n");
        // Near a TSS (within 1 kb): the first (overlaps 10000) and the second (its last base, 38999, is 1000 bp from 39999).
        Path peaks = Files.writeString(tmp.resolve("s.narrowPeak"), "chr1\t9900\t10100\t.\t100\t.\t1\t1\t1\t-1\n"
                + "chr1\t38000\t39000\t.\t200\t.\t2\t1\t1\t-1\n"
                + "chr1\t60000\t60100\t.\t300\t.\t3\t1\t1\t-1\n"
                + "chr1_KI270706v1_random\t0\t10\t.\t400\t.\t4\t1\t1\t-1\n");
        Path rna = Files.writeString(tmp.resolve("r.tsv"), "ENSG00000000001.2\t0.5\nENSG00000000003.1\t10\nENSG00000000004.1\t2\n");
        String[] args = {"--quiet", "peaks-qc", "--peaks", peaks.toString(), "--names", "s", "--rna", rna.toString(),
            "--chrom-sizes", sizes.toString(), "--annotation", genes.toString(),
            "--output-tsv", tmp.resolve("qc.tsv").toString(), "--output-json", tmp.resolve("qc.json").toString()};
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> tsv = Files.readAllLines(tmp.resolve("qc.tsv"));
        assertTrue(tsv.contains("peaks\ts\tpeaks\t4"), String.join("\n", tsv));
        assertTrue(tsv.contains("peaks\ts\ton_known_contigs\t3"));
        assertTrue(tsv.contains("peaks\ts\tunknown_contig\t1"));
        assertTrue(tsv.contains("peaks\ts\tfraction_primary_contigs\t0.75"));
        assertTrue(tsv.contains("peaks\ts\tscore_median\t200"));
        assertTrue(tsv.contains("peaks\ts\tsignal_q25\t1.5"));
        assertTrue(tsv.contains("peaks\ts\tfraction_within_1kb_of_tss\t0.666666666667"));
        assertTrue(tsv.contains("rna\tr.tsv\tgenes\t3"));
        assertTrue(tsv.contains("rna\tr.tsv\tdetected_tpm_gt_1\t2"));
        assertTrue(tsv.contains("rna\tr.tsv\tmatched_annotation\t1"));
        assertTrue(tsv.contains("rna\tr.tsv\tannotation_genes_missing\t1"));
        assertTrue(tsv.contains("rna\tr.tsv\tunmatched_annotation\t2"), "ids 3 and 4 are not annotated");
        // log2(TPM + 1) of 0.5, 10 and 2: the median is log2(3), the max log2(11).
        assertTrue(tsv.contains("rna\tr.tsv\tlog2_tpm_plus_1_median\t1.58496250072"));
        assertTrue(tsv.contains("rna\tr.tsv\tlog2_tpm_plus_1_max\t3.45943161864"));
        String json = Files.readString(tmp.resolve("qc.json"));
        assertTrue(json.contains("\"fraction_within_1kb_of_tss\": 0.666666666667"), json);
        byte[] first = Files.readAllBytes(tmp.resolve("qc.json"));
        assertEquals(0, Cli.run(args).exitCode());
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(tmp.resolve("qc.json"))), "deterministic JSON");
    }

    @Test
    void rnaNamesNameTheEntriesAndMustMatchTheFiles(@TempDir Path tmp) throws IOException {
        Path sizes = Files.writeString(tmp.resolve("g.sizes"), "chr1\t100000\n");
        Path a = Files.writeString(tmp.resolve("a.tsv"), "ENSG00000000001.2\t5\n");
        Path b = Files.writeString(tmp.resolve("b.tsv"), "ENSG00000000001.2\t0\n");
        Path out = tmp.resolve("qc.tsv");
        Cli.Result ok = Cli.run("--quiet", "peaks-qc", "--rna", a.toString(), b.toString(), "--rna-names", "colon", "stomach",
                "--chrom-sizes", sizes.toString(), "--output-tsv", out.toString(), "--output-json", tmp.resolve("qc.json").toString());
        assertEquals(0, ok.exitCode(), ok.stderr());
        List<String> tsv = Files.readAllLines(out);
        assertTrue(tsv.contains("rna\tcolon\tdetected_tpm_gt_1\t1") && tsv.contains("rna\tstomach\tdetected_tpm_gt_1\t0"),
                String.join("\n", tsv));

        Path out2 = tmp.resolve("qc2.tsv");
        Cli.Result bad = Cli.run("--quiet", "peaks-qc", "--rna", a.toString(), b.toString(), "--rna-names", "colon",
                "--chrom-sizes", sizes.toString(), "--output-tsv", out2.toString(), "--output-json", tmp.resolve("qc2.json").toString());
        assertEquals(2, bad.exitCode(), bad.stderr());
        assertEquals(List.of("peaks-qc: error: --rna-names has 1 names for 2 --rna files"), bad.errorLines());
        assertFalse(Files.exists(out2), "no output after an error");
    }
}
