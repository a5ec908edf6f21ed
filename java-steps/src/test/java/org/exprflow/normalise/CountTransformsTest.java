package org.exprflow.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The count transforms' rules that need no R: order in --transforms, bad counts, log2 rounding. */
@Tag("unit")
class CountTransformsTest {

    @Test
    void countTransformsComeFirstFilterBeforeNormalisation() {
        assertEquals(List.of("filter_expr", "tmm_logcpm", "zscore"), CrossSampleTransforms.parse("filter_expr,tmm_logcpm,zscore")
                .stream().map(CrossSampleTransform::name).toList());
        for (String spec : new String[] {"zscore,tmm_logcpm", "tmm_logcpm,filter_expr", "quantile,filter_expr",
                "tmm_logcpm,deseq_vst", "deseq_vst,filter_expr"}) {
            UserException e = assertThrows(UserException.class, () -> CrossSampleTransforms.parse(spec), spec);
            assertEquals(ExitCode.USAGE, e.exitCode());
            assertTrue(e.getMessage().startsWith("--transforms '" + spec + "'") && !e.getMessage().contains("\n"),
                    e.getMessage());
        }
    }

    @Test
    void negativeOrMissingCountsAndEmptyLibrariesAreUnsuitableData() {
        double[][] negative = {{1, 2, 3}, {4, -1, 6}};
        UserException e = assertThrows(UserException.class, () -> new TmmLogCpm().fit(negative));
        assertTrue(e.getMessage().contains("training sample 2, feature 2 is -1.0"), e.getMessage());
        double[][] logged = {{1, 2, 3}, {4, Double.NaN, 6}};
        assertThrows(UserException.class, () -> new FilterByExpr().fit(logged));
        double[][] empty = {{1, 2, 3}, {0, 0, 0}};
        assertTrue(assertThrows(UserException.class, () -> new TmmLogCpm().fit(empty)).getMessage()
                .contains("library size 0"));
    }

    @Test
    void log2IsRoundedToNearestWhereLogOverLn2IsNot() {
        assertEquals(-3.0, RLog2.log2(0.125), 0.0);
        assertEquals(10.0, RLog2.log2(1024), 0.0);
        assertEquals(-1074.0, RLog2.log2(Double.MIN_VALUE), 0.0);
        // x (a small count over a library size) and log2(x) computed with 50-digit decimals, rounded
        // once; Math.log(x) / Math.log(2) is an ulp off for each of these.
        double[][] cases = {
            {0x1.5de31a767b759p-20, -0x1.38c9bed10ba09p+4},
            {0x1.1dbc137dc5515p-22, -0x1.5d76a6d5b4bbdp+4},
            {0x1.0cd1451825b80p-19, -0x1.2edf4d2d682e7p+4},
            {0x1.bfd1d25f05a4bp-24, -0x1.7317743c389d0p+4},
            {0x1.b2bedb8d4e560p-20, -0x1.33c68b3212d29p+4},
            {0x1.e8eb71c1c9863p-20, -0x1.311092cf9fda7p+4},
            {0x1.1b2108b57144ap-24, -0x1.7dacc937a65a6p+4},
            {0x1.c28f41017820cp-23, -0x1.62f36891fd83cp+4},
        };
        for (double[] c : cases) {
            assertEquals(c[1], RLog2.log2(c[0]), 0.0, Double.toHexString(c[0]));
            assertTrue(c[1] != Math.log(c[0]) / Math.log(2));
        }
    }

    @Test
    void aGeneWithoutCountsIsExactlyConstantAfterTmmLogCpm() {
        double[][] train = {{0, 10, 200, 3}, {0, 25, 90, 7}, {0, 4, 410, 1}};
        CrossSampleTransform.Fitted fit = new TmmLogCpm().fit(train);
        double[][] out = fit.applyToTraining(train);
        double[][] held = fit.apply(new double[][] {{0, 1, 999, 0}});
        for (double[] row : out) {
            assertEquals(out[0][0], row[0], 0.0, "a zero count has one log-CPM, whatever the library size");
        }
        assertEquals(out[0][0], held[0][0], 0.0);
        assertEquals(out[0][0], held[0][3], 0.0);
    }

    @Test
    void deseqRoundsHalvesToEvenAsR() {
        assertEquals(List.of(0.0, 2.0, 2.0, 4.0, 3.0), java.util.Arrays.stream(DeseqVst.rounded(new double[][] {{0.5, 1.5, 2.5, 3.5, 2.51}})[0])
                .boxed().toList());
    }

    @Test
    void filterMinimumSampleSizeFollowsEdgeR() {
        assertEquals(4.0, FilterByExpr.minSampleSize(14, new SampleContext(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 2, null)));
        assertEquals(10 + 20 * 0.7, FilterByExpr.minSampleSize(30, SampleContext.NONE), 1e-12);
    }
}
