package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;

/**
 * A deterministic landmark/target expression study with known answers, built like co-expression
 * data: every landmark belongs to one of {@value #PROGRAMS} expression programs (pathways) and
 * follows that program's activity z (loading 0.8) plus its own variation (0.6 N(0, 1)), so each
 * program is reported by about a hundred correlated landmarks. Each sample also has a technical
 * offset on all its landmarks, the kind of array effect quantile normalisation removes.
 * <ul>
 * <li>linear targets: w₁s_a + w₂s_b + w₃s_c of three landmarks' standardized signals s (their own
 * variation included), weights N(0, 1): least squares can find them exactly, a learner that only
 * tracks programs cannot;</li>
 * <li>non-linear targets: 1.5(|z_a| − 0.8) + z_b·z_c of program activities (a ≠ b ≠ c), which has
 * no linear part (z is symmetric around 0), so linear regression cannot find it, while a tree
 * ensemble or a nearest-neighbour learner reads it from the many landmarks of those programs.</li>
 * </ul>
 * plus N(0, 0.5²) noise, then a gene-specific mean and scale. Values are log2-like intensities.
 * Same parameters, same values: java.util.Random with the seed, draws in a fixed order.
 */
public final class LandmarkSimulator {
    public static final int PROGRAMS = 6;

    public enum Kind { LINEAR, NONLINEAR }

    /**
     * @param querySamples further samples of the same study, drawn after the others (so their number
     *                     changes nothing else): the "new L1000 profiles" whose landmarks a saved
     *                     model reads, with their true targets kept for checking
     */
    public record Parameters(long seed, int samples, int landmarks, int targets, double nonlinearFraction, int querySamples) {
        public Parameters {
            if (samples < 4 || landmarks < PROGRAMS || targets < 1 || !(nonlinearFraction >= 0 && nonlinearFraction <= 1)
                    || querySamples < 0) {
                throw new IllegalArgumentException("need >= 4 samples, >= " + PROGRAMS + " landmarks, >= 1 target, "
                        + "fraction in [0, 1], >= 0 query samples");
            }
        }

        public Parameters(long seed, int samples, int landmarks, int targets, double nonlinearFraction) {
            this(seed, samples, landmarks, targets, nonlinearFraction, 0);
        }
    }

    /**
     * One target's definition: its kind, the three landmarks (linear) or programs (non-linear) it
     * reads, and (linear) their weights.
     */
    public record TargetTruth(String id, Kind kind, int a, int b, int c, double wa, double wb, double wc) {
    }

    /** @param query the query samples, landmarks and targets (empty when none were asked for) */
    public record Study(Dataset data, Dataset query, List<String> landmarkIds, List<String> targetIds, List<TargetTruth> truth) {
    }

    private LandmarkSimulator() {
    }

    public static String landmarkId(int j) {
        return String.format("LM%04d_at", j + 1);
    }

    public static String targetId(int t) {
        return String.format("TG%05d_at", t + 1);
    }

    public static Study simulate(Parameters p) {
        Random rng = new Random(p.seed());
        int l = p.landmarks();
        int[] program = new int[l];
        double[] lmMean = new double[l];
        double[] lmScale = new double[l];
        for (int j = 0; j < l; j++) {
            program[j] = j % PROGRAMS;
            lmMean[j] = 6 + 6 * rng.nextDouble();
            lmScale[j] = 0.5 + rng.nextDouble();
        }
        int nonlinear = (int) Math.round(p.nonlinearFraction() * p.targets());
        List<TargetTruth> truth = new ArrayList<>();
        double[] tgMean = new double[p.targets()];
        double[] tgScale = new double[p.targets()];
        for (int t = 0; t < p.targets(); t++) {
            // Alternate kinds so any chunk of the target list holds both.
            Kind kind = nonlinear > 0 && (long) t * nonlinear / p.targets() != (long) (t + 1) * nonlinear / p.targets()
                    ? Kind.NONLINEAR : Kind.LINEAR;
            if (kind == Kind.LINEAR) {
                truth.add(new TargetTruth(targetId(t), kind, rng.nextInt(l), rng.nextInt(l), rng.nextInt(l),
                        rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()));
            } else {
                // Three different programs: a, then b and c drawn from the remaining ones.
                int a = rng.nextInt(PROGRAMS);
                int b = (a + 1 + rng.nextInt(PROGRAMS - 1)) % PROGRAMS;
                int c = b;
                while (c == a || c == b) {
                    c = rng.nextInt(PROGRAMS);
                }
                truth.add(new TargetTruth(targetId(t), kind, a, b, c, Double.NaN, Double.NaN, Double.NaN));
            }
            tgMean[t] = 5 + 7 * rng.nextDouble();
            tgScale[t] = 0.3 + rng.nextDouble();
        }
        List<String> sampleIds = new ArrayList<>();
        int rows = p.samples() + p.querySamples();
        double[][] values = new double[rows][l + p.targets()];
        double[] z = new double[PROGRAMS];
        double[] s = new double[l];
        for (int i = 0; i < rows; i++) {
            sampleIds.add(i < p.samples() ? String.format("S%04d", i + 1) : String.format("Q%04d", i - p.samples() + 1));
            for (int k = 0; k < PROGRAMS; k++) {
                z[k] = rng.nextGaussian();
            }
            double offset = 0.3 * rng.nextGaussian();
            for (int j = 0; j < l; j++) {
                s[j] = 0.8 * z[program[j]] + 0.6 * rng.nextGaussian();
                values[i][j] = lmMean[j] + lmScale[j] * s[j] + offset;
            }
            for (int t = 0; t < p.targets(); t++) {
                TargetTruth tt = truth.get(t);
                double f = tt.kind() == Kind.LINEAR
                        ? tt.wa() * s[tt.a()] + tt.wb() * s[tt.b()] + tt.wc() * s[tt.c()]
                        : 1.5 * (Math.abs(z[tt.a()]) - 0.8) + z[tt.b()] * z[tt.c()];
                values[i][l + t] = tgMean[t] + tgScale[t] * (f + 0.5 * rng.nextGaussian());
            }
        }
        List<String> lmIds = new ArrayList<>();
        for (int j = 0; j < l; j++) {
            lmIds.add(landmarkId(j));
        }
        List<String> tgIds = truth.stream().map(TargetTruth::id).toList();
        List<String> features = new ArrayList<>(lmIds);
        features.addAll(tgIds);
        Dataset all = new Dataset("landmark_sim", sampleIds, features, FeatureIdType.PROBE, values, new LinkedHashMap<>(), List.of());
        Dataset data = all.subsetSamples(java.util.stream.IntStream.range(0, p.samples()).toArray());
        Dataset query = all.subsetSamples(java.util.stream.IntStream.range(p.samples(), rows).toArray()).withName("landmark_sim_query");
        return new Study(data, query, lmIds, tgIds, truth);
    }
}
