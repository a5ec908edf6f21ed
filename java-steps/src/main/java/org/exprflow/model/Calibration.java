package org.exprflow.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.split.FoldAssigner;
import org.exprflow.split.FoldUnits;

/**
 * Fits {@code --calibration platt|isotonic} on the training samples only. The chosen configuration
 * (transforms, top-k genes, learner) is cross-validated on the training samples
 * ({@code --calibration-folds}, stratified and grouped like the inner CV, with an assignment the inner
 * CV never uses), every step refitted in each calibration fold, so each training sample gets
 * probabilities from a model that did not see it. The calibrator is fitted on those out-of-fold
 * probabilities and their classes, and attached to the model fitted on all training samples: what
 * scikit-learn's {@code CalibratedClassifierCV(ensemble=False)} does. Held-out, test and new samples
 * never take part; the outer fold's held-out samples are not even in the dataset it is given.
 */
final class Calibration {
    private Calibration() {
    }

    /** The model with a calibrator fitted by cross-validation on its own training samples. */
    static ModelPipeline calibrate(ModelPipeline model, Dataset training, Target target, ModelOptions options,
                                   Candidate chosen, long seed) {
        ProbabilityCalibrator.Method method = options.calibration();
        double[][] outOfFold = outOfFoldProbabilities(training, target, options, chosen, seed);
        int[] truth = new int[training.sampleCount()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = target.levels().indexOf(target.label(i));
        }
        ProbabilityCalibrator calibrator = ProbabilityCalibrator.fit(method, outOfFold, truth, target.levels().size());
        return model.withCalibrator(calibrator, options.calibrationFolds());
    }

    /**
     * Each training sample's class probabilities from the chosen configuration fitted on the other
     * calibration folds, [sample in training order][class in level order].
     */
    static double[][] outOfFoldProbabilities(Dataset training, Target target, ModelOptions options, Candidate chosen,
                                             long seed) {
        int folds = options.calibrationFolds();
        // repeat 0: the inner CV's assignments are repeats 1..inner-repeats of the same seed
        Map<String, Integer> foldOf = FoldAssigner.assign(FoldUnits.of(training, target, options.groupColumn()), folds,
                seed, 0);
        double[][] out = new double[training.sampleCount()][];
        for (int f = 1; f <= folds; f++) {
            List<Integer> in = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < training.sampleCount(); i++) {
                (foldOf.get(training.sampleId(i)) == f ? held : in).add(i);
            }
            if (held.isEmpty()) {
                continue;
            }
            Dataset foldTrain = training.subsetSamples(in.stream().mapToInt(Integer::intValue).toArray());
            Dataset foldHeld = training.subsetSamples(held.stream().mapToInt(Integer::intValue).toArray());
            Target foldTarget = foldTrain.target(target.name());
            if (Arrays.stream(foldTarget.classCounts()).filter(n -> n > 0).count() < 2) {
                throw UserException.unsuitable("a calibration training fold has a single class; use fewer --calibration-folds");
            }
            PreparedTraining prepared = PreparedTraining.prepare(foldTrain, foldTarget, options.transformNames());
            // the same fit as the model it calibrates: class imbalance handled on this fold's training rows
            ModelPipeline m = ModelPipeline.fitForScoring(prepared, chosen.topK(), chosen.learner(), options.seed(),
                    options.imbalance());
            double[][] p = m.predict(foldHeld);
            for (int j = 0; j < held.size(); j++) {
                out[held.get(j)] = p[j];
            }
        }
        return out;
    }
}
