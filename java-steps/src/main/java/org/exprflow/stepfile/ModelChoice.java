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
 */
public record ModelChoice(Integer repeat, Integer fold, String learner, String topK, List<String> features) {
    public static final String KIND = "model-choice";

    private record Row(Integer repeat, Integer fold, String learner, String topK, String feature) {
    }

    private static final StepTable<Row> CODEC = StepTable.of(KIND, 1, List.of("repeat", "fold", "learner", "top_k", "feature"),
            (r, c) -> c.text(r.repeat == null ? "NA" : r.repeat.toString()).text(r.fold == null ? "NA" : r.fold.toString())
                    .text(r.learner).text(r.topK).text(r.feature),
            ModelChoice::decode);

    public ModelChoice {
        features = List.copyOf(features);
    }

    /** Where train writes the choice of a model it saves: FOLD.choice.tsv beside FOLD.xfm. */
    public static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".xfm") ? name.substring(0, name.length() - 4) : name;
        return model.resolveSibling(stem + ".choice.tsv");
    }

    public void write(Path path) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String f : features) {
            rows.add(new Row(repeat, fold, learner, topK, f));
        }
        CODEC.write(path, rows);
    }

    public static ModelChoice read(Path path) {
        List<Row> rows = CODEC.read(path).rows();
        if (rows.isEmpty()) {
            throw UserException.badLine(path, 3, "the table lists no selected feature");
        }
        Row first = rows.get(0);
        List<String> features = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.learner.equals(first.learner) || !r.topK.equals(first.topK)
                    || !java.util.Objects.equals(r.repeat, first.repeat) || !java.util.Objects.equals(r.fold, first.fold)) {
                throw UserException.badLine(path, i + 3, "repeat, fold, learner or top_k differs from the first row");
            }
            features.add(r.feature);
        }
        return new ModelChoice(first.repeat, first.fold, first.learner, first.topK, features);
    }

    private static Row decode(StepTable.Line line) {
        return new Row(wholeOrNa(line, 0), wholeOrNa(line, 1), line.text(2), line.text(3), line.text(4));
    }

    private static Integer wholeOrNa(StepTable.Line line, int column) {
        return line.text(column).equals("NA") ? null : line.integer(column);
    }
}
