package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * test-data/peaks is exactly what simulate-peaks writes, and the dependency it plants is
 * recoverable through region-dataset: across the 12 samples, a planted gene's target correlates
 * strongly with the signal of the bin holding its TSS, a null gene's does not.
 */
@Tag("unit")
class SimulatedPeakStudyTest {
    private static final Path DATA = TestEnvironment.projectDir().resolve("test-data/peaks");

    @Test
    void committedTestDataEqualsFreshSimulatorOutput(@TempDir Path tmp) throws IOException {
        assertEquals(0, Cli.run("--quiet", "simulate-peaks", "--output-dir", tmp.toString()).exitCode());
        List<String> committed = names(DATA).stream().filter(n -> !n.equals("README.md")).toList();
        assertEquals(committed, names(tmp));
        for (String name : committed) {
            assertEquals(-1L, Files.mismatch(DATA.resolve(name), tmp.resolve(name)),
                    name + " differs from simulate-peaks output; regenerate with the command in test-data/peaks/README.md");
        }
    }

    @Test
    void plantedGenesCorrelateWithTheirTssBinAndNullGenesDoNot(@TempDir Path tmp) throws IOException {
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

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
