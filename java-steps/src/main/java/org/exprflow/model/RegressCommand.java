package org.exprflow.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.StepSeed;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.stepfile.RegressionTable;
import org.exprflow.stepfile.SplitPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The regression step: for each numeric target, fits a {@link RegressionPipeline} on the training
 * rows and writes predictions, beside the training-mean baseline, for
 * <ul>
 *   <li>the held-out fold (with {@code --repeat --fold}: set cv), or else</li>
 *   <li>the test partition of the splits table (set test, e.g. genes on held-out chromosomes), and</li>
 *   <li>each {@code --transfer NAME=FILE} dataset (e.g. another tissue with the same features): set
 *       transfer:NAME for all its rows and transfer:NAME:test for the rows in the test partition.</li>
 * </ul>
 * Many targets (genes) can be fitted in one task: the pipeline scatters chunks of targets.
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Fit Weka regressors for numeric targets on training rows and predict held-out, test and transfer rows.")
public final class RegressCommand extends StepCommand {

    @Option(names = "--input", required = true, description = "Training dataset (.xfd) with numeric targets.")
    Path input;

    @Option(names = "--target", description = "Target(s) to fit; default: every numeric target of the dataset.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--splits", description = "Splits table (partition train/test, CV folds).")
    Path splits;

    @Option(names = "--repeat", description = "CV repeat whose fold is held out (with --fold).")
    Integer repeat;

    @Option(names = "--fold", description = "CV fold to hold out (with --repeat).")
    Integer fold;

    @Option(names = "--learner", defaultValue = "weka.classifiers.functions.LinearRegression -S 1 -R 1.0E-8",
            description = "Weka regressor with its options (default: ${DEFAULT-VALUE}).")
    String learner;

    @Option(names = "--top-k", defaultValue = "0",
            description = "Keep the k features with the largest |Pearson r| with the target on the training rows; 0 = all "
                    + "(default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--transforms", defaultValue = "none",
            description = "Cross-sample transforms fitted on the training rows, in order (default: ${DEFAULT-VALUE}); "
                    + "for raw counts first filter_expr, then tmm_logcpm or deseq_vst.")
    String transforms;

    @Mixin
    StepSeed seedOption = new StepSeed();

    @Option(names = "--transfer", paramLabel = "NAME=FILE", description = "Another dataset to predict with the same model.")
    Map<String, Path> transfer = new TreeMap<>();

    @Option(names = "--predictions", required = true, description = "Regression table to write (.tsv).")
    Path predictions;

    @Override
    protected void execute() throws Exception {
        boolean foldMode = fold != null || repeat != null;
        if (foldMode && (splits == null || fold == null || repeat == null)) {
            throw UserException.badParameter("a CV fold needs --splits, --repeat and --fold together");
        }
        if (foldMode && !transfer.isEmpty()) {
            throw UserException.badParameter("--transfer applies to the final model, not to a CV fold");
        }
        WekaLearnerSpec.parse(learner, "--learner"); // a bad learner is a usage error before the data are read
        Dataset data = DatasetFile.read(input);
        List<Target> fitted = chosenTargets(data);
        SplitPlan plan = splits == null ? null : SplitPlan.read(splits);
        Set<String> trainIds = plan == null ? new LinkedHashSet<>(data.sampleIds()) : new LinkedHashSet<>(plan.trainingSamples());
        Set<String> testIds = plan == null ? Set.of() : plan.testSamples();
        Set<String> heldIds = Set.of();
        if (foldMode) {
            heldIds = plan.heldOut(repeat, fold);
            trainIds.removeAll(heldIds);
        }
        Dataset train = SampleSelection.select(data, trainIds, true, "training");
        Dataset held = foldMode ? SampleSelection.select(data, heldIds, true, "held-out") : null;
        Dataset test = !foldMode && !testIds.isEmpty() ? SampleSelection.select(data, testIds, true, "test") : null;
        Map<String, Dataset> others = new TreeMap<>();
        for (Map.Entry<String, Path> e : transfer.entrySet()) {
            others.put(e.getKey(), DatasetFile.read(e.getValue()));
        }
        Log.info("fitting " + fitted.size() + " target(s) on " + train.sampleCount() + " rows x " + train.featureCount()
                + " features with " + learner + (foldMode ? " (repeat " + repeat + ", fold " + fold + ")" : ""));
        List<RegressionTable.Row> rows = new ArrayList<>();
        for (Target t : fitted) {
            RegressionPipeline model = RegressionPipeline.fit(train, train.target(t.name()),
                    List.of(transforms.split(",")), topK, learner, seedOption.seed());
            if (held != null) {
                addRows(rows, model, held, t.name(), "cv", repeat, fold);
            }
            if (test != null) {
                addRows(rows, model, test, t.name(), "test", 0, 0);
            }
            for (Map.Entry<String, Dataset> e : others.entrySet()) {
                addRows(rows, model, e.getValue(), t.name(), "transfer:" + e.getKey(), 0, 0);
                if (!testIds.isEmpty()) {
                    List<Integer> idx = new ArrayList<>();
                    for (int i = 0; i < e.getValue().sampleCount(); i++) {
                        if (testIds.contains(e.getValue().sampleId(i))) {
                            idx.add(i);
                        }
                    }
                    Dataset sub = e.getValue().subsetSamples(idx.stream().mapToInt(Integer::intValue).toArray());
                    addRows(rows, model, sub, t.name(), "transfer:" + e.getKey() + ":test", 0, 0);
                }
            }
        }
        new RegressionTable(rows).write(predictions);
    }

    private List<Target> chosenTargets(Dataset data) {
        List<Target> out = new ArrayList<>();
        if (targets.isEmpty()) {
            data.targets().stream().filter(t -> !t.isNominal()).forEach(out::add);
            if (out.isEmpty()) {
                throw UserException.unsuitable("dataset '" + data.name() + "' has no numeric target to regress");
            }
        } else {
            for (String name : targets) {
                out.add(data.target(name));
            }
        }
        return out;
    }

    private static void addRows(List<RegressionTable.Row> rows, RegressionPipeline model, Dataset data, String target,
                                String set, int repeat, int fold) {
        if (data.sampleCount() == 0) {
            return;
        }
        double[] predicted = model.predict(data);
        Target truth = data.targets().stream().filter(t -> t.name().equals(target)).findFirst().orElse(null);
        for (int i = 0; i < predicted.length; i++) {
            double y = truth == null ? Double.NaN : truth.value(i);
            rows.add(new RegressionTable.Row(target, set, repeat, fold, data.sampleId(i), "model", y, predicted[i]));
            rows.add(new RegressionTable.Row(target, set, repeat, fold, data.sampleId(i), "mean", y, model.trainingMean()));
        }
    }
}
