package org.exprflow.split;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;

/**
 * Checks that a nominal target can support training a classifier, with errors a user can act on:
 * every training sample needs a label, and every class needs at least two samples (one sample
 * cannot be both learned from and evaluated, and stratified folds are meaningless).
 */
public final class TrainingLabels {
    private TrainingLabels() {
    }

    public static void require(Dataset data, Target target) {
        if (!target.isNominal()) {
            throw UserException.unsuitable("target '" + target.name() + "' is numeric; classification needs class labels");
        }
        List<String> unlabelled = new ArrayList<>();
        for (int i = 0; i < data.sampleCount(); i++) {
            if (target.isMissing(i)) {
                unlabelled.add(data.sampleId(i));
            }
        }
        if (!unlabelled.isEmpty()) {
            throw UserException.unsuitable(unlabelled.size() + " training sample(s) of '" + data.name()
                    + "' have no '" + target.name() + "' label (first: " + unlabelled.get(0)
                    + "); label them in the samplesheet or remove them");
        }
        int[] counts = target.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 1) {
                throw UserException.unsuitable("class '" + target.levels().get(c) + "' of target '" + target.name()
                        + "' has a single training sample; a class needs at least 2 samples");
            }
        }
        long present = java.util.Arrays.stream(counts).filter(n -> n > 0).count();
        if (present < 2) {
            throw UserException.unsuitable("target '" + target.name() + "' has fewer than 2 classes among the training samples");
        }
    }
}
