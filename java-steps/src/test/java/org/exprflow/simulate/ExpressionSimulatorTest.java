package org.exprflow.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.data.FeatureIdType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simulated study has the design and the planted signals that other steps' tests rely on. */
@Tag("unit")
class ExpressionSimulatorTest {
    private static final SimulatedStudy DEFAULT = ExpressionSimulator.simulate(new SimulationParameters(1, 60, 2000, 5, 20));

    @Test
    void idsLookLikeGeoSamplesAndAffymetrixProbes() {
        assertEquals(60, new HashSet<>(DEFAULT.sampleIds()).size());
        assertTrue(DEFAULT.sampleIds().stream().allMatch(id -> id.matches("GSM\\d+")));
        assertEquals(2000, new HashSet<>(DEFAULT.probeIds()).size(), "probe ids are unique");
        assertEquals(FeatureIdType.PROBE, FeatureIdType.guess(DEFAULT.probeIds()));
        assertTrue(DEFAULT.probeIds().get(0).matches("200000_(s_|x_)?at"), DEFAULT.probeIds().get(0));
        long controls = DEFAULT.probeIds().stream().filter(id -> id.startsWith("AFFX-")).count();
        assertEquals(10, controls);
        assertTrue(DEFAULT.probeIds().get(1999).startsWith("AFFX-"), "controls come last, as on GPL96");
        assertTrue(DEFAULT.probeIds().stream().anyMatch(id -> id.endsWith("_s_at")));
    }

