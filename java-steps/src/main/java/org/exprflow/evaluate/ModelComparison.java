package org.exprflow.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

import org.exprflow.core.UserException;
import org.exprflow.stepfile.CandidateScores;

/**
 * Model comparison over repeated outer cross-validation: Nadeau and Bengio's (2003) corrected
 * resampled t-test on the per-fold held-out balanced accuracy, for every pair of grid candidates and
 * for the nested procedure against ZeroR.
 *
 * <p>With d_j the difference of the two schemes' balanced accuracy in fold j of J (all repeats ×
 * folds), d̄ their mean and s² their sample variance (n − 1), the folds' training sets overlap, so
 * the plain paired t-test's variance s²/J is too small; the corrected variance is
 * (1/J + n_test/n_train) · s², and t = d̄ / sqrt((1/J + n_test/n_train) · s²) with J − 1 degrees of
 * freedom. n_test/n_train is the total held-out size over the total training size of the folds,
 * as Weka's {@code PairedCorrectedTTester} computes it. The two-sided p-value is
 * I_{df/(df+t²)}(df/2, 1/2) (the regularized incomplete beta, = Weka's F(t², 1, df) probability),
 * and the 95% interval of the difference is d̄ ± t_{0.975, df} · SE. As in Weka, when every
 * difference is equal the variance is 0: p = 1 when they are all 0, else p = 0 (t is then ±Inf or
 * NA). With one fold there is no variance: SE, t, p and the interval are NA.
 *
 * <p>A fold whose balanced accuracy is NA for either scheme (no held-out truth) is left out of that
 * pair, sizes included.
 */
public final class ModelComparison {
    /** The level of the interval of the difference. */
    public static final double LEVEL = 0.95;
    /** commons-math's default (1e-9) would leave the interval's ends wrong in the ninth digit. */
    private static final double QUANTILE_ACCURACY = 1e-14;

    /**
     * One scheme's per-fold scores: a grid candidate ("candidate1", ...), "model" (the nested
     * procedure) or "ZeroR". {@code learner} and {@code topK} are null for model (chosen per fold).
     */
    public record Scheme(String name, String learner, String topK, Map<FoldKey, CandidateScores.Row> folds) {
        public double mean() {
            return folds.values().stream().mapToDouble(CandidateScores.Row::balancedAccuracy).filter(v -> !Double.isNaN(v))
                    .average().orElse(Double.NaN);
        }
    }

    /** An outer fold: (repeat, fold), in that order. */
    public record FoldKey(int repeat, int fold) implements Comparable<FoldKey> {
        @Override
        public int compareTo(FoldKey o) {
            return repeat != o.repeat ? Integer.compare(repeat, o.repeat) : Integer.compare(fold, o.fold);
        }
    }

    /** The test of scheme a against scheme b (differences a − b). */
    public record Comparison(String a, String b, int folds, double testTrainRatio, double meanA, double meanB,
                             double meanDifference, double variance, double correctedVariance, double standardError,
                             double t, int degreesOfFreedom, double p, double ciLow, double ciHigh) {
    }

    private final List<Scheme> schemes;
    private final List<Comparison> comparisons;

    private ModelComparison(List<Scheme> schemes, List<Comparison> comparisons) {
        this.schemes = List.copyOf(schemes);
        this.comparisons = List.copyOf(comparisons);
    }

    /** Schemes in output order: the grid candidates, then model, then ZeroR. */
    public List<Scheme> schemes() {
        return schemes;
    }

    /** model against ZeroR first, then every pair of candidates (i < j) in grid order. */
    public List<Comparison> comparisons() {
        return comparisons;
    }

