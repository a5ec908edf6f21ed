package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;

/**
 * A deterministic landmark/target expression study with known answers. Landmarks share a few
 * latent factors (as real genes share pathways), so they are correlated; each sample also has a
 * technical offset on all its landmarks, the kind of array effect quantile normalisation removes.
 * Each target depends on three landmarks' standardized signals s (before offset and scale):
 * <ul>
 * <li>linear targets: w₁s_a + w₂s_b + w₃s_c, weights N(0, 1);</li>
 * <li>non-linear targets: 1.2(|s_a| − 0.8) + s_b·s_c, which has almost no linear part (s is
 * symmetric around 0), so linear regression cannot find it and a tree ensemble or network can;</li>
 * </ul>
 * plus N(0, 0.5²) noise, then a gene-specific mean and scale. Values are log2-like intensities.
 * Same parameters, same values: java.util.Random with the seed, draws in a fixed order.
 */
public final class LandmarkSimulator {
    public static final int LATENT_FACTORS = 10;

    public enum Kind { LINEAR, NONLINEAR }

    public record Parameters(long seed, int samples, int landmarks, int targets, double nonlinearFraction) {
        public Parameters {
            if (samples < 4 || landmarks < 3 || targets < 1 || !(nonlinearFraction >= 0 && nonlinearFraction <= 1)) {
                throw new IllegalArgumentException("need >= 4 samples, >= 3 landmarks, >= 1 target, fraction in [0, 1]");
            }
        }
    }

    /** One target's definition: its kind, the three landmarks it reads and (linear) their weights. */
    public record TargetTruth(String id, Kind kind, int a, int b, int c, double wa, double wb, double wc) {
    }

    public record Study(Dataset data, List<String> landmarkIds, List<String> targetIds, List<TargetTruth> truth) {
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
        double[][] loading = new double[l][LATENT_FACTORS];
        double[] lmMean = new double[l];
        double[] lmScale = new double[l];
        for (int j = 0; j < l; j++) {
            for (int k = 0; k < LATENT_FACTORS; k++) {
                loading[j][k] = rng.nextGaussian() / Math.sqrt(LATENT_FACTORS);
            }
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
            int a = rng.nextInt(l);
            int b = rng.nextInt(l);
            int c = rng.nextInt(l);
            double wa = rng.nextGaussian();
            double wb = rng.nextGaussian();
            double wc = rng.nextGaussian();
            truth.add(kind == Kind.LINEAR ? new TargetTruth(targetId(t), kind, a, b, c, wa, wb, wc)
                    : new TargetTruth(targetId(t), kind, a, b, c, Double.NaN, Double.NaN, Double.NaN));
            tgMean[t] = 5 + 7 * rng.nextDouble();
            tgScale[t] = 0.3 + rng.nextDouble();
        }
        List<String> sampleIds = new ArrayList<>();
        double[][] values = new double[p.samples()][l + p.targets()];
        double[] z = new double[LATENT_FACTORS];
        double[] s = new double[l];
        for (int i = 0; i < p.samples(); i++) {
            sampleIds.add(String.format("S%04d", i + 1));
            for (int k = 0; k < LATENT_FACTORS; k++) {
                z[k] = rng.nextGaussian();
            }
            double offset = 0.3 * rng.nextGaussian();
            for (int j = 0; j < l; j++) {
                double v = 0;
                for (int k = 0; k < LATENT_FACTORS; k++) {
                    v += loading[j][k] * z[k];
                }
                s[j] = v + 0.6 * rng.nextGaussian();
                values[i][j] = lmMean[j] + lmScale[j] * s[j] + offset;
            }
            for (int t = 0; t < p.targets(); t++) {
                TargetTruth tt = truth.get(t);
                double f = tt.kind() == Kind.LINEAR
                        ? tt.wa() * s[tt.a()] + tt.wb() * s[tt.b()] + tt.wc() * s[tt.c()]
                        : 1.2 * (Math.abs(s[tt.a()]) - 0.8) + s[tt.b()] * s[tt.c()];
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
        Dataset data = new Dataset("landmark_sim", sampleIds, features, FeatureIdType.PROBE, values, new LinkedHashMap<>(), List.of());
        return new Study(data, lmIds, tgIds, truth);
    }
}