    @Test
    void classesAreBalancedAndEachClassHasAboutAQuarterInTheTestSplit() {
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> test = new HashMap<>();
        for (int s = 0; s < 60; s++) {
            total.merge(DEFAULT.labels().get(s), 1, Integer::sum);
            if (DEFAULT.splits().get(s).equals("test")) {
                test.merge(DEFAULT.labels().get(s), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("AML", 12, "B-ALL", 12, "T-ALL", 12, "CLL", 12, "CML", 12), total);
        for (String c : total.keySet()) {
            assertEquals(3, test.get(c), c + " test samples");
        }
    }

    @Test
    void pairedSamplesShareAPatientAClassAndASplit() {
        Map<String, List<Integer>> byPatient = new HashMap<>();
        for (int s = 0; s < 60; s++) {
            byPatient.computeIfAbsent(DEFAULT.patients().get(s), k -> new java.util.ArrayList<>()).add(s);
        }
        long pairs = byPatient.values().stream().filter(l -> l.size() == 2).count();
        assertEquals(20, pairs, "a third of each class's 12 samples are 4 pairs: 5 classes x 4");
        assertTrue(byPatient.values().stream().allMatch(l -> l.size() <= 2));
        for (List<Integer> members : byPatient.values()) {
            Set<String> labels = new HashSet<>();
            Set<String> splits = new HashSet<>();
            Set<String> batches = new HashSet<>();
            for (int s : members) {
                labels.add(DEFAULT.labels().get(s));
                splits.add(DEFAULT.splits().get(s));
                batches.add(DEFAULT.batches().get(s));
            }
            assertEquals(1, labels.size());
            assertEquals(1, splits.size(), "a patient must not straddle train and test");
            assertEquals(1, batches.size());
        }
    }

    @Test
    void aboutOnePerMilleOfValuesIsMissingAndTheRestArePositiveOneDecimalIntensities() {
        int missing = 0;
        for (int s = 0; s < 60; s++) {
            for (int p = 0; p < 2000; p++) {
                double v = DEFAULT.intensity(s, p);
                if (Double.isNaN(v)) {
                    missing++;
                } else {
                    assertTrue(v >= 0.1, "positive");
                    assertEquals(v, Math.round(v * 10) / 10.0, 1e-9, "one decimal");
                }
            }
        }
        assertTrue(missing >= 60 && missing <= 240, "missing values: " + missing + " of 120000");
    }

    @Test
    void eachClassHasItsDifferentialProbesShiftedInThePlantedDirection() {
        assertEquals(100, DEFAULT.differential().size());
        Map<String, Integer> perClass = new HashMap<>();
        int rightDirection = 0;
        for (SimulatedStudy.DifferentialProbe d : DEFAULT.differential()) {
            perClass.merge(d.className(), 1, Integer::sum);
            double in = 0;
            double out = 0;
            int nIn = 0;
            int nOut = 0;
            for (int s = 0; s < 60; s++) {
                double v = DEFAULT.intensity(s, d.probe());
                if (Double.isNaN(v) || s == DEFAULT.outlierSample()) {
                    continue;
                }
                double log2 = Math.log(v) / Math.log(2);
                if (DEFAULT.labels().get(s).equals(d.className())) {
                    in += log2;
                    nIn++;
                } else {
                    out += log2;
                    nOut++;
                }
            }
            if (Math.signum(in / nIn - out / nOut) == Math.signum(d.log2FoldChange())) {
                rightDirection++;
            }
        }
        assertEquals(Map.of("AML", 20, "B-ALL", 20, "T-ALL", 20, "CLL", 20, "CML", 20), perClass);
        assertTrue(rightDirection >= 95, rightDirection + " of 100 differential probes move in the planted direction");
    }

    @Test
    void exactlyOneArrayIsDegradedAndItCorrelatesLeastWithTheOthers() {
        double[] meanCorrelation = new double[60];
        double[][] log2 = new double[60][2000];
        for (int s = 0; s < 60; s++) {
            for (int p = 0; p < 2000; p++) {
                double v = DEFAULT.intensity(s, p);
                log2[s][p] = Double.isNaN(v) ? Double.NaN : Math.log(v);
            }
        }
        for (int a = 0; a < 60; a++) {
            for (int b = 0; b < 60; b++) {
                if (a != b) {
                    meanCorrelation[a] += pearson(log2[a], log2[b]) / 59;
                }
            }
        }
        int lowest = 0;
        for (int s = 1; s < 60; s++) {
            if (meanCorrelation[s] < meanCorrelation[lowest]) {
                lowest = s;
            }
        }
        assertEquals(DEFAULT.outlierSample(), lowest);
        double secondLowest = Double.MAX_VALUE;
        for (int s = 0; s < 60; s++) {
            if (s != lowest) {
                secondLowest = Math.min(secondLowest, meanCorrelation[s]);
            }
        }
        assertTrue(secondLowest - meanCorrelation[lowest] > 0.05, "the degraded array stands apart: "
                + meanCorrelation[lowest] + " vs " + secondLowest);
    }

    @Test
    void theSimulatorIsAPureFunctionOfItsParameters() {
        SimulatedStudy again = ExpressionSimulator.simulate(new SimulationParameters(1, 60, 2000, 5, 20));
        for (int s = 0; s < 60; s++) {
            assertTrue(java.util.Arrays.equals(DEFAULT.intensities()[s], again.intensities()[s]));
        }
        SimulatedStudy other = ExpressionSimulator.simulate(new SimulationParameters(2, 60, 2000, 5, 20));
        assertFalse(java.util.Arrays.equals(DEFAULT.intensities()[0], other.intensities()[0]));
    }

    private static double pearson(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** --batches sets the number of processing batches (leave-one-batch-out needs several); 0 keeps the default design. */
    @Test
    void batchesCanBeAsked() {
        SimulatedStudy five = ExpressionSimulator.simulate(new SimulationParameters(3, 60, 400, 2, 10, 5));
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5"), five.batches().stream().distinct().sorted().toList());
        assertEquals(DEFAULT.batches(), ExpressionSimulator.simulate(new SimulationParameters(1, 60, 2000, 5, 20, 0)).batches());
        assertThrows(org.exprflow.core.UserException.class, () -> new SimulationParameters(1, 60, 2000, 5, 20, -1));
    }
}
