package org.exprflow.stepfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-fold scores that the model comparison tests (kind {@code candidate-scores}): written by
 * {@code train} for one outer CV fold, gathered by {@code evaluate}. Each row is one scheme fitted on
 * the fold's training samples and scored on its held-out samples by balanced accuracy, with the two
 * sizes the corrected resampled t-test needs.
 *
 * <pre>
 * ## exprflow candidate-scores 1
 * repeat  fold  candidate  learner                          top_k  n_train  n_test  balanced_accuracy
 * 1       2     1          weka.classifiers.functions.SMO   10     26       13      0.923076923077
 * 1       2     model      weka.classifiers.functions.SMO   10     26       13      0.923076923077
 * 1       2     ZeroR      weka.classifiers.rules.ZeroR     NA     26       13      0.5
 * </pre>
 * candidate is a grid position (1, 2, ... in {@code --learner} × {@code --top-k} order; only with
 * {@code train --compare-models} or a single candidate), {@code model} (the nested procedure: what the
 * inner loop chose in this fold) or {@code ZeroR} (the baseline).
 */
public final class CandidateScores {
    public static final String KIND = "candidate-scores";
    /** The candidate value of the nested procedure's row. */
    public static final String MODEL = "model";
    /** The candidate value of the baseline's row. */
    public static final String ZEROR = "ZeroR";

    /** One scheme in one outer fold; {@code topK} is text ("NA" for ZeroR), as in the model choice table. */
    public record Row(int repeat, int fold, String candidate, String learner, String topK, int nTrain, int nTest,
                      double balancedAccuracy) {
    }

    public static final StepTable<Row> CODEC = StepTable.of(KIND, 1,
            List.of("repeat", "fold", "candidate", "learner", "top_k", "n_train", "n_test", "balanced_accuracy"),
            (r, c) -> c.integer(r.repeat()).integer(r.fold()).text(r.candidate()).text(r.learner()).text(r.topK())
                    .integer(r.nTrain()).integer(r.nTest()).number(r.balancedAccuracy()),
            CandidateScores::decode);

    private CandidateScores() {
    }

    public static void write(Path path, List<Row> rows) throws IOException {
        CODEC.write(path, rows);
    }

    public static List<Row> read(Path path) {
        return CODEC.read(path).rows();
    }

    /** One row, checked; public for readers that add checks across rows or files. */
    public static Row decode(StepTable.Line line) {
        int nTrain = line.integer(5);
        int nTest = line.integer(6);
        if (nTrain < 1 || nTest < 1) {
            throw line.error("n_train and n_test must be positive, found " + nTrain + " and " + nTest);
        }
        String candidate = line.text(2);
        if (!candidate.equals(MODEL) && !candidate.equals(ZEROR) && !isPosition(candidate)) {
            throw line.error("candidate must be a grid position (1, 2, ...), model or ZeroR, found '" + candidate + "'");
        }
        return new Row(line.integer(0), line.integer(1), candidate, line.text(3), line.text(4), nTrain, nTest,
                line.number(7));
    }

    private static boolean isPosition(String s) {
        try {
            return Integer.parseInt(s) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
