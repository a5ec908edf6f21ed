package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.StepSeed;
import org.exprflow.core.StepThreads;
import org.exprflow.core.UserException;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model options shared by every step that fits models (train, permute): which cross-sample
 * transforms, which candidate learners and feature counts, and how the inner cross-validation that
 * chooses among them is run. With one learner and one k there is nothing to choose and no inner loop.
 */
public final class ModelOptions {

    @Option(names = "--learner", split = ";",
            description = "Weka classifier with options, as on Weka's command line. Repeat the option (or separate with ;) "
                    + "to give a grid that nested CV chooses from; a learner ending in @max_k=N is paired only with the "
                    + "--top-k values from 1 to N (default: " + ModelSpec.DEFAULT_LEARNER + ").")
    List<String> learners = new ArrayList<>();

    @Option(names = "--top-k", split = ",", description = "Features kept after ranking by ANOVA F on the training samples; "
            + "a comma list is part of the grid; 0 keeps all (default: " + ModelSpec.DEFAULT_TOP_K + ").")
    List<Integer> topK = new ArrayList<>();

    /**
     * Per-sample standardisation by default: it removes array-wide intensity and scale differences
     * (scanner, lab, batch) using each sample alone. Quantile normalisation is available but is a
     * poor default for thresholded MAS4/MAS5 data, where thousands of values tie at the floor and the
     * tie block maps to a different value in every sample (seen on Golub: CV accuracy 0.92 vs 0.97).
     */
    @Option(names = "--transforms", defaultValue = "standardise",
            description = "Cross-sample transforms fitted on training samples, in order: quantile, standardise, zscore, "
                    + "combat, combat_np, combat_mean (sva's ComBat forms; need each sample's batch), or none "
                    + "(default: ${DEFAULT-VALUE}). For raw counts, first filter_expr (edgeR filterByExpr), then tmm_logcpm "
                    + "(edgeR TMM + log-CPM) or deseq_vst (DESeq2 size factors + VST), before any other transform.")
    String transforms;

    @Option(names = "--inner-folds", defaultValue = "3",
            description = "Folds of the inner CV that chooses among several candidates (default: ${DEFAULT-VALUE}).")
    int innerFolds;

    @Option(names = "--inner-repeats", defaultValue = "3",
            description = "Repeats of the inner CV with different fold assignments; candidates are scored by their mean "
                    + "balanced accuracy, which steadies the choice on small studies (default: ${DEFAULT-VALUE}).")
    int innerRepeats;

    /** How the inner CV turns candidate scores into a choice. */
    public enum SelectionRule { best, one_se }

    @Option(names = "--selection-rule", defaultValue = "one_se",
            description = "best: the highest mean inner balanced accuracy; one_se: the first candidate in grid order whose mean "
                    + "is within one standard error of the best (Hastie, Tibshirani and Friedman's one-standard-error rule, "
                    + "which prefers the earlier, simpler candidates when the difference is noise) (default: ${DEFAULT-VALUE}).")
    SelectionRule selectionRule;

    /** Whether the inner loop scores every candidate or a seeded random draw of them ({@link CandidateSearch}). */
    public enum Search { grid, random }

    @Option(names = "--search", defaultValue = "grid",
            description = "grid: every candidate (learners with their option ranges expanded, e.g. "
                    + "'weka.classifiers.functions.SMO -C 2^[-5:5]', '... -K [1:15:2]', '... -K [1,2,4,8]', times every k; "
                    + "at most " + CandidateSearch.MAX_CANDIDATES + "); random: --search-budget of them drawn without "
                    + "replacement, seeded by --seed, the same draw in every fold (default: ${DEFAULT-VALUE}).")
    Search search = Search.grid;

    @Option(names = "--search-budget", paramLabel = "N",
            description = "With --search random: how many candidates to draw (1 to " + CandidateSearch.MAX_CANDIDATES
                    + "; the whole space when it is smaller).")
    Integer searchBudget;

    /** The expanded candidates, computed once: every fold and permutation of a process uses the same ones. */
    private CandidateSearch.Result searched;

    @Option(names = "--imbalance", defaultValue = "none",
            description = "Class imbalance handling, applied to the training rows of every fit (inner folds, outer folds, "
                    + "final model) after the transforms and top-k, never to held-out rows: none, weights (inverse class "
                    + "frequency of those rows, as Weka instance weights) or smote (Weka's SMOTE tops every class up to the "
                    + "largest with synthetic rows, seeded by --seed) (default: ${DEFAULT-VALUE}).")
    ClassImbalance imbalance = ClassImbalance.none;

    @Mixin
    StepSeed seedOption = new StepSeed();

    @Mixin
    StepThreads threadsOption = new StepThreads();

    @Option(names = "--group-column", description = "Annotation column whose samples stay together in inner folds too (e.g. patient).")
    String groupColumn;

    @Option(names = "--calibration", defaultValue = "none",
            description = "Calibrate the model's probabilities on its training samples: none, platt (a sigmoid of each "
                    + "class's probability, Platt 1999) or isotonic (a non-decreasing map, interpolated); fitted on "
                    + "out-of-fold probabilities of the training samples, as scikit-learn's CalibratedClassifierCV "
                    + "(default: ${DEFAULT-VALUE}).")
    ProbabilityCalibrator.Method calibration = ProbabilityCalibrator.Method.none;

