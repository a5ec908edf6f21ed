package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.TextInput;

/**
 * What model selection chose when {@code train} fitted a model: the learner (its canonical Weka
 * command line), k, and the features the learner uses, in attribute order. {@code train} writes it
 * beside each model so that {@code evaluate} (per-fold choices, gene-selection stability) and
 * {@code report} read a small table instead of deserialising Weka models.
 *
 * <pre>
 * repeat  fold  learner                        top_k  feature
 * 1       2     weka.classifiers...SMO -C 1.0  40     200355_at
 * </pre>
 * One row per selected feature; repeat and fold are NA for a final model.
 */
public record ModelChoice(Integer repeat, Integer fold, String learner, String topK, List<String> features) {
    static final String HEADER = "repeat\tfold\tlearner\ttop_k\tfeature";

    public ModelChoice {
        features = List.copyOf(features);
    }

    /** Where train writes the selection of a model it saves: FOLD.choice.tsv beside FOLD.xfm. */
    public static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".xfm") ? name.substring(0, name.length() - 4) : name;
        return model.resolveSibling(stem + ".choice.tsv");
    }

    public void write(Path path) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        String where = (repeat == null ? "NA" : repeat.toString()) + '\t' + (fold == null ? "NA" : fold.toString());
        for (String f : features) {
            out.append(where).append('\t').append(learner).append('\t').append(topK).append('\t').append(f).append('\n');
        }
        AtomicOutput.writeString(path, out.toString());
    }

    public static ModelChoice read(Path path) {
        try (TextInput in = TextInput.open(path)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw UserException.badLine(path, 1, "not a model choice table from 'exprflow train' (expected the header '"
                        + HEADER.replace('\t', ' ') + "')");
            }
            Integer repeat = null;
            Integer fold = null;
            String learner = null;
            String topK = null;
            List<String> features = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                // a plain split: learner options carry quotes that must survive
                List<String> f = List.of(line.split("\t", -1));
                if (f.size() != 5) {
                    throw UserException.badLine(path, in.lineNumber(), "expected 5 tab-separated fields, found " + f.size());
                }
                if (learner == null) {
                    repeat = integer(path, in.lineNumber(), f.get(0));
                    fold = integer(path, in.lineNumber(), f.get(1));
                    learner = f.get(2);
                    topK = f.get(3);
                } else if (!f.get(2).equals(learner) || !f.get(3).equals(topK)) {
                    throw UserException.badLine(path, in.lineNumber(), "learner or top_k differs from the first row");
                }
                features.add(f.get(4));
            }
            if (learner == null) {
                throw UserException.badLine(path, 2, "the table lists no selected feature");
            }
            return new ModelChoice(repeat, fold, learner, topK, features);
        }
    }

    private static Integer integer(Path path, long line, String text) {
        if (text.equals("NA")) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw UserException.badLine(path, line, "repeat and fold must be whole numbers or NA, got '" + text + "'");
        }
    }
}
