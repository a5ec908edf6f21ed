package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PredictionTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import weka.core.Instances;

/**
 * The leak imbalanced-learn#751 describes, and that in-fold SMOTE does not have: on data without any
 * class signal (40 A, 10 B, 20 noise features), SMOTE applied to all samples before the CV puts
 * synthetic children of every held-out B sample into its training folds, right next to it, and 1-NN
 * then "recognises" it; SMOTE inside the training rows of each fit (--imbalance smote) stays at chance.
 * The test fails if that difference disappears (e.g. if SMOTE were moved before the split).
 */
@Tag("unit")
class SmoteLeakageTest {
    private static final String ONE_NN = "weka.classifiers.lazy.IBk -K 1";

    @Test
    void smoteBeforeTheSplitOverstatesAndSmoteInTheFoldsDoesNot() {
        Dataset d = ClassImbalanceTest.imbalanced(2024, 40, 10, 20, 0, 0); // no informative feature
        Target labels = d.primaryTarget();

        ModelOptions inFold = ModelOptions.of(List.of(ONE_NN), List.of(0), "none", 3, 1, 42, null)
                .withImbalance(ClassImbalance.smote);
        double honest = balancedAccuracy(NestedCrossValidation.run(d, labels, 5, 3, 42, inFold), d.sampleIds(), labels);

        Dataset oversampled = smoteAllSamples(d, 42);
        ModelOptions plain = ModelOptions.of(List.of(ONE_NN), List.of(0), "none", 3, 1, 42, null);
        // score the real samples only: the synthetic ones are not patients
        double leaky = balancedAccuracy(NestedCrossValidation.run(oversampled, oversampled.primaryTarget(), 5, 3, 42, plain),
                d.sampleIds(), labels);

        assertTrue(honest <= 0.65, "in-fold SMOTE on null data: balanced accuracy " + honest + ", expected chance");
        assertTrue(leaky >= honest + 0.2, "SMOTE before the split: " + leaky + " vs in-fold " + honest
                + "; the leak no longer shows");
    }

    static double balancedAccuracy(List<PredictionTable.Row> rows, List<String> real, Target labels) {
        List<PredictionTable.Row> model = rows.stream()
                .filter(r -> r.learner().equals("model") && real.contains(r.sample())).toList();
        return ConfusionMatrix.of(labels.levels(), model).balancedAccuracy();
    }

    /** The leaky arm: Weka's SMOTE on every sample, the synthetic rows added as samples syn001, ... */
    static Dataset smoteAllSamples(Dataset d, long seed) {
        Target t = d.primaryTarget();
        Instances header = WekaData.header(d.featureIds(), t.levels());
        Instances all = new Instances(header, d.sampleCount());
        for (int i = 0; i < d.sampleCount(); i++) {
            all.add(WekaData.instance(header, d.row(i), t.value(i)));
        }
        Instances out = Smote.balance(all, seed).rows();
        List<String> ids = new ArrayList<>(d.sampleIds());
        List<String> labels = new ArrayList<>(t.labels());
        double[][] v = new double[out.numInstances()][d.featureCount()];
        for (int i = 0; i < out.numInstances(); i++) {
            for (int j = 0; j < d.featureCount(); j++) {
                v[i][j] = out.instance(i).value(j);
            }
            if (i >= d.sampleCount()) {
                ids.add(String.format("syn%03d", i - d.sampleCount() + 1));
                labels.add(t.levels().get((int) out.instance(i).classValue()));
            }
        }
        return new Dataset(d.name(), ids, d.featureIds(), d.featureIdType(), v, new LinkedHashMap<>(),
                List.of(Target.nominal("label", labels)));
    }
}
