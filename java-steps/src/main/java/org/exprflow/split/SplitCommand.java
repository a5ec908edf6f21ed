package org.exprflow.split;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exprflow.core.DatasetInput;
import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.StepSeed;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.stepfile.SplitPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The split step: writes the stored fold assignment that every training task reads. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Assign samples to an independent test set and to seeded, stratified (optionally grouped) "
                + "cross-validation folds. The result does not depend on sample order.")
public final class SplitCommand extends StepCommand {

    @Mixin
    DatasetInput input;

    @Option(names = "--output", required = true, description = "Splits table to write (.tsv).")
    Path output;

    @Option(names = "--folds", defaultValue = "5", description = "Number of CV folds (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", defaultValue = "1", description = "Number of CV repeats (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    StepSeed seedOption = new StepSeed();

    @Option(names = "--target", description = "Target (label column) to stratify by; default: the first.")
    String target;

    @Option(names = "--group-column", description = "Annotation column whose samples must stay in one fold (e.g. patient).")
    String groupColumn;

    @Option(names = "--split-column", description = "Annotation column with 'train'/'test' per sample; test samples are kept out of CV.")
    String splitColumn;

    @Option(names = "--holdout-column", description = "Annotation column whose listed values (--holdout-values) make a "
            + "sample a test sample, e.g. chrom for held-out chromosomes.")
    String holdoutColumn;

    @Option(names = "--holdout-values", split = ",", description = "Values of --holdout-column held out as the test set, "
            + "e.g. chr8,chr9,chr10.")
    List<String> holdoutValues = new ArrayList<>();

    @Option(names = "--leave-one-group-out",
            description = "One fold per value of --group-column (e.g. batch: leave-one-batch-out CV); --folds is then "
                    + "the number of groups and one repeat is made (every repeat would be the same).")
    boolean leaveOneGroupOut;

    @Override
    protected void execute() throws Exception {
        if (leaveOneGroupOut && groupColumn == null) {
            throw UserException.badParameter("--leave-one-group-out needs --group-column (e.g. --group-column batch)");
        }
        if (folds < 2) {
            throw UserException.badParameter("--folds must be at least 2, got " + folds);
        }
        if (repeats < 1) {
            throw UserException.badParameter("--repeats must be at least 1, got " + repeats);
        }
        Dataset data = DatasetFile.read(input.path());
        Target labels = target == null ? data.primaryTarget() : data.target(target);
        List<String> partition = partitions(data);
        List<Integer> trainRows = new ArrayList<>();
        List<SplitPlan.Assignment> rows = new ArrayList<>();
        for (int i = 0; i < data.sampleCount(); i++) {
            if (partition.get(i).equals(SplitPlan.TEST)) {
                rows.add(new SplitPlan.Assignment(data.sampleId(i), SplitPlan.TEST, 0, 0));
            } else {
                trainRows.add(i);
            }
        }
        Dataset training = data.subsetSamples(trainRows.stream().mapToInt(Integer::intValue).toArray());
        Target trainLabels = training.target(labels.name());
        if (labels.isNominal()) {
            TrainingLabels.require(training, trainLabels);
        }
        List<FoldAssigner.Unit> units = FoldUnits.of(training, trainLabels, groupColumn);
        if (leaveOneGroupOut) {
            writeLeaveOneGroupOut(units, rows, training.sampleCount());
            return;
        }
        if (units.size() < folds) {
            throw UserException.unsuitable("only " + units.size() + (groupColumn == null ? " training samples" : " groups")
                    + " for " + folds + " folds; lower --folds");
        }
        int smallest = labels.isNominal()
                ? java.util.Arrays.stream(trainLabels.classCounts()).filter(n -> n > 0).min().orElse(0) : Integer.MAX_VALUE;
        if (smallest < folds) {
            Log.warn("the smallest class has " + smallest + " training samples, fewer than " + folds
                    + " folds: some folds will hold no sample of it");
        }
        for (int r = 1; r <= repeats; r++) {
            Map<String, Integer> foldOf = FoldAssigner.assign(units, folds, seedOption.seed(), r);
            for (Map.Entry<String, Integer> e : foldOf.entrySet()) {
                rows.add(new SplitPlan.Assignment(e.getKey(), SplitPlan.TRAIN, r, e.getValue()));
            }
        }
        SplitPlan plan = new SplitPlan(rows);
        plan.write(output);
        Log.info(training.sampleCount() + " training samples in " + folds + " folds x " + repeats + " repeat(s), "
                + plan.testSamples().size() + " test samples" + (groupColumn == null ? "" : ", grouped by " + groupColumn));
    }

    /** Fold k holds the k-th group in sorted order (FoldUnits sorts them), whole. */
    private void writeLeaveOneGroupOut(List<FoldAssigner.Unit> units, List<SplitPlan.Assignment> rows, int samples)
            throws java.io.IOException {
        if (units.size() < 2) {
            throw UserException.unsuitable("leave-one-group-out needs at least 2 values of " + groupColumn + " among the "
                    + "training samples, found " + units.size());
        }
        if (repeats != 1) {
            Log.warn("leave-one-group-out makes one repeat: every repeat would hold out the same groups");
        }
        for (int k = 0; k < units.size(); k++) {
            for (String sample : units.get(k).samples()) {
                rows.add(new SplitPlan.Assignment(sample, SplitPlan.TRAIN, 1, k + 1));
            }
        }
        SplitPlan plan = new SplitPlan(rows);
        plan.write(output);
        Log.info(samples + " training samples in " + units.size() + " folds, one per value of " + groupColumn
                + " (leave-one-group-out), " + plan.testSamples().size() + " test samples");
    }

    private List<String> partitions(Dataset data) {
        List<String> out = fixedPartitions(data);
        if (holdoutColumn == null) {
            if (!holdoutValues.isEmpty()) {
                throw UserException.badParameter("--holdout-values needs --holdout-column");
            }
            return out;
        }
        List<String> col = data.annotation(holdoutColumn);
        if (col == null) {
            throw UserException.badParameter("--holdout-column '" + holdoutColumn + "' is not an annotation of '"
                    + data.name() + "'; annotations: " + data.annotations().keySet());
        }
        if (holdoutValues.isEmpty()) {
            throw UserException.badParameter("--holdout-column needs --holdout-values");
        }
        int held = 0;
        for (int i = 0; i < col.size(); i++) {
            if (holdoutValues.contains(col.get(i))) {
                out.set(i, SplitPlan.TEST);
                held++;
            }
        }
        if (held == 0) {
            throw UserException.unsuitable("no sample of '" + data.name() + "' has " + holdoutColumn + " in " + holdoutValues);
        }
        return out;
    }

    private List<String> fixedPartitions(Dataset data) {
        List<String> out = new ArrayList<>();
        if (splitColumn == null) {
            for (int i = 0; i < data.sampleCount(); i++) {
                out.add(SplitPlan.TRAIN);
            }
            return out;
        }
        List<String> col = data.annotation(splitColumn);
        if (col == null) {
            throw UserException.badParameter("--split-column '" + splitColumn + "' is not a samplesheet column of '"
                    + data.name() + "'; columns: " + data.annotations().keySet());
        }
        for (int i = 0; i < col.size(); i++) {
            String v = col.get(i) == null ? "" : col.get(i).trim().toLowerCase(Locale.ROOT);
            if (!v.equals(SplitPlan.TRAIN) && !v.equals(SplitPlan.TEST)) {
                throw UserException.unsuitable("sample " + data.sampleId(i) + " has " + splitColumn + " = '" + col.get(i)
                        + "'; expected 'train' or 'test'");
            }
            out.add(v);
        }
        return out;
    }
}
