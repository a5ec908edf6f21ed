package org.exprflow.landmark;

import java.util.List;

import org.exprflow.core.UserException;

/**
 * A way of predicting every target gene from the landmarks, fitted on the training rows only.
 * Learners are named on the command line:
 * <ul>
 * <li>{@code linear}: least squares, the D-GEX baseline; Weka's LinearRegression {@code -S 1 -C
 * -R 1e-8} solved for all targets at once ({@link SharedRidgeRegression});</li>
 * <li>{@code ridge:λ}: the same with ridge λ on standardized landmarks;</li>
 * <li>{@code ridge:auto}: ridge with λ chosen per target on the validation samples, the training
 * mean among the candidates ({@link TunedRidgeLearner}): the default, which never loses to the mean
 * on the samples it is tuned on;</li>
 * <li>{@code knn}, {@code rf}, {@code mlp}: Weka's IBk (k = 10), RandomForest (100 trees) and
 * MultilayerPerceptron with 20 hidden units and 50 epochs, one model per target. The MLP's hidden
 * size is explicit because Weka's default ("a" = (inputs + outputs) / 2, about 490 units on 978
 * landmarks) makes each target take minutes;</li>
 * <li>any Weka regressor with its options, e.g. {@code weka.classifiers.functions.LinearRegression
 * -S 1 -C -R 1.0E-8} (one Weka fit per target: slow, but exactly Weka).</li>
 * </ul>
 * {@code mean} (always reported) predicts the training mean, 0 in z-scores: the floor every learner
 * must beat.
 */
public interface LandmarkLearner {
    String MEAN = "mean";
    String LINEAR = "linear";

    /** Name in the metrics tables: the command-line spelling. */
    String label();

    /**
     * Fits one model per target on trainX (samples × landmarks, complete) and trainY (samples ×
     * targets; NaN = no value, left out of that target's fit), and keeps them all (for saving).
     */
    FittedTargets fit(double[][] trainX, double[][] trainY);

    /**
     * Fits as {@link #fit} and predicts each row set of newX. Learners whose per-target models are
     * large (a forest per target) override this to fit, predict and drop one target at a time.
     *
     * @return predictions[target][set][row]
     */
    default double[][][] fitPredict(double[][] trainX, double[][] trainY, List<double[][]> newX) {
        return predictEach(fit(trainX, trainY), newX);
    }

    /** A fitted learner's predictions of each row set, [target][set][row]. */
    static double[][][] predictEach(FittedTargets fitted, List<double[][]> newX) {
        double[][][] out = new double[fitted.targets()][newX.size()][];
        for (int s = 0; s < newX.size(); s++) {
            double[][] bySet = fitted.predict(newX.get(s));
            for (int t = 0; t < out.length; t++) {
                out[t][s] = bySet[t];
            }
        }
        return out;
    }

    static LandmarkLearner parse(String spec, long seed) {
        String s = spec.strip();
        if (s.equals(MEAN)) {
            return new MeanLearner();
        }
        if (s.equals(TunedRidgeLearner.LABEL)) {
            return new TunedRidgeLearner();
        }
        if (s.equals(LINEAR)) {
            return new LinearLearner(LINEAR, 1e-8);
        }
        if (s.startsWith("ridge:")) {
            double lambda;
            try {
                lambda = Double.parseDouble(s.substring("ridge:".length()));
            } catch (NumberFormatException e) {
                throw UserException.badParameter("--learner " + s + ": the ridge must be a number, e.g. ridge:10");
            }
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw UserException.badParameter("--learner " + s + ": the ridge must be positive");
            }
            return new LinearLearner(s, lambda);
        }
        return switch (s) {
            case "knn" -> new WekaLearner(s, "weka.classifiers.lazy.IBk -K 10", seed);
            case "rf" -> new WekaLearner(s, "weka.classifiers.trees.RandomForest -I 100 -num-slots 1", seed);
            case "mlp" -> new WekaLearner(s, "weka.classifiers.functions.MultilayerPerceptron -H 20 -N 50", seed);
            default -> {
                if (!s.startsWith("weka.")) {
                    throw UserException.badParameter("--learner '" + s + "': expected linear, ridge:LAMBDA, ridge:auto, knn, rf, mlp, mean "
                            + "or a Weka regressor class with its options (weka.classifiers....)");
                }
                yield new WekaLearner(s, s, seed);
            }
        };
    }
}
