package org.exprflow.model;

import java.util.List;

import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.normalise.ComBat;
import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.SampleContext;

/**
 * What the cross-sample transforms may know about rows besides their values (see {@link
 * SampleContext}): the classes of training rows only, and the batch of every row. A dataset whose
 * transforms include ComBat must give every sample a batch (one-line error naming the sample).
 */
final class SampleContexts {
    private SampleContexts() {
    }

    /** Training rows: their classes (nominal targets) and batches. */
    static SampleContext training(Dataset training, Target target, List<String> transformNames) {
        int[] classOf = null;
        int classCount = 0;
        if (target.isNominal()) {
            classOf = new int[training.sampleCount()];
            for (int i = 0; i < classOf.length; i++) {
                classOf[i] = (int) target.value(i);
            }
            classCount = target.levels().size();
        }
        boolean needsBatches = transformNames.stream().anyMatch(ComBat::isComBat);
        return new SampleContext(classOf, classCount, batches(training, needsBatches));
    }

    /** Rows to transform with fitted transforms: their batches, never their classes. */
    static SampleContext newRows(Dataset data, List<CrossSampleTransform.Fitted> transforms) {
        boolean needsBatches = transforms.stream().anyMatch(f -> f instanceof ComBat.FittedComBat);
        return new SampleContext(null, 0, batches(data, needsBatches));
    }

    private static String[] batches(Dataset data, boolean required) {
        return required ? Batches.require(data, "ComBat (--transforms combat)") : Batches.of(data);
    }
}
