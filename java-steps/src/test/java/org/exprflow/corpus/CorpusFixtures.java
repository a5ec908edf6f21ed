package org.exprflow.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.exprflow.data.DatasetFile;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;

/**
 * Valid files the corpus cases need beside their bad input (a dataset to predict on, a model to
 * truncate), made once per JVM with the real steps, so they always match the current formats.
 * {@code {fixture:NAME}} in a manifest names one of them.
 */
final class CorpusFixtures {
    private static final Map<String, Path> MADE = new HashMap<>();
    private static Path dir;

    private CorpusFixtures() {
    }

    static synchronized Path get(String name) {
        Path made = MADE.get(name);
        if (made == null) {
            try {
                made = make(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MADE.put(name, made);
        }
        return made;
    }

    private static Path make(String name) throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("exprflow-corpus-fixtures");
            dir.toFile().deleteOnExit();
        }
        Path out = dir.resolve(name);
        switch (name) {
            case "classify.xfd" -> DatasetFile.write(SyntheticData.classes(7, 24, 12, 4, 3.0, "A", "B"), out);
            case "model.xfm" -> ok("train", "--input", get("classify.xfd").toString(), "--output", out.toString(),
                    "--learner", "weka.classifiers.bayes.NaiveBayes", "--top-k", "6");
            case "splits.tsv" -> ok("split", "--input", get("classify.xfd").toString(), "--output", out.toString(), "--folds", "3");
            case "model.choice.tsv" -> {
                get("model.xfm");
                return dir.resolve("model.choice.tsv");
            }
            case "predictions.tsv" -> ok("train", "--input", get("classify.xfd").toString(), "--splits", get("splits.tsv").toString(),
                    "--repeat", "1", "--fold", "1", "--predictions", out.toString(),
                    "--learner", "weka.classifiers.bayes.NaiveBayes", "--top-k", "6");
            case "learning-curve.tsv" -> ok("train", "--input", get("classify.xfd").toString(), "--splits", get("splits.tsv").toString(),
                    "--repeat", "1", "--fold", "1", "--predictions", out.toString(), "--output", dir.resolve("lc.xfm").toString(),
                    "--learner", "weka.classifiers.bayes.NaiveBayes", "--top-k", "6", "--train-fraction", "0.5");
            case "landmark.metrics.tsv" -> {
                get("model.xlm");
                return dir.resolve("model.xlm.metrics.tsv");
            }
            case "qc.json" -> ok("qc", "--input", get("classify.xfd").toString(), "--output-tsv", dir.resolve("qc.tsv").toString(),
                    "--output-json", out.toString());
            case "landmark" -> ok("simulate-landmark", "--output-dir", out.toString(), "--samples", "60", "--landmarks", "8",
                    "--targets", "3", "--query-samples", "4", "--seed", "5");
            case "landmark.xfd" -> ok("import", "--input", get("landmark").resolve("expression.tsv.gz").toString(),
                    "--format", "tsv", "--output", out.toString());
            case "query.xfd" -> ok("import", "--input", get("landmark").resolve("query_landmarks.tsv.gz").toString(),
                    "--format", "tsv", "--output", out.toString());
            case "landmarks.txt" -> Files.copy(get("landmark").resolve("landmarks.txt"), out);
            case "model.xlm" -> ok("landmark-fit", "--input", get("landmark.xfd").toString(), "--landmarks",
                    get("landmarks.txt").toString(), "--learner", "linear", "--seed", "3",
                    "--output", dir.resolve("model.xlm.metrics.tsv").toString(), "--output-model", out.toString());
            default -> throw new IllegalArgumentException("no corpus fixture '" + name + "'");
        }
        return out;
    }

    private static void ok(String... args) {
        Cli.Result r = Cli.run(args);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("fixture step failed: " + String.join(" ", args) + "\n" + r.stderr());
        }
    }
}
