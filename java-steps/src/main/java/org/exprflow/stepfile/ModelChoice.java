package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;

/**
 * What model selection chose when {@code train} fitted a model: the learner (its canonical Weka
 * command line), k, and the features the learner uses, in attribute order. {@code train} writes it
 * beside each model (kind {@code model-choice}) so that {@code evaluate} (per-fold choices,
 * gene-selection stability) and {@code report} read a small table instead of deserialising Weka
 * models.
 *
 * <pre>
 * ## exprflow model-choice 1
 * repeat  fold  learner                          top_k  feature
 * 1       2     weka.classifiers...SMO -C 1.0 .. 40     200355_at
 * </pre>
 * One row per selected feature; repeat and fold are NA for a final model.
 *
 * <p>Format 2 adds, after these columns, {@code rank} (the feature's place in the training ranking,
 * 1 = most discriminative), {@code importance} (permutation importance on the outer fold's held-out
 * samples; NA for a final model) and {@code mean:<class>} per class (the feature's mean over the training
 * samples of that class, on the values train was given, before the model's cross-sample transforms):
 * what evaluate's genes table averages over the outer folds. A format 1 file (no such columns) still
 * reads, without them.
 */
public record ModelChoice(Integer repeat, Integer fold, String learner, String topK, List<String> features,
                          List<String> classes, List<FeatureStats> stats) {
    public static final String KIND = "model-choice";
    private static final String RANK = "rank";
    private static final String IMPORTANCE = "importance";
    private static final String MEAN = "mean:";

    /**
     * A selected feature's rank in the training ranking, its permutation importance on the fold's
     * held-out samples (NaN for a final model, which has none) and its mean per class (NaN: no value).
     */
    public record FeatureStats(int rank, double importance, double[] classMeans) {
    }

    private record Row(Integer repeat, Integer fold, String learner, String topK, String feature, FeatureStats stats) {
    }

    private static final StepTable<Row> CODEC = StepTable.of(KIND, 2, List.of("repeat", "fold", "learner", "top_k", "feature"),
            ModelChoice::encode, ModelChoice::decode)
            .withExtraColumns(c -> c.equals(RANK) || c.equals(IMPORTANCE) || c.startsWith(MEAN),
                    "rank, importance, then mean:<class> columns");

    public ModelChoice {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        stats = List.copyOf(stats);
        if (!stats.isEmpty() && stats.size() != features.size()) {
            throw new IllegalArgumentException(stats.size() + " feature statistics for " + features.size() + " features");
        }
    }

    /** A choice without per-feature statistics (as format 1 files hold). */
    public ModelChoice(Integer repeat, Integer fold, String learner, String topK, List<String> features) {
        this(repeat, fold, learner, topK, features, List.of(), List.of());
    }

    /** True when the table gave each feature's rank and class means. */
    public boolean hasStats() {
        return !stats.isEmpty();
    }

    /** Where train writes the choice of a model it saves: FOLD.choice.tsv beside FOLD.xfm. */
    public static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".xfm") ? name.substring(0, name.length() - 4) : name;
        return model.resolveSibling(stem + ".choice.tsv");
    }

    public void write(Path path) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            rows.add(new Row(repeat, fold, learner, topK, features.get(i), stats.isEmpty() ? null : stats.get(i)));
        }
        List<String> extra = new ArrayList<>();
        if (hasStats()) {
            extra.add(RANK);
            extra.add(IMPORTANCE);
            classes.forEach(c -> extra.add(MEAN + c));
        }
        CODEC.write(path, extra, rows);
    }

    public static ModelChoice read(Path path) {
        StepTable.Contents<Row> contents = CODEC.read(path);
        List<Row> rows = contents.rows();
        if (rows.isEmpty()) {
            throw UserException.badLine(path, 3, "the table lists no selected feature");
        }
        List<String> classes = new ArrayList<>();
        for (String c : contents.extraColumns(CODEC)) {
            if (c.startsWith(MEAN)) {
                classes.add(c.substring(MEAN.length()));
            }
        }
        Row first = rows.get(0);
        List<String> features = new ArrayList<>();
        List<FeatureStats> stats = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.learner.equals(first.learner) || !r.topK.equals(first.topK)
                    || !java.util.Objects.equals(r.repeat, first.repeat) || !java.util.Objects.equals(r.fold, first.fold)) {
                throw UserException.badLine(path, i + 3, "repeat, fold, learner or top_k differs from the first row");
            }
            features.add(r.feature);
            if (r.stats != null) {
                stats.add(r.stats);
            }
        }
        return new ModelChoice(first.repeat, first.fold, first.learner, first.topK, features, classes, stats);
    }

    private static void encode(Row r, StepTable.Cells c) {
        c.text(r.repeat == null ? "NA" : r.repeat.toString()).text(r.fold == null ? "NA" : r.fold.toString())
                .text(r.learner).text(r.topK).text(r.feature);
        if (r.stats != null) {
            c.integer(r.stats.rank()).number(r.stats.importance());
            for (double m : r.stats.classMeans()) {
                c.number(m);
            }
        }
    }

    private static Row decode(StepTable.Line line) {
        List<String> header = line.header();
        FeatureStats stats = null;
        if (header.size() > 5) {
            if (header.size() < 7 || !header.get(5).equals(RANK) || !header.get(6).equals(IMPORTANCE)
                    || header.subList(7, header.size()).stream().anyMatch(h -> !h.startsWith(MEAN))) {
                throw line.error("after feature come rank, importance, then mean:<class> columns; the header is " + header);
            }
            double[] means = new double[header.size() - 7];
            for (int k = 0; k < means.length; k++) {
                means[k] = line.number(7 + k);
            }
            stats = new FeatureStats(line.integer(5), line.number(6), means);
        }
        return new Row(wholeOrNa(line, 0), wholeOrNa(line, 1), line.text(2), line.text(3), line.text(4), stats);
    }

    private static Integer wholeOrNa(StepTable.Line line, int column) {
        return line.text(column).equals("NA") ? null : line.integer(column);
    }
}
