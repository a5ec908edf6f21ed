package org.exprflow.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a leukaemia-like Affymetrix study (see {@link SimulatedStudy}) from a seed.
 *
 * <p>The model works in log2 space, as microarray noise does:
 * <pre>
 * log2 x[s,p] = baseline[p] + batch[b(s),p] + bioSd[p] * (patient part + sample part)
 *             + class effect (differential probes only) + techSd(baseline[p]) * noise
 * </pre>
 * Baselines come from a wide, bimodal distribution (absent and expressed probe sets, as in MAS5
 * output); technical noise is larger at low intensity. Each class has its own differential probes
 * with fold changes of about 1.3 to 8 (log2 0.4 to 3), and each sample expresses its class signature with its own
 * strength, so that a linear SVM on the top genes classifies well but not perfectly on every probe.
 * Two samples of one patient share part of their biological variation, which is what grouped
 * cross-validation has to respect. Exactly one array is degraded (compressed dynamic range, extra
 * noise), and about 0.1% of values are missing.
 *
 * <p>Independent random streams are split from the seed for the design, the probes, the effects,
 * the noise and the missing values, so each part is reproducible on its own. Only StrictMath is used
 * on random numbers: Math.log/exp may differ in the last bit between CPUs, which could flip a value
 * rounded to one decimal and break byte-identical output across machines.
 */
final class ExpressionSimulator {
    /** Fraction of values set to NA. */
    static final double MISSING_FRACTION = 0.001;
    /** Fraction of a sample's biological variation that it shares with the other sample of its patient. */
    private static final double PATIENT_SHARE = 0.6;

    private final SimulationParameters parameters;
    private final SplittableRandom designRandom;
    private final SplittableRandom probeRandom;
    private final SplittableRandom effectRandom;
    private final SplittableRandom noiseRandom;
    private final SplittableRandom missingRandom;

    private ExpressionSimulator(SimulationParameters parameters) {
        this.parameters = parameters;
        SplittableRandom root = new SplittableRandom(parameters.seed());
        this.designRandom = root.split();
        this.probeRandom = root.split();
        this.effectRandom = root.split();
        this.noiseRandom = root.split();
        this.missingRandom = root.split();
    }

    static SimulatedStudy simulate(SimulationParameters parameters) {
        return new ExpressionSimulator(parameters).run();
    }

    private SimulatedStudy run() {
        int n = parameters.samples();
        List<String> classNames = parameters.classNames();

        // --- study design: classes, patients, tissues, batches, split, the degraded array ---
        int[] classOf = classAssignment(n, classNames.size());
        int[] patientOf = pairPatients(classOf, classNames.size());
        int patientCount = Arrays.stream(patientOf).max().orElse(-1) + 1;
        List<String> tissues = tissues(patientOf);
        int batchCount = parameters.batchCount();
        int[] batchOfPatient = new int[patientCount];
        for (int pt = 0; pt < patientCount; pt++) {
            // A patient's samples were processed together, so batch is a patient property.
            batchOfPatient[pt] = designRandom.nextInt(batchCount);
        }
        List<String> splits = stratifiedPatientSplit(classOf, patientOf, classNames.size());
        int outlier = designRandom.nextInt(n);

        List<String> sampleIds = new ArrayList<>(n);
        List<String> labels = new ArrayList<>(n);
        List<String> patients = new ArrayList<>(n);
        List<String> batches = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            sampleIds.add("GSM" + (7001001 + s));
            labels.add(classNames.get(classOf[s]));
            patients.add(String.format("P%03d", patientOf[s] + 1));
            batches.add("B" + (batchOfPatient[patientOf[s]] + 1));
        }

        // --- probes: ids, baseline levels, variability ---
        int probeCount = parameters.probes();
        List<String> probeIds = AffymetrixProbeIds.generate(probeCount, probeRandom);
        double[] baseline = new double[probeCount];
        double[] bioSd = new double[probeCount];
        double[] techSd = new double[probeCount];
        for (int p = 0; p < probeCount; p++) {
            if (AffymetrixProbeIds.isControl(probeIds.get(p))) {
                // Spike-in controls: added at fixed amounts, so bright and nearly constant.
                baseline[p] = 9.5 + 1.0 * gaussian(probeRandom);
                bioSd[p] = 0.05;
            } else {
                // A quarter of probe sets measure transcripts not expressed in blood cells (near background).
                double level = probeRandom.nextDouble() < 0.25 ? 4.5 + 0.7 * gaussian(probeRandom)
                        : 8.0 + 1.7 * gaussian(probeRandom);
                baseline[p] = Math.min(14.5, Math.max(2.5, level));
                bioSd[p] = 0.1 + 0.25 * exponential(probeRandom);
            }
            // MAS5 signals are relatively noisier near background than for bright probe sets.
            techSd[p] = 0.12 + 0.9 / (1 + StrictMath.exp(1.2 * (baseline[p] - 5.5)));
        }

