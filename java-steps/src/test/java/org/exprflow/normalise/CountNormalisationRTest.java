package org.exprflow.normalise;

import static org.exprflow.normalise.CountReference.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The count transforms against edgeR 3.40 and DESeq2 1.38, run live through ReferenceR, on the real
 * TCGA-BRCA count matrix (30,000 genes x 60 samples, split 45 training / 15 held-out: every fourth
 * sample is held out) and on negative-binomial counts simulated by R (integer and fractional).
 *
 * <p>Training samples alone must equal R: TMM factors, log-CPM, filterByExpr's kept set (exactly).
 * Held-out samples transformed with the training fit must equal the R procedure the transforms
 * document (TMM against the training reference over the training geometric mean; log-CPM with the
 * training mean effective library size).
 *
 * <p>Tolerances (relative to max(1, |value|)): TMM factors and log-CPM 1e-9 (seen: factors equal,
 * log-CPM within 5e-15); DESeq2 size factors 1e-12 (seen 2e-15); the parametric trend's two
 * coefficients and the VST 1e-8 (seen 3e-15 on TCGA, 6e-11 on simulated counts, where a few
 * dispersions at DESeq2's floor differ, see compareDeseq); gene-wise dispersions the trend uses 1e-6
 * (seen 4e-11 on TCGA, 2.4e-7 for one simulated gene); filterByExpr's kept set exactly.
 */
@Tag("realdata")
class CountNormalisationRTest {
    static final double TMM_TOL = 1e-9;
    static final double SIZE_FACTOR_TOL = 1e-12;
    static final double VST_TOL = 1e-8;
    static final double DISPERSION_TOL = 1e-6;

    @TempDir
    Path tmp;

    record Split(double[][] train, double[][] heldOut, List<String> trainClasses) {
    }

    static Split split(CountReference.Tcga tcga) {
        List<double[]> train = new ArrayList<>();
        List<double[]> held = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int s = 0; s < tcga.rows().length; s++) {
            if (s % 4 == 3) {
                held.add(tcga.rows()[s]);
            } else {
                train.add(tcga.rows()[s]);
                classes.add(tcga.classes().get(s));
            }
        }
        return new Split(train.toArray(double[][]::new), held.toArray(double[][]::new), classes);
    }

    @Test
    void tmmLogCpmOnTcgaEqualsEdgeRAndHeldOutUsesTheTrainingFit() throws Exception {
        Split split = split(CountReference.tcga());
        compareTmm(split.train(), split.heldOut(), "TCGA-BRCA 45+15");
    }

    @Test
    void tmmLogCpmOnSimulatedCountsEqualsEdgeR() throws Exception {
        CountReference r = new CountReference(tmp);
        double[][] counts = r.simulate(15, 4000, 24, false);
        compareTmm(java.util.Arrays.copyOfRange(counts, 0, 18), java.util.Arrays.copyOfRange(counts, 18, 24),
                "simulated NB integer");
    }

    @Test
    void tmmLogCpmKeepsFractionalCountsAsEdgeRDoes() throws Exception {
        CountReference r = new CountReference(tmp);
        double[][] counts = r.simulate(16, 3000, 16, true);
        compareTmm(java.util.Arrays.copyOfRange(counts, 0, 12), java.util.Arrays.copyOfRange(counts, 12, 16),
                "simulated NB fractional");
    }

    private void compareTmm(double[][] train, double[][] held, String what) throws Exception {
        CountReference r = new CountReference(tmp);
        Path trainFile = tmp.resolve("train.tsv");
        Path heldFile = tmp.resolve("held.tsv");
        CountReference.writeGenesBySamples(train, trainFile);
        CountReference.writeGenesBySamples(held, heldFile);
        r.run("tmm", trainFile.toString(), heldFile.toString(), tmp.toString());

        TmmLogCpm.FittedTmm fit = (TmmLogCpm.FittedTmm) new TmmLogCpm().fit(train);
        double[] factors = new double[train.length];
        for (int s = 0; s < train.length; s++) {
            factors[s] = fit.normFactor(train[s], CountRows.sum(train[s]));
        }
        double[] heldFactors = new double[held.length];
        for (int s = 0; s < held.length; s++) {
            heldFactors[s] = fit.normFactor(held[s], CountRows.sum(held[s]));
        }
        report(what + " TMM factors (training)", assertClose(CountReference.readVector(tmp.resolve("factors_train.txt")),
                factors, TMM_TOL, what + " TMM factors"));
        report(what + " log-CPM (training)", assertClose(CountReference.readGenesBySamples(tmp.resolve("logcpm_train.tsv")),
                fit.applyToTraining(train), TMM_TOL, what + " log-CPM"));
        report(what + " TMM factors (held-out)", assertClose(CountReference.readVector(tmp.resolve("factors_heldout.txt")),
                heldFactors, TMM_TOL, what + " held-out TMM factors"));
        report(what + " log-CPM (held-out)", assertClose(CountReference.readGenesBySamples(tmp.resolve("logcpm_heldout.tsv")),
                fit.apply(held), TMM_TOL, what + " held-out log-CPM"));
    }

    @Test
    void deseqVstOnTcgaEqualsDESeq2WithTheClassDesignAndHeldOutUsesTheTrainingFit() throws Exception {
        Split split = split(CountReference.tcga());
        // A 5,000-gene subset (every sixth gene) keeps R's dispersion fit short.
        compareDeseq(genes(split.train(), 6), genes(split.heldOut(), 6), split.trainClasses(), "TCGA-BRCA 45+15");
    }

    @Test
    void deseqVstOnSimulatedFractionalCountsWithoutClassesEqualsDESeq2() throws Exception {
        CountReference r = new CountReference(tmp);
        double[][] counts = r.simulate(18, 3000, 20, true);
        compareDeseq(java.util.Arrays.copyOfRange(counts, 0, 15), java.util.Arrays.copyOfRange(counts, 15, 20), null,
                "simulated NB fractional, ~1");
    }

    private static double[][] genes(double[][] rows, int every) {
        double[][] out = new double[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            int n = (rows[s].length + every - 1) / every;
            out[s] = new double[n];
            for (int k = 0; k < n; k++) {
                out[s][k] = rows[s][k * every];
            }
        }
        return out;
    }

    private void compareDeseq(double[][] train, double[][] held, List<String> classes, String what) throws Exception {
        CountReference r = new CountReference(tmp);
        Path trainFile = tmp.resolve("deseq-train.tsv");
        Path heldFile = tmp.resolve("deseq-held.tsv");
        CountReference.writeGenesBySamples(train, trainFile);
        CountReference.writeGenesBySamples(held, heldFile);
        String groups = "none";
        SampleContext context = SampleContext.NONE;
        if (classes != null) {
            Path g = tmp.resolve("deseq-groups.txt");
            Files.write(g, classes);
            groups = g.toString();
            List<String> levels = classes.stream().distinct().sorted().toList();
            context = new SampleContext(classes.stream().mapToInt(levels::indexOf).toArray(), levels.size(), null);
        }
        r.run("deseq", trainFile.toString(), heldFile.toString(), tmp.toString(), groups);

        DeseqVst.FittedVst fit = (DeseqVst.FittedVst) new DeseqVst().fit(train, context);
        double[] sf = new double[train.length];
        for (int s = 0; s < train.length; s++) {
            sf[s] = fit.sizeFactor(train[s]);
        }
        double[] heldSf = new double[held.length];
        for (int s = 0; s < held.length; s++) {
            heldSf[s] = fit.sizeFactor(held[s]);
        }
        report(what + " size factors (training)", assertClose(CountReference.readVector(tmp.resolve("sf_train.txt")), sf,
                SIZE_FACTOR_TOL, what + " size factors"));
        report(what + " size factors (held-out)", assertClose(CountReference.readVector(tmp.resolve("sf_heldout.txt")),
                heldSf, SIZE_FACTOR_TOL, what + " held-out size factors"));
        // Gene-wise dispersions: those the trend is fitted on (> 1e-6) within DISPERSION_TOL. Below that,
        // near DESeq2's floor of 1e-8, the log likelihood is a difference of lgamma values near 1e8
        // that cancel to about 1e-7, so R's line search and ours may stop at different tiny values.
        double[] rDisp = CountReference.readVector(tmp.resolve("disp_gene.txt"));
        double[] ourDisp = DeseqVst.geneDispersions(train, context);
        int beyond = 0;
        double worstUsed = 0;
        for (int g = 0; g < rDisp.length; g++) {
            if (Double.isNaN(rDisp[g])) {
                org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(ourDisp[g]), what + ": gene " + g + " has no counts");
                continue;
            }
            double d = Math.abs(ourDisp[g] - rDisp[g]) / rDisp[g];
            if (d > 1e-9) {
                beyond++;
            }
            if (rDisp[g] > 1e-6) {
                worstUsed = Math.max(worstUsed, d);
                if (!(d <= DISPERSION_TOL)) {
                    throw new AssertionError(what + ": gene " + g + " dispersion R " + rDisp[g] + ", ours " + ourDisp[g]);
                }
            }
        }
        System.out.println(what + ": gene-wise dispersions beyond 1e-9 of R: " + beyond + " of " + rDisp.length
                + "; largest relative difference among those the trend uses " + worstUsed);
        report(what + " dispersion trend", assertClose(CountReference.readVector(tmp.resolve("trend.txt")), fit.trend(),
                VST_TOL, what + " trend (asymptDisp, extraPois)"));
        report(what + " VST (training)", assertClose(CountReference.readGenesBySamples(tmp.resolve("vst_train.tsv")),
                fit.applyToTraining(train), VST_TOL, what + " VST"));
        report(what + " VST (held-out)", assertClose(CountReference.readGenesBySamples(tmp.resolve("vst_heldout.tsv")),
                fit.apply(held), VST_TOL, what + " held-out VST"));
    }

    @Test
    void filterByExprOnTcgaKeepsExactlyEdgeRsGenesWithAndWithoutClasses() throws Exception {
        Split split = split(CountReference.tcga());
        List<String> levels = List.of("normal", "tumor");
        int[] classOf = split.trainClasses().stream().mapToInt(levels::indexOf).toArray();
        compareFilter(split.train(), split.trainClasses(), new SampleContext(classOf, 2, null), "TCGA with classes");
        compareFilter(split.train(), null, SampleContext.NONE, "TCGA one group");
    }

    @Test
    void filterByExprOnSmallUnbalancedGroupsEqualsEdgeR() throws Exception {
        CountReference r = new CountReference(tmp);
        double[][] counts = r.simulate(17, 3000, 14, false);
        // 4 samples of one class, 10 of the other: MinSampleSize 4, below large.n.
        List<String> classes = new ArrayList<>();
        int[] classOf = new int[counts.length];
        for (int s = 0; s < counts.length; s++) {
            classOf[s] = s < 4 ? 0 : 1;
            classes.add(s < 4 ? "a" : "b");
        }
        compareFilter(counts, classes, new SampleContext(classOf, 2, null), "simulated 4+10");
    }

    private void compareFilter(double[][] train, List<String> classes, SampleContext context, String what)
            throws Exception {
        CountReference r = new CountReference(tmp);
        Path trainFile = tmp.resolve("filter-train.tsv");
        CountReference.writeGenesBySamples(train, trainFile);
        String groups = "none";
        if (classes != null) {
            Path g = tmp.resolve("groups.txt");
            Files.write(g, classes);
            groups = g.toString();
        }
        Path out = tmp.resolve("kept.txt");
        r.run("filter", trainFile.toString(), groups, out.toString());
        int[] expected = Files.readAllLines(out).stream().mapToInt(s -> Integer.parseInt(s) - 1).toArray();
        int[] kept = new FilterByExpr().fit(train, context).keptColumns();
        assertArrayEquals(expected, kept, what + ": kept genes");
        System.out.println(what + ": filterByExpr keeps " + kept.length + " of " + train[0].length + " genes, same as edgeR");
    }

    static void report(String what, double worst) {
        System.out.println(what + ": max relative difference to R " + worst);
    }
}
