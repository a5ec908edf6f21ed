package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.CrossSampleTransforms;
import org.exprflow.normalise.SampleStandardisation;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Leading per-sample transforms computed once per process ({@link PerSampleRows}): an outer fold with
 * its inner model selection gives the same model bytes and the same predictions, bit for bit, through
 * the cached rows as through the transforms applied in every fold; only standardise qualifies.
 */
@Tag("unit")
class PerSampleRowsTest {
    private static final List<String> GRID = List.of("weka.classifiers.functions.SMO -M",
            "weka.classifiers.bayes.NaiveBayes");

    /** Three classes, some NAs, and a constant sample (no spread: standardised to 0). */
    private static Dataset data() {
        Dataset d = SyntheticData.classes(11, 45, 120, 4, 1.5, "A", "B", "C");
        double[][] v = d.copyValues();
        for (int i = 0; i < v.length; i++) {
            v[i][(7 * i) % v[i].length] = Double.NaN;
        }
        java.util.Arrays.fill(v[5], 2.5);
        return d.withValues(v);
    }

    @Test
    void onlyStandardiseIsPerSample() {
        for (String name : CrossSampleTransforms.NAMES) {
            if (name.equals("none")) {
                continue;
            }
            CrossSampleTransform t = CrossSampleTransforms.parse(name).get(0);
            assertEquals(name.equals(SampleStandardisation.NAME), t.perSample(), name);
        }
        assertEquals(true, new SampleStandardisation().fit(new double[][] {{1, 2}}).perSample());
    }

    @Test
    void anOuterFoldGivesTheSameBytesThroughTheCachedRows() throws Exception {
        for (String transforms : List.of("standardise", "standardise,zscore", "standardise,quantile", "zscore")) {
            Dataset d = data();
            String slow = outerFold(d, transforms);
            String fast;
            try (PerSampleRows.Scope cached = PerSampleRows.open(d, List.of(transforms.split(",")))) {
                fast = outerFold(d, transforms);
            }
            assertEquals(slow, fast, transforms);
        }
    }

    @Test
    void rowsAreFoundByIdentityOnlyForTheSameLeadingTransforms() {
        Dataset d = data();
        List<CrossSampleTransform> standardise = CrossSampleTransforms.parse("standardise");
        Dataset subset = d.subsetSamples(new int[] {3, 1, 4, 15});
        assertNull(PerSampleRows.after(subset, standardise), "no scope open");
        try (PerSampleRows.Scope cached = PerSampleRows.open(d, List.of("standardise", "zscore"))) {
            double[][] rows = PerSampleRows.after(subset, standardise);
            assertNotNull(rows);
            // the very doubles the transform gives row by row
            double[][] direct = new SampleStandardisation().fit(subset.copyValues()).apply(subset.copyValues());
            for (int i = 0; i < rows.length; i++) {
                assertArrayEquals(direct[i], rows[i], 0.0);
            }
            // new arrays (a shuffled column, PermutationImportance) are not found: same values, other rows
            assertNull(PerSampleRows.after(subset.withValues(subset.copyValues()), standardise));
            // another leading chain is not served
            assertNull(PerSampleRows.after(subset, CrossSampleTransforms.parse("zscore")));
            // prepare takes them: the prepared training rows are the cached arrays themselves
            PreparedTraining prepared = PreparedTraining.prepare(subset, subset.primaryTarget(), List.of("standardise"));
            for (int i = 0; i < rows.length; i++) {
                assertSame(rows[i], prepared.x[i]);
            }
        }
        try (PerSampleRows.Scope none = PerSampleRows.open(d, List.of("zscore", "standardise"))) {
            assertNull(PerSampleRows.after(subset, standardise), "a chain led by a cross-sample transform caches nothing");
        }
    }

    /** One outer fold (5 folds, fold 2) with 3 x 2 inner folds over the grid: model bytes and predictions. */
    private static String outerFold(Dataset d, String transforms) throws Exception {
        Set<String> train = new LinkedHashSet<>();
        Set<String> held = new LinkedHashSet<>();
        for (int i = 0; i < d.sampleCount(); i++) {
            (i % 5 == 2 ? held : train).add(d.sampleId(i));
        }
        ModelOptions options = ModelOptions.of(GRID, List.of(5, 30), transforms, 3, 2, 42, null);
        OuterFold.Result r = OuterFold.run(d, d.primaryTarget(), train, held, 1, 2, options);
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(r.selection().model());
        }
        out.append(java.util.HexFormat.of().formatHex(bytes.toByteArray())).append('\n');
        List<String> scores = new ArrayList<>();
        for (ModelSelection.Score s : r.selection().scores()) {
            scores.add(s.candidate() + " " + Double.doubleToRawLongBits(s.balancedAccuracy()) + " "
                    + Double.doubleToRawLongBits(s.standardError()));
        }
        out.append(scores).append('\n');
        for (PredictionTable.Row row : r.rows()) {
            out.append(row.sample()).append(' ').append(row.learner()).append(' ').append(row.predicted());
            for (double p : row.probabilities()) {
                out.append(' ').append(Double.doubleToRawLongBits(p));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
