package org.exprflow.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.exprflow.core.Log;
import org.exprflow.core.Parallel;
import org.exprflow.core.DatasetInput;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.stats.ConfusionMatrix;
import org.exprflow.stepfile.PermutationTable;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.io.Canonical;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.split.TrainingLabels;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The permutation test's worker: for each permutation in a chunk, shuffles the labels of the
 * training samples (seeded by the permutation number, so any chunking gives the same labellings),
 * re-makes stratified folds for the shuffled labels, and runs the complete nested cross-validation
 * exactly as the real analysis does. Writes the balanced accuracy of each permuted run; evaluate
 * turns them into p = (1 + #{permuted ≥ real}) / (N + 1).
 *
 * The table is {@link PermutationTable}.
 */
@Command(name = "permute", mixinStandardHelpOptions = true,
        description = "Run the nested cross-validation on permuted labels, for the permutation test of the CV estimate.")
public final class PermuteCommand extends StepCommand {

    @Mixin
    DatasetInput input;

    @Option(names = "--splits", required = true,
            description = "Splits table: its training partition, number of folds and repeats are used.")
    Path splits;

    @Option(names = "--from", required = true, description = "First permutation number of this chunk (1-based).")
    int from;

    @Option(names = "--to", required = true, description = "Last permutation number of this chunk (inclusive).")
    int to;

    @Option(names = "--fold-seed", defaultValue = "42",
            description = "Seed of the outer folds, as given to 'exprflow split --seed' (default: ${DEFAULT-VALUE}).")
    long foldSeed;

    @Option(names = "--target", description = "Target (label column); default: the first.")
    String target;

    @Option(names = "--output", required = true, description = "Table of permuted scores to write (.tsv).")
    Path output;

    @Mixin
    ModelOptions model;

    @Option(names = "--outer-repeats", paramLabel = "N", defaultValue = "0",
            description = "Rerun only the first N outer repeats of the splits table for each permutation (evaluate "
                    + "--permutation-repeats N then compares them with those repeats' real balanced accuracy): a "
                    + "permutation costs one repeat's nested CV instead of all of them. 0: every repeat "
                    + "(default: ${DEFAULT-VALUE}).")
    int outerRepeats;

    @Option(names = "--folds-from-splits",
            description = "Use the splits table's folds as they are instead of re-making stratified folds for each "
                    + "permutation: for folds that do not depend on the labels, such as leave-one-batch-out.")
    boolean foldsFromSplits;

    @Override
    protected void validateArguments() {
        if (from < 1 || to < from) {
            throw UserException.badParameter("--from and --to must satisfy 1 <= from <= to, got " + from + ".." + to);
        }
        if (outerRepeats < 0) {
            throw UserException.badParameter("--outer-repeats must be 0 (every repeat) or positive, got " + outerRepeats);
        }
        model.candidates();
    }

    @Override
    protected void execute() throws Exception {
        Dataset data = DatasetFile.read(input.path());
        // standardise (a leading per-sample transform) once for every permutation, fold and candidate
        try (PerSampleRows.Scope cached = PerSampleRows.open(data, model.transformNames())) {
            execute(data);
        }
    }

    private void execute(Dataset data) throws Exception {
        Target labels = target == null ? data.primaryTarget() : data.target(target);
        SplitPlan plan = SplitPlan.read(splits);
        if (outerRepeats > plan.repeats()) {
            throw UserException.badParameter("--outer-repeats " + outerRepeats + " is more than the " + plan.repeats()
                    + " repeat(s) of " + splits);
        }
        int repeats = outerRepeats == 0 ? plan.repeats() : outerRepeats;
        Dataset training = SampleSelection.select(data, plan.trainingSamples(), true, "training");
        TrainingLabels.require(training, training.target(labels.name()));
        Target labelsOfTraining = training.target(labels.name());
        // one job per permutation, each a pure function of its number (labelling, folds, seeds), its inner
        // loop serial on its own thread; rows gathered in permutation order
        List<PermutationTable.Row> out = Parallel.map(model.threads(), to - from + 1, i -> {
            int p = from + i;
            Target permuted = permute(labelsOfTraining, model.seed(), p);
            Dataset shuffled = training.withTargets(List.of(permuted));
            List<PredictionTable.Row> rows = foldsFromSplits
                    ? NestedCrossValidation.run(shuffled, permuted, plan.folds(), planFolds(plan, repeats), model)
                    : NestedCrossValidation.run(shuffled, permuted, plan.folds(), repeats, foldSeed, model);
            List<PredictionTable.Row> modelRows = rows.stream().filter(r -> r.learner().equals("model")).toList();
            ConfusionMatrix cm = ConfusionMatrix.of(permuted.levels(), modelRows);
            return new PermutationTable.Row(p, cm.balancedAccuracy(), cm.accuracy());
        });
        for (PermutationTable.Row row : out) {
            Log.info("permutation " + row.permutation() + ": balanced accuracy " + Canonical.number(row.balancedAccuracy()));
        }
        PermutationTable.write(output, out);
    }

    /** The splits table's fold of each training sample, one map per repeat of the first {@code repeats}. */
    private static List<java.util.Map<String, Integer>> planFolds(SplitPlan plan, int repeats) {
        List<java.util.Map<String, Integer>> out = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            java.util.Map<String, Integer> foldOf = new java.util.HashMap<>();
            for (int f = 1; f <= plan.folds(); f++) {
                for (String sample : plan.heldOut(r, f)) {
                    foldOf.put(sample, f);
                }
            }
            out.add(foldOf);
        }
        return out;
    }

    /** The labels shuffled among the samples; depends only on (seed, permutation), not on chunking. */
    static Target permute(Target labels, long seed, int permutation) {
        List<String> values = new ArrayList<>(labels.labels());
        Collections.shuffle(values, new Random(seed * 7_919L + permutation));
        return Target.nominal(labels.name(), labels.levels(), encode(values, labels.levels()));
    }

    private static double[] encode(List<String> values, List<String> levels) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = levels.indexOf(values.get(i));
        }
        return v;
    }
}
