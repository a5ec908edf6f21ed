package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design (b) on a hand-made case whose every feature is worked out by hand: one gene on each
 * strand, peaks placed upstream, downstream, in the body; upstream of a minus-strand gene lies at
 * higher coordinates. Also: feature ids do not depend on the data or the --mark order.
 */
@Tag("unit")
class GeneFeaturesCommandTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private Dataset run(String atac, String k4, String out, String tissue) throws IOException {
        Path sizes = write("g.sizes", "chr1\t200000\n");
        Path genes = write("genes.bed", "chr1\t100000\t110000\tENSG00000000002.1\t0\t-\nchr1\t50000\t60000\tENSG00000000001.1\t0\t+\n");
        Path rna = write("rna.tsv", "ENSG00000000001.5\t3\nENSG00000000002.5\t0\n");
        Cli.Result r = Cli.run("--quiet", "gene-features", "--mark", "H3K4me3=" + k4, "--mark", "ATAC=" + atac,
                "--annotation", genes.toString(), "--rna", rna.toString(), "--chrom-sizes", sizes.toString(),
                "--tissue", tissue, "--flank-bins", "5", "--output", tmp.resolve(out).toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return DatasetFile.read(tmp.resolve(out));
    }

    private static double feature(Dataset d, String gene, String id) {
        int f = d.featureIds().indexOf(id);
        assertTrue(f >= 0, "feature " + id);
        return d.value(d.sampleIndex(gene), f);
    }

    @Test
    void strandAwareWindowsFlanksBodyAndDistanceWeighting() throws IOException {
        Path atac = write("atac.narrowPeak", "chr1\t110500\t110700\tP3\t10\t.\t2\t5\t4\t100\n"
                + "chr1\t47500\t47700\tP1\t10\t.\t4\t5\t4\t100\n"
                + "chr1\t50100\t50300\tP2\t10\t.\t8\t5\t4\t100\n"
                + "chr1\t105000\t105200\tP4\t10\t.\t16\t5\t4\t100\n");
        Path k4 = write("k4.narrowPeak", "chr1\t190000\t190100\tfar\t10\t.\t3\t5\t4\t50\n");
        Dataset d = run(atac.toString(), k4.toString(), "colon.xfd", "colon");
        String plus = "ENSG00000000001";
        String minus = "ENSG00000000002";
        assertEquals(List.of(plus, minus), d.sampleIds(), "genes in TSS order, versions stripped");
        assertEquals("ATAC:tss_pm1000:count", d.featureIds().get(0), "marks sorted by name");
        assertEquals(2 * (3 * 3 + 2 * 5 + 3 + 1), d.featureCount());

        assertEquals(1, feature(d, plus, "ATAC:tss_pm1000:count"));
        assertEquals(Math.log(9), feature(d, plus, "ATAC:tss_pm1000:log1p_signal"), 1e-12);
        assertEquals(8, feature(d, plus, "ATAC:tss_pm1000:max_signal"));
        assertEquals(2, feature(d, plus, "ATAC:tss_pm5000:count"));
        assertEquals(Math.log(13), feature(d, plus, "ATAC:tss_pm5000:log1p_signal"), 1e-12);
        assertEquals(2, feature(d, plus, "ATAC:tss_pm50000:count"), "the minus gene's peaks are over 50 kb away");
        assertEquals(Math.log(5), feature(d, plus, "ATAC:up3:log1p_signal"), 1e-12);
        assertEquals(0, feature(d, plus, "ATAC:up1:log1p_signal"));
        assertEquals(Math.log(9), feature(d, plus, "ATAC:down1:log1p_signal"), 1e-12);
        assertEquals(1, feature(d, plus, "ATAC:body:count"));
        assertEquals(0.02, feature(d, plus, "ATAC:body:coverage_fraction"), 1e-12);
        assertEquals(4 * Math.exp(-0.24) + 8 * Math.exp(-0.02), feature(d, plus, "ATAC:distance_weighted_signal"), 1e-12);

        assertEquals(Math.log(3), feature(d, minus, "ATAC:up1:log1p_signal"), 1e-12, "upstream of '-' is at higher coordinates");
        assertEquals(0, feature(d, minus, "ATAC:down1:log1p_signal"));
        assertEquals(Math.log(17), feature(d, minus, "ATAC:down5:log1p_signal"), 1e-12);
        assertEquals(1, feature(d, minus, "ATAC:tss_pm1000:count"));
        assertEquals(Math.log(17), feature(d, minus, "ATAC:body:log1p_signal"), 1e-12);
        assertEquals(0, feature(d, minus, "H3K4me3:tss_pm50000:count"));

        assertEquals(List.of("chr1", "chr1"), d.annotation("chrom"));
        assertEquals(List.of("+", "-"), d.annotation("strand"));
        assertEquals(2.0, d.target(GeneFeaturesCommand.TARGET).value(0), 1e-12);
        assertEquals(0.0, d.target(GeneFeaturesCommand.TARGET).value(1), 1e-12);
    }

    @Test
    void featureIdsAreIdenticalAcrossTissuesWhateverTheData() throws IOException {
        Path a = write("a.narrowPeak", "chr1\t50100\t50300\tP\t10\t.\t8\t5\t4\t100\n");
        Path b = write("b.narrowPeak", "chr1\t1000\t1300\tP\t10\t.\t1\t5\t4\t100\nchr1\t120000\t120300\tP\t10\t.\t2\t5\t4\t-1\n");
        Dataset colon = run(a.toString(), b.toString(), "colon.xfd", "colon");
        Dataset stomach = run(b.toString(), a.toString(), "stomach.xfd", "stomach");
        assertEquals(colon.featureIds(), stomach.featureIds());
        assertEquals(List.of("stomach", "stomach"), stomach.annotation("tissue"));
        assertEquals(1, feature(colon, "ENSG00000000001", "ATAC:tss_pm1000:count"));
        assertEquals(0, feature(stomach, "ENSG00000000001", "ATAC:tss_pm1000:count"));
    }
}
