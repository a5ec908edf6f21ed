package org.exprflow.normalise;

import static org.exprflow.normalise.RReference.assertMatrixEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.exprflow.data.Dataset;
import org.exprflow.ingest.GolubTableReader;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ComBat against {@code sva::ComBat(dat, batch, mod = NULL, par.prior, mean.only)} (sva 3.46), run
 * live: the training rows equal sva's output, and held-out rows of training batches equal sva's
 * estimates applied to them (recovered from sva's output, see sva_combat.R).
 *
 * <p>Tolerance {@value #TOL} (absolute, on values of order 10): sva sums in long double and through
 * BLAS, we sum in double; the parametric iteration stops at the same step (same relative-change
 * rule), so the only differences are rounding. Observed maxima are printed by each case.
 */
@Tag("realdata")
class ComBatRTest {
    static final double TOL = 1e-10;

    @TempDir
    Path tmp;

    @Test
    void parametricEqualsSva() throws Exception {
        Simulated d = simulate(11, 300, new int[] {7, 9, 12}, false);
        compare(d, "parametric", ComBat.Form.PARAMETRIC);
    }

    @Test
    void nonParametricEqualsSva() throws Exception {
        Simulated d = simulate(12, 200, new int[] {6, 8, 10}, false);
        compare(d, "non-parametric", ComBat.Form.NON_PARAMETRIC);
    }

    @Test
    void meanOnlyEqualsSva() throws Exception {
        Simulated d = simulate(13, 300, new int[] {7, 9, 12}, false);
        compare(d, "mean-only", ComBat.Form.MEAN_ONLY);
    }

    /** sva switches to mean-only for every batch when one batch has a single sample; so do we. */
    @Test
    void aBatchOfOneSampleMeansMeanOnlyAsInSva() throws Exception {
        Simulated d = simulate(14, 150, new int[] {1, 8, 9}, false);
        compare(d, "parametric with a one-sample batch", ComBat.Form.PARAMETRIC);
    }

    /** NAs anywhere switch sva to its NA path (an n - 1 pooled variance); genes with NAs are never 'zero variance'. */
    @Test
    void missingValuesFollowSvasNaPath() throws Exception {
        Simulated d = simulate(15, 200, new int[] {7, 9, 12}, true);
        double[][] ours = fitted(d, ComBat.Form.PARAMETRIC).applyToTraining(d.train, d.trainContext());
        double[][] sva = sva(d, List.of(ComBat.Form.PARAMETRIC)).get(0).train();
        double diff = maxDiff(sva, ours);
        System.out.println("ComBat parametric with NAs vs sva: max |diff| " + diff);
        assertMatrixEquals(sva, ours, TOL, "sva NA path");
    }

    /** Golub's training and independent sets, scanned apart, as two batches: 1,000 genes, log2 of values floored at 20. */
    @Test
    void golubTrainingAndIndependentSetsEqualSva() throws Exception {
        Dataset train = GolubTableReader.read(TestEnvironment.sharedFile("golub/data_set_ALL_AML_train.csv.gz"));
        Dataset test = GolubTableReader.read(TestEnvironment.sharedFile("golub/data_set_ALL_AML_independent.csv.gz"));
        int genes = 1000;
        int heldPerBatch = 5;
        int nTrain = train.sampleCount() + test.sampleCount() - 2 * heldPerBatch;
        double[][] rows = new double[nTrain][];
        String[] batches = new String[nTrain];
        double[][] held = new double[2 * heldPerBatch][];
        String[] heldBatches = new String[2 * heldPerBatch];
        int r = 0;
        int h = 0;
        for (Dataset d : new Dataset[] {train, test}) {
            for (int i = 0; i < d.sampleCount(); i++) {
                double[] row = new double[genes];
                for (int g = 0; g < genes; g++) {
                    row[g] = Math.log(Math.max(20, d.value(i, 1000 + g))) / Math.log(2);
                }
                if (i < heldPerBatch) {
                    held[h] = row;
                    heldBatches[h++] = d == train ? "train" : "independent";
                } else {
                    rows[r] = row;
                    batches[r++] = d == train ? "train" : "independent";
                }
            }
        }
        Simulated d = new Simulated(rows, batches, held, heldBatches);
        compare(d, "Golub", ComBat.Form.PARAMETRIC, ComBat.Form.MEAN_ONLY, ComBat.Form.NON_PARAMETRIC);
    }

    private void compare(Simulated d, String what, ComBat.Form... forms) throws Exception {
        List<Reference> references = sva(d, List.of(forms));
        for (int k = 0; k < forms.length; k++) {
            String name = what + " " + forms[k].transformName();
            CrossSampleTransform.Fitted f = fitted(d, forms[k]);
            double[][] ours = f.applyToTraining(d.train, d.trainContext());
            double[][] oursHeld = f.apply(d.held, new SampleContext(null, 0, d.heldBatches));
            Reference sva = references.get(k);
            double diff = maxDiff(sva.train, ours);
            double heldDiff = maxDiff(sva.held, oursHeld);
            System.out.println("ComBat " + name + " vs sva: training max |diff| " + diff + ", held-out max |diff| " + heldDiff);
            assertMatrixEquals(sva.train, ours, TOL, name + " training rows");
            assertMatrixEquals(sva.held, oursHeld, TOL, name + " held-out rows");
            assertTrue(maxDiff(d.train, ours) > 0.1, name + ": ComBat changed nothing");
        }
    }

    private static CrossSampleTransform.Fitted fitted(Simulated d, ComBat.Form form) {
        return new ComBat(form).fit(d.train, d.trainContext());
    }

    private List<Reference> sva(Simulated d, List<ComBat.Form> forms) throws Exception {
        List<boolean[]> spec = forms.stream()
                .map(f -> new boolean[] {f != ComBat.Form.NON_PARAMETRIC, f == ComBat.Form.MEAN_ONLY}).toList();
        return new RReference(tmp).svaComBat(d.train, d.batches, d.held, d.heldBatches, spec).stream()
                .map(Reference::new).toList();
    }

    record Reference(double[][] train, double[][] held) {
        Reference(double[][][] both) {
            this(both[0], both[1]);
        }
    }

    record Simulated(double[][] train, String[] batches, double[][] held, String[] heldBatches) {
        SampleContext trainContext() {
            return new SampleContext(null, 0, batches);
        }
    }

    /**
     * Log-scale genes (mean 6 to 10) with per-batch additive (SD 0.8) and multiplicative (0.5 to 2)
     * effects; gene 3 is constant inside the largest batch (sva leaves such genes alone); two held-out
     * rows per batch of two samples or more.
     */
    static Simulated simulate(long seed, int genes, int[] sizes, boolean withNas) {
        Random rng = new Random(seed);
        double[] base = new double[genes];
        for (int g = 0; g < genes; g++) {
            base[g] = 6 + 4 * rng.nextDouble();
        }
        int total = Arrays.stream(sizes).sum();
        int heldTotal = Arrays.stream(sizes).map(s -> s >= 2 ? 2 : 0).sum();
        double[][] rows = new double[total][genes];
        String[] batches = new String[total];
        double[][] held = new double[heldTotal][genes];
        String[] heldBatches = new String[heldTotal];
        int r = 0;
        int h = 0;
        for (int b = 0; b < sizes.length; b++) {
            double[] shift = new double[genes];
            double[] scale = new double[genes];
            for (int g = 0; g < genes; g++) {
                shift[g] = 0.8 * rng.nextGaussian() + (b - 1) * 0.5;
                scale[g] = 0.5 + 1.5 * rng.nextDouble();
            }
            int extra = sizes[b] >= 2 ? 2 : 0;
            for (int k = 0; k < sizes[b] + extra; k++) {
                double[] row = new double[genes];
                for (int g = 0; g < genes; g++) {
                    row[g] = base[g] + shift[g] + scale[g] * rng.nextGaussian();
                }
                if (k < sizes[b]) {
                    if (b == sizes.length - 1) {
                        row[3] = 7.25;
                    }
                    rows[r] = row;
                    batches[r++] = "b" + (b + 1);
                } else {
                    held[h] = row;
                    heldBatches[h++] = "b" + (b + 1);
                }
            }
        }
        if (withNas) {
            for (int i = 0; i < total; i++) {
                for (int g = 10; g < genes; g++) {
                    if (rng.nextDouble() < 0.02) {
                        rows[i][g] = Double.NaN;
                    }
                }
            }
        }
        assertEquals(total, r);
        return new Simulated(rows, batches, held, heldBatches);
    }

    static double maxDiff(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (!Double.isNaN(a[i][j]) || !Double.isNaN(b[i][j])) {
                    max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
                }
            }
        }
        return max;
    }
}