    @Option(names = "--calibration-folds", defaultValue = "5",
            description = "With --calibration: folds of the cross-validation on the training samples whose out-of-fold "
                    + "probabilities the calibrator is fitted on (default: ${DEFAULT-VALUE}).")
    int calibrationFolds = 5;

    /** Options built in code (tests, benchmarks) rather than parsed from a command line. */
    public static ModelOptions of(List<String> learners, List<Integer> topK, String transforms, int innerFolds,
                                  int innerRepeats, long seed, String groupColumn) {
        ModelOptions o = new ModelOptions();
        o.learners = new ArrayList<>(learners);
        o.topK = new ArrayList<>(topK);
        o.transforms = transforms;
        o.innerFolds = innerFolds;
        o.innerRepeats = innerRepeats;
        o.selectionRule = SelectionRule.one_se;
        o.seedOption = new StepSeed(seed);
        o.groupColumn = groupColumn;
        return o;
    }

    /** The candidates in grid order: every learner with every k. Earlier candidates win ties. */
    public List<Candidate> candidates() {
        List<String> ls = learners.isEmpty() ? List.of(ModelSpec.DEFAULT_LEARNER) : learners;
        List<Integer> ks = topK.isEmpty() ? List.of(ModelSpec.DEFAULT_TOP_K) : topK;
        if (searched != null) {
            return searched.candidates();
        }
        List<String> trimmed = new ArrayList<>();
        for (String l : ls) {
            String learner = l.trim();
            if (learner.isEmpty()) {
                throw UserException.badParameter("--learner must not be empty");
            }
            trimmed.add(learner);
        }
        for (int k : ks) {
            if (k < 0) {
                throw UserException.badParameter("--top-k must be 0 (all features) or positive, got " + k);
            }
        }
        // every learner with every k, option ranges expanded (all of them, or a seeded draw)
        CandidateSearch.Result result = CandidateSearch.search(trimmed, ks, search, searchBudget, seed());
        List<Candidate> out = result.candidates();
        for (Candidate c : out) {
            // fails fast on a bad learner, and builds its prototype (WekaLearnerSpec.instantiate) here, on the
            // main thread, before any parallel job asks for one
            imbalance.requireSupport(WekaLearnerSpec.instantiate(c.learner(), 0, "learner"), c.learner());
        }
        if (out.size() > 1 && innerFolds < 2) {
            throw UserException.badParameter("--inner-folds must be at least 2 to choose among " + out.size() + " candidates");
        }
        if (calibration != ProbabilityCalibrator.Method.none && calibrationFolds < 2) {
            throw UserException.badParameter("--calibration-folds must be at least 2, got " + calibrationFolds);
        }
        threads(); // fails on --threads 0
        if (innerRepeats < 1) {
            throw UserException.badParameter("--inner-repeats must be at least 1, got " + innerRepeats);
        }
        searched = result;
        return out;
    }

    /**
     * What random search did, for the model's metadata, e.g. "random: 20 of 1210 candidates (seed 42)";
     * null for a grid, whose candidates are all there is.
     */
    public String searchNote() {
        candidates();
        return search == Search.random
                ? "random: " + searched.candidates().size() + " of " + searched.spaceSize() + " candidates (seed " + seed() + ")"
                : null;
    }

    /** These options with another class-imbalance handling (options built in code). */
    public ModelOptions withImbalance(ClassImbalance handling) {
        ModelOptions o = of(learners, topK, transforms, innerFolds, innerRepeats, seed(), groupColumn);
        o.selectionRule = selectionRule;
        o.search = search;
        o.searchBudget = searchBudget;
        o.calibration = calibration;
        o.calibrationFolds = calibrationFolds;
        o.imbalance = handling;
        o.threadsOption = threadsOption;
        return o;
    }

    /** Threads for the independent jobs of model fitting ({@code --threads}); results do not depend on it. */
    public int threads() {
        return threadsOption.threads();
    }

    /** These options with another thread count (tests, benchmarks). */
    public ModelOptions withThreads(int threads) {
        threadsOption = new StepThreads(threads);
        return this;
    }

    public ClassImbalance imbalance() {
        return imbalance;
    }

    public List<String> transformNames() {
        return List.of(transforms.split(","));
    }

    public int innerFolds() {
        return innerFolds;
    }

    public SelectionRule selectionRule() {
        return selectionRule;
    }

    public int innerRepeats() {
        return innerRepeats;
    }

    public long seed() {
        return seedOption.seed();
    }

    public String groupColumn() {
        return groupColumn;
    }

    public ProbabilityCalibrator.Method calibration() {
        return calibration;
    }

    public int calibrationFolds() {
        return calibrationFolds;
    }

    /** These options with a calibration method and its folds (tests, benchmarks). */
    public ModelOptions withCalibration(ProbabilityCalibrator.Method method, int folds) {
        calibration = method;
        calibrationFolds = folds;
        return this;
    }
}