        // --- planted biology: differential probes, per-sample signature strength, patient and batch effects ---
        List<SimulatedStudy.DifferentialProbe> differential = differentialProbes(probeIds, baseline, classNames);
        int[] deClass = new int[probeCount];
        double[] deLog2 = new double[probeCount];
        Arrays.fill(deClass, -1);
        for (SimulatedStudy.DifferentialProbe d : differential) {
            deClass[d.probe()] = classNames.indexOf(d.className());
            deLog2[d.probe()] = d.log2FoldChange();
        }
        double[] signatureStrength = new double[n];
        for (int s = 0; s < n; s++) {
            // Some samples are atypical for their class (blast content, subclones): weaker signature.
            signatureStrength[s] = 0.3 + 0.9 * effectRandom.nextDouble();
        }
        double[][] patientEffect = new double[patientCount][probeCount];
        for (double[] row : patientEffect) {
            for (int p = 0; p < probeCount; p++) {
                row[p] = gaussian(effectRandom);
            }
        }
        double[][] batchEffect = new double[batchCount][probeCount];
        for (double[] row : batchEffect) {
            for (int p = 0; p < probeCount; p++) {
                row[p] = 0.08 * gaussian(effectRandom);
            }
        }

        // --- values ---
        double patientWeight = StrictMath.sqrt(PATIENT_SHARE);
        double sampleWeight = StrictMath.sqrt(1 - PATIENT_SHARE);
        double[][] intensities = new double[n][probeCount];
        double[] log2 = new double[probeCount];
        for (int s = 0; s < n; s++) {
            double[] patient = patientEffect[patientOf[s]];
            double[] batch = batchEffect[batchOfPatient[patientOf[s]]];
            for (int p = 0; p < probeCount; p++) {
                double bio = bioSd[p] * (patientWeight * patient[p] + sampleWeight * gaussian(noiseRandom));
                double jitter = 0.75 + 0.5 * noiseRandom.nextDouble();
                double effect = deClass[p] == classOf[s] ? deLog2[p] * signatureStrength[s] * jitter : 0;
                log2[p] = baseline[p] + batch[p] + bio + effect + techSd[p] * gaussian(noiseRandom);
            }
            if (s == outlier) {
                degrade(log2);
            }
            for (int p = 0; p < probeCount; p++) {
                boolean missing = missingRandom.nextDouble() < MISSING_FRACTION;
                intensities[s][p] = missing ? Double.NaN : publishedIntensity(log2[p]);
            }
        }
        return new SimulatedStudy(probeIds, sampleIds, classNames, labels, patients, tissues, batches, splits,
                intensities, differential, outlier);
    }

    /** Balanced classes (the first classes get one more sample when n does not divide), in random order. */
    private int[] classAssignment(int n, int classes) {
        int[] classOf = new int[n];
        int i = 0;
        for (int c = 0; c < classes; c++) {
            int size = n / classes + (c < n % classes ? 1 : 0);
            for (int j = 0; j < size; j++) {
                classOf[i++] = c;
            }
        }
        for (int j = n - 1; j > 0; j--) {
            int k = designRandom.nextInt(j + 1);
            int t = classOf[j];
            classOf[j] = classOf[k];
            classOf[k] = t;
        }
        return classOf;
    }

    /**
     * Patients: in each class, a third of the patients gave two samples (bone marrow and peripheral
     * blood), the rest one. Patients are numbered by their first sample, so ids follow series order.
     */
    private static int[] pairPatients(int[] classOf, int classes) {
        int n = classOf.length;
        int[] key = new int[n];
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = membersOf(classOf, c);
            int pairs = members.size() / 3;
            for (int j = 0; j < members.size(); j++) {
                if (j < 2 * pairs && j % 2 == 1) {
                    key[members.get(j)] = key[members.get(j - 1)];
                } else {
                    key[members.get(j)] = next++;
                }
            }
        }
        Map<Integer, Integer> renumber = new HashMap<>();
        int[] patientOf = new int[n];
        for (int s = 0; s < n; s++) {
            patientOf[s] = renumber.computeIfAbsent(key[s], k -> renumber.size());
        }
        return patientOf;
    }

    private List<String> tissues(int[] patientOf) {
        int n = patientOf.length;
        int[] samplesOfPatient = new int[n];
        for (int pt : patientOf) {
            samplesOfPatient[pt]++;
        }
        int[] seen = new int[n];
        List<String> tissues = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            String tissue;
            if (samplesOfPatient[patientOf[s]] == 2) {
                tissue = seen[patientOf[s]]++ == 0 ? "bone marrow" : "peripheral blood";
            } else {
                tissue = designRandom.nextDouble() < 0.75 ? "bone marrow" : "peripheral blood";
            }
            tissues.add(tissue);
        }
        return tissues;
    }

    /**
     * About a quarter of each class goes to the test set, taking whole patients so that no patient
     * has samples on both sides (that would leak the patient effect into the test estimate).
     */
    private List<String> stratifiedPatientSplit(int[] classOf, int[] patientOf, int classes) {
        int n = classOf.length;
        boolean[] testPatient = new boolean[n];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = membersOf(classOf, c);
            List<Integer> classPatients = new ArrayList<>();
            int[] size = new int[n];
            for (int s : members) {
                if (size[patientOf[s]]++ == 0) {
                    classPatients.add(patientOf[s]);
                }
            }
            for (int j = classPatients.size() - 1; j > 0; j--) {
                int k = designRandom.nextInt(j + 1);
                Integer t = classPatients.get(j);
                classPatients.set(j, classPatients.get(k));
                classPatients.set(k, t);
            }
            long target = Math.max(1, Math.round(members.size() / 4.0));
            int taken = 0;
            for (int pt : classPatients) {
                if (taken + size[pt] <= target) {
                    testPatient[pt] = true;
                    taken += size[pt];
                }
            }
        }
        List<String> splits = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            splits.add(testPatient[patientOf[s]] ? "test" : "train");
        }
        return splits;
    }

    /**
     * Each class gets its own probes, chosen among expressed probe sets (a fold change of a probe at
     * background would be invisible under the noise), 60% up- and 40% down-regulated.
     */
    private List<SimulatedStudy.DifferentialProbe> differentialProbes(List<String> probeIds, double[] baseline,
                                                                       List<String> classNames) {
        List<Integer> candidates = new ArrayList<>();
        List<Integer> fallback = new ArrayList<>();
        for (int p = 0; p < probeIds.size(); p++) {
            if (AffymetrixProbeIds.isControl(probeIds.get(p))) {
                continue;
            }
            (baseline[p] >= 5.5 && baseline[p] <= 12 ? candidates : fallback).add(p);
        }
        int needed = classNames.size() * parameters.differentialPerClass();
        for (int j = candidates.size() - 1; j > 0; j--) {
            int k = effectRandom.nextInt(j + 1);
            Integer t = candidates.get(j);
            candidates.set(j, candidates.get(k));
            candidates.set(k, t);
        }
        candidates.addAll(fallback);
        List<SimulatedStudy.DifferentialProbe> out = new ArrayList<>(needed);
        for (int i = 0; i < needed; i++) {
            String cls = classNames.get(i / parameters.differentialPerClass());
            double sign = effectRandom.nextDouble() < 0.6 ? 1 : -1;
            double magnitude = Math.min(3.0, 0.4 + 0.5 * exponential(effectRandom));
            out.add(new SimulatedStudy.DifferentialProbe(candidates.get(i), cls, sign * magnitude));
        }
        out.sort((a, b) -> Integer.compare(a.probe(), b.probe()));
        return out;
    }

    /**
     * A degraded array (poor RNA, failed hybridisation): the dynamic range shrinks towards the array
     * mean and a large probe-specific error appears, so its correlation with other arrays drops.
     */
    private void degrade(double[] log2) {
        double mean = 0;
        for (double v : log2) {
            mean += v;
        }
        mean /= log2.length;
        for (int p = 0; p < log2.length; p++) {
            log2[p] = mean + 0.5 * (log2[p] - mean) + 0.6 * gaussian(noiseRandom);
        }
    }

    /** Linear signal rounded to one decimal, as MAS5 values appear in GEO; never below 0.1. */
    private static double publishedIntensity(double log2) {
        double linear = StrictMath.pow(2, log2);
        return Math.max(0.1, Math.round(linear * 10) / 10.0);
    }

    private static List<Integer> membersOf(int[] classOf, int c) {
        List<Integer> members = new ArrayList<>();
        for (int s = 0; s < classOf.length; s++) {
            if (classOf[s] == c) {
                members.add(s);
            }
        }
        return members;
    }

    /** Standard normal deviate by Marsaglia's polar method, with StrictMath for bit-reproducibility. */
    static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** Exponential deviate with mean 1. */
    private static double exponential(SplittableRandom random) {
        return -StrictMath.log(1 - random.nextDouble());
    }
}