    /** Reads the per-fold tables of one run (any order) and runs every comparison. */
    public static ModelComparison read(List<Path> files) {
        Map<String, Scheme> byName = new TreeMap<>();
        Map<FoldKey, int[]> sizes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            CandidateScores.CODEC.read(file, line -> {
                CandidateScores.Row r = CandidateScores.decode(line);
                FoldKey key = new FoldKey(r.repeat(), r.fold());
                String name = schemeName(r.candidate());
                if (!seen.add(name + "\t" + r.repeat() + "\t" + r.fold())) {
                    throw line.error(name + " has a second score for repeat " + r.repeat() + " fold " + r.fold());
                }
                int[] n = sizes.computeIfAbsent(key, k -> new int[] {r.nTrain(), r.nTest()});
                if (n[0] != r.nTrain() || n[1] != r.nTest()) {
                    throw line.error("repeat " + r.repeat() + " fold " + r.fold() + " has n_train " + n[0] + " and n_test " + n[1]
                            + " in another row; the tables come from different runs");
                }
                boolean perFold = name.equals(CandidateScores.MODEL);
                Scheme s = byName.computeIfAbsent(name, k -> new Scheme(k, perFold ? null : r.learner(),
                        perFold ? null : r.topK(), new TreeMap<>()));
                if (!perFold && (!s.learner().equals(r.learner()) || !s.topK().equals(r.topK()))) {
                    throw line.error(name + " is '" + r.learner() + "' with top_k " + r.topK() + " here but '" + s.learner()
                            + "' with top_k " + s.topK() + " in another row; the tables come from different runs");
                }
                s.folds().put(key, r);
                return r;
            });
        }
        return of(byName);
    }

    private static ModelComparison of(Map<String, Scheme> byName) {
        Scheme model = byName.get(CandidateScores.MODEL);
        Scheme zeroR = byName.get(CandidateScores.ZEROR);
        if (model == null || zeroR == null) {
            throw UserException.unsuitable("the candidate-scores tables have no " + (model == null ? "model" : "ZeroR")
                    + " rows: nothing to compare");
        }
        List<Scheme> candidates = new ArrayList<>();
        for (int i = 1; byName.containsKey("candidate" + i); i++) {
            candidates.add(byName.get("candidate" + i));
        }
        if (candidates.size() + 2 != byName.size()) {
            throw UserException.unsuitable("the candidate-scores tables skip a grid position (found: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        List<Scheme> all = new ArrayList<>(candidates);
        all.add(model);
        all.add(zeroR);
        for (Scheme s : all) {
            if (!s.folds().keySet().equals(model.folds().keySet())) {
                throw UserException.unsuitable(s.name() + " is scored in " + s.folds().size() + " outer folds but the model in "
                        + model.folds().size() + "; every scheme needs every fold (were the tables of one run given?)");
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        comparisons.add(compare(model, zeroR));
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                comparisons.add(compare(candidates.get(i), candidates.get(j)));
            }
        }
        return new ModelComparison(all, comparisons);
    }

    /** "1" is "candidate1"; model and ZeroR keep their names. */
    private static String schemeName(String candidate) {
        return candidate.equals(CandidateScores.MODEL) || candidate.equals(CandidateScores.ZEROR) ? candidate
                : "candidate" + candidate;
    }

    /** The corrected resampled t-test of a against b over their common folds (in fold order). */
    static Comparison compare(Scheme a, Scheme b) {
        List<double[]> pairs = new ArrayList<>();
        double totalTrain = 0;
        double totalTest = 0;
        for (Map.Entry<FoldKey, CandidateScores.Row> e : new TreeMap<>(a.folds()).entrySet()) {
            CandidateScores.Row ra = e.getValue();
            CandidateScores.Row rb = b.folds().get(e.getKey());
            if (rb == null || Double.isNaN(ra.balancedAccuracy()) || Double.isNaN(rb.balancedAccuracy())) {
                continue;
            }
            pairs.add(new double[] {ra.balancedAccuracy(), rb.balancedAccuracy()});
            totalTrain += ra.nTrain();
            totalTest += ra.nTest();
        }
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double[] d = pairs.stream().mapToDouble(p -> p[0] - p[1]).toArray();
        return test(a.name(), b.name(), x, y, d, totalTest / totalTrain);
    }

    /** The test on paired per-fold values; {@code testTrainRatio} = total held-out / total training size. */
    static Comparison test(String a, String b, double[] x, double[] y, double[] d, double testTrainRatio) {
        int n = d.length;
        double mean = mean(d);
        double variance = Double.NaN;
        if (n > 1) {
            double ss = 0;
            for (double v : d) {
                ss += (v - mean) * (v - mean);
            }
            // Equal differences have no variance, whatever the rounding of their mean (Weka's running
            // variance gives exactly 0 there, and its p then follows the convention below).
            variance = java.util.Arrays.stream(d).allMatch(v -> v == d[0]) ? 0 : ss / (n - 1);
        }
        double corrected = (1.0 / n + testTrainRatio) * variance;
        double se = Math.sqrt(corrected);
        int df = n - 1;
        double t = Double.NaN;
        double p = Double.NaN;
        double low = Double.NaN;
        double high = Double.NaN;
        if (n > 1) {
            if (variance > 0) {
                t = mean / se;
                p = Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
                double q = new TDistribution(null, df, QUANTILE_ACCURACY).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
                low = mean - q * se;
                high = mean + q * se;
            } else {
                // Every difference equal: Weka's convention (p = 1 if they are all 0, else 0).
                t = mean == 0 ? Double.NaN : Math.copySign(Double.POSITIVE_INFINITY, mean);
                p = mean == 0 ? 1.0 : 0.0;
                low = mean;
                high = mean;
            }
        }
        return new Comparison(a, b, n, testTrainRatio, mean(x), mean(y), mean, variance, corrected, se, t, df, p, low, high);
    }

    private static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
