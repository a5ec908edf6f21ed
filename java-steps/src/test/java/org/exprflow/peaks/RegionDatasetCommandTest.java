package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * region-dataset: the dependency simulate-peaks plants is recoverable (across the 12 samples, a
 * planted gene's target correlates strongly with the signal of the bin holding its TSS, a null
 * gene's does not), and a bad RNA file is one line naming the file and the line.
 */
@Tag("unit")
class RegionDatasetCommandTest {
    private static final Path DATA = TestEnvironment.projectDir().resolve("test-data/peaks");

    @TempDir
    Path tmp;

    @Test
    void plantedGenesCorrelateWithTheirTssBinAndNullGenesDoNot() throws IOException {
        List<String[]> truth = Files.readAllLines(DATA.resolve("truth.tsv")).stream().skip(1).map(l -> l.split("\t")).toList();
        List<String> peaks = new ArrayList<>();
        List<String> rna = new ArrayList<>();
        for (int s = 1; s <= 12; s++) {
            peaks.add(DATA.resolve(String.format("sample%02d.narrowPeak.gz", s)).toString());
            rna.add(DATA.resolve(String.format("sample%02d.rna.tsv", s)).toString());
        }
        List<Double> planted = new ArrayList<>();
        List<Double> nulls = new ArrayList<>();
        for (String[] contig : new String[][] {{"chr1", "200000"}, {"chr2", "150000"}, {"chr3", "100000"}}) {
            Path out = tmp.resolve(contig[0] + ".xfd");
            List<String> args = new ArrayList<>(List.of("--quiet", "region-dataset", "--annotation", DATA.resolve("genes.bed").toString(),
                    "--chrom-sizes", DATA.resolve("chrom.sizes").toString(), "--region", contig[0] + ":0-" + contig[1],
                    "--bin-size", "1000", "--value", "signal", "--output", out.toString(), "--peaks"));
            args.addAll(peaks);
            args.add("--rna");
            args.addAll(rna);
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.stderr());
            Dataset d = DatasetFile.read(out);
            assertEquals(12, d.sampleCount());
            assertEquals(Integer.parseInt(contig[1]) / 1000, d.featureCount());
            for (String[] gene : truth) {
                if (!gene[1].equals(contig[0])) {
                    continue;
                }
                int tss = Integer.parseInt(gene[2]);
                int bin = d.featureIds().indexOf(contig[0] + ":" + (tss / 1000 * 1000) + "-" + (tss / 1000 * 1000 + 1000));
                Target target = d.target(gene[0]);
                double[] x = new double[12];
                for (int s = 0; s < 12; s++) {
                    x[s] = d.value(s, bin);
                    assertTrue(!target.isMissing(s), "every sample's RNA file has gene " + gene[0]);
                }
                double r2 = pearson(x, target.values());
                (Boolean.parseBoolean(gene[4]) ? planted : nulls).add(r2);
            }
        }
        assertEquals(12, planted.size());
        assertEquals(12, nulls.size());
        for (double r : planted) {
            assertTrue(r > 0.8, "planted gene correlation " + r + " in " + planted);
        }
        double meanAbsNull = nulls.stream().mapToDouble(Math::abs).average().orElseThrow();
        assertTrue(meanAbsNull < 0.35, "null genes' mean |r| " + meanAbsNull + " in " + nulls);
    }

    @Test
    void duplicateGeneIdsAfterVersionStrippingInRnaFile() throws IOException {
        Path peaks = Files.writeString(tmp.resolve("p.bed"), GOOD);
        Path genes = Files.writeString(tmp.resolve("genes.bed"), "chr1\t150\t900\tENSG00000000001.1\t0\t+\n");
        Path rna = Files.writeString(tmp.resolve("rna.tsv"),
                "ENSG00000000001.3\t5.5\nENSG00000000002.1\t1\nENSG00000000001.4\t7\n");
        Cli.Result r = Cli.run("--quiet", "region-dataset", "--peaks", peaks.toString(), "--rna", rna.toString(), "--annotation",
                genes.toString(), "--chrom-sizes", sizes().toString(), "--region", "chr1:0-2000", "--bin-size", "500",
                "--output", tmp.resolve("out.xfd").toString());
        assertOneLineError(r, rna, "3: ", "gene id ENSG00000000001 occurs twice after removing version suffixes (first on line 1)");
    }

    private Path sizes() throws IOException {
        return Files.writeString(tmp.resolve("g.sizes"), "chr1\t10000\nchr2\t5000\n");
    }

    private static final String GOOD = "chr1\t100\t200\tp1\t500\t.\t3.5\t10\t8\t50\n";

    private void assertOneLineError(Cli.Result r, Path file, String where, String problem) {
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        String line = r.errorLines().get(0);
        assertTrue(line.startsWith("region-dataset: error: "), line);
        assertTrue(line.contains(file + ":" + where), "names file and position: " + line);
        assertTrue(line.contains(problem), line);
        assertFalse(Files.exists(tmp.resolve("out.xfd")), "no output after an error");
    }

    private static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
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
