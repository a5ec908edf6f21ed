package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.CandidateScores;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corrected resampled t-test by hand, and the model comparison through evaluate and report. */
@Tag("unit")
class ModelComparisonTest {
    @TempDir
    Path dir;

    @Test
    void formulaByHand() {
        // d = 0.1, 0.2, 0, 0.1: mean 0.1, s² = 0.02/3; four folds of 10 held-out and 30 training samples:
        // n_test/n_train = 40/120 = 1/3. Corrected variance (1/4 + 1/3) · 0.02/3 = 7/1800; t = 0.1 / sqrt(7/1800).
        double[] x = {0.9, 0.8, 0.7, 0.8};
        double[] y = {0.8, 0.6, 0.7, 0.7};
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            d[i] = x[i] - y[i];
        }
        ModelComparison.Comparison c = ModelComparison.test("a", "b", x, y, d, 40.0 / 120.0);
        assertEquals(0.1, c.meanDifference(), 1e-14);
        assertEquals(0.02 / 3, c.variance(), 1e-14);
        assertEquals(7.0 / 1800, c.correctedVariance(), 1e-14);
        double t = 0.1 / Math.sqrt(7.0 / 1800);
        assertEquals(t, c.t(), 1e-12);
        assertEquals(3, c.degreesOfFreedom());
        // t quantile 0.975 with 3 df: 3.1824463052837078 (R: qt(0.975, 3)); two-sided p: 2 * pt(-t, 3) = 0.20714284399151286
        assertEquals(0.1 - 3.1824463052837078 * Math.sqrt(7.0 / 1800), c.ciLow(), 1e-12);
        assertEquals(0.1 + 3.1824463052837078 * Math.sqrt(7.0 / 1800), c.ciHigh(), 1e-12);
        assertEquals(0.20714284399151286, c.p(), 1e-12);
        // The uncorrected paired t-test would use s²/J: its t is larger by sqrt((1/4 + 1/3) / (1/4)).
        assertEquals(Math.sqrt((0.25 + 1.0 / 3) / 0.25), (0.1 / Math.sqrt(0.02 / 3 / 4)) / c.t(), 1e-12);
    }

    @Test
    void oneFoldHasNoVariance() {
        ModelComparison.Comparison c = ModelComparison.test("a", "b", new double[] {0.9}, new double[] {0.5},
                new double[] {0.4}, 0.5);
        assertEquals(0.4, c.meanDifference(), 1e-15);
        assertTrue(Double.isNaN(c.standardError()) && Double.isNaN(c.p()) && Double.isNaN(c.ciLow()));
    }

    /** Two repeats × three folds of a two-candidate grid, as train writes them. */
    private List<Path> scoreFiles() throws Exception {
        double[][] values = { // candidate 1, candidate 2, ZeroR per fold
            {0.9, 0.8, 0.5}, {0.85, 0.9, 0.5}, {1.0, 0.7, 0.5}, {0.8, 0.75, 0.5}, {0.95, 0.85, 0.5}, {0.9, 0.9, 0.5}};
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            int repeat = 1 + i / 3;
            int fold = 1 + i % 3;
            int nTest = fold == 1 ? 14 : 13;
            double[] v = values[i];
            Path p = dir.resolve("r" + repeat + "f" + fold + ".candidates.tsv");
            CandidateScores.write(p, List.of(
                    new CandidateScores.Row(repeat, fold, "1", "weka.classifiers.bayes.NaiveBayes", "10", 40 - nTest, nTest, v[0]),
                    new CandidateScores.Row(repeat, fold, "2", "weka.classifiers.functions.SMO -M", "10", 40 - nTest, nTest, v[1]),
                    new CandidateScores.Row(repeat, fold, "model", "weka.classifiers.bayes.NaiveBayes", "10", 40 - nTest, nTest,
                            v[0]),
                    new CandidateScores.Row(repeat, fold, "ZeroR", "weka.classifiers.rules.ZeroR", "NA", 40 - nTest, nTest, v[2])));
            files.add(p);
        }
        return files;
    }

    private Path predictions() throws Exception {
        Path p = dir.resolve("pred.tsv");
        Files.writeString(p, "## exprflow predictions 1\nset\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:A\tprob:B\n"
                + "cv\t1\t1\ts1\tmodel\tA\tA\t0.9\t0.1\ncv\t1\t1\ts1\tZeroR\tA\tA\t0.5\t0.5\n"
                + "cv\t1\t1\ts2\tmodel\tB\tB\t0.2\t0.8\ncv\t1\t1\ts2\tZeroR\tB\tA\t0.5\t0.5\n");
        return p;
    }

    private Cli.Result evaluate(String out, List<Path> scores) throws Exception {
        List<String> args = new ArrayList<>(List.of("evaluate", "--predictions", predictions().toString(), "--bootstrap", "0",
                "--output-tsv", dir.resolve(out + ".tsv").toString(), "--output-json", dir.resolve(out + ".json").toString()));
        if (!scores.isEmpty()) {
            args.add("--candidate-scores");
            scores.forEach(s -> args.add(s.toString()));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void evaluateAddsTheComparisonAfterTheOtherMetricsAndReportShowsIt() throws Exception {
        List<Path> files = scoreFiles();
        assertEquals(0, evaluate("plain", List.of()).exitCode());
        List<Path> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed); // input order does not matter
        Cli.Result r = evaluate("compared", reversed);
        assertEquals(0, r.exitCode(), r.stderr());
        String plain = Files.readString(dir.resolve("plain.tsv"));
        String compared = Files.readString(dir.resolve("compared.tsv"));
        assertTrue(compared.startsWith(plain), "the comparison only appends lines");
        List<String> added = compared.substring(plain.length()).lines().toList();
        assertEquals(2 * 13, added.size(), "model-ZeroR and candidate1-candidate2, 13 metrics each");
        assertTrue(added.get(0).startsWith("cv\tmodel-ZeroR\tcomparison_folds\tall\t6"), added.get(0));
        assertTrue(added.contains("cv\tcandidate1-candidate2\tcomparison_mean_difference\tall\t0.0833333333333"), added.toString());
        // n_test / n_train = (2·14 + 4·13) / (2·26 + 4·27) = 80/160
        assertTrue(added.contains("cv\tmodel-ZeroR\tcomparison_test_train_ratio\tall\t0.5"), added.toString());

        JsonNode json = StepJson.METRICS.read(dir.resolve("compared.json"));
        JsonNode comparison = json.path("model_comparison");
        assertEquals("corrected_resampled_t", comparison.path("test").asText());
        assertEquals("balanced_accuracy", comparison.path("statistic").asText());
        List<String> schemes = new ArrayList<>();
        comparison.path("schemes").forEach(s -> schemes.add(s.path("scheme").asText()));
        assertEquals(List.of("candidate1", "candidate2", "model", "ZeroR"), schemes);
        JsonNode first = comparison.path("comparisons").get(0);
        assertEquals("model", first.path("a").asText());
        assertEquals("ZeroR", first.path("b").asText());
        // The JSON carries what ModelComparison computed, to the files' 12 digits.
        ModelComparison.Comparison c = ModelComparison.read(files).comparisons().get(1);
        JsonNode second = comparison.path("comparisons").get(1);
        for (String[] k : new String[][] {{"t", Double.toString(c.t())}, {"p", Double.toString(c.p())},
                {"se", Double.toString(c.standardError())}}) {
            assertEquals(Double.parseDouble(k[1]), second.path(k[0]).asDouble(), 1e-11 * Math.abs(Double.parseDouble(k[1])), k[0]);
        }
        assertEquals(c.ciLow(), second.path("ci").get(0).asDouble(), 1e-11);

        Path html = dir.resolve("report.html");
        assertEquals(0, Cli.run("report", "--metrics", dir.resolve("compared.json").toString(), "--output", html.toString())
                .exitCode());
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Model comparison</h2>"), page);
        assertTrue(page.contains("<td class=\"learner\">1: NaiveBayes | k 10</td><td class=\"learner\">2: SMO -M | k 10</td>"
                + "<td>6</td><td>0.900</td><td>0.817</td><td>0.083</td>"), page);
        assertTrue(page.contains("<td class=\"learner\">nested CV (chosen per fold)</td><td class=\"learner\">ZeroR</td>"));
        // Without the comparison, no section.
        Path plainHtml = dir.resolve("plain.html");
        assertEquals(0, Cli.run("report", "--metrics", dir.resolve("plain.json").toString(), "--output", plainHtml.toString())
                .exitCode());
        assertFalse(Files.readString(plainHtml).contains("model-comparison"));
    }

    @Test
    void badTablesAreOneLineErrorsWithoutOutput() throws Exception {
        List<Path> files = scoreFiles();
        // the same fold file twice: the second's first row names its line
        evaluate("twice", List.of(files.get(0), files.get(0))).assertOneLineError(3,
                files.get(0) + ":3: candidate1 has a second score for repeat 1 fold 1");
        assertFalse(Files.exists(dir.resolve("twice.tsv")) || Files.exists(dir.resolve("twice.json")));
        // a fold missing for one scheme: tables of different runs
        Files.writeString(files.get(1), Files.readString(files.get(1)).replaceAll("(?m)^1\t2\t2\t.*\n", ""));
        evaluate("missing", files).assertOneLineError(4, "candidate2 is scored in 5 outer folds but the model in 6");
        assertFalse(Files.exists(dir.resolve("missing.tsv")));
        // n_test that differs between the rows of one fold
        Path odd = dir.resolve("odd.candidates.tsv");
        Files.writeString(odd, "## exprflow candidate-scores 1\nrepeat\tfold\tcandidate\tlearner\ttop_k\tn_train\tn_test\tbalanced_accuracy\n"
                + "1\t1\tmodel\tX\t10\t20\t10\t0.8\n1\t1\tZeroR\tweka.classifiers.rules.ZeroR\tNA\t20\t11\t0.5\n");
        evaluate("odd", List.of(odd)).assertOneLineError(3, odd + ":4: repeat 1 fold 1 has n_train 20 and n_test 10 in another row");
        Files.writeString(odd, "## exprflow candidate-scores 1\nrepeat\tfold\tcandidate\tlearner\ttop_k\tn_train\tn_test\tbalanced_accuracy\n"
                + "1\t1\tbest\tX\t10\t20\t10\t0.8\n");
        evaluate("odd", List.of(odd)).assertOneLineError(3, odd + ":3: candidate must be a grid position");
    }
}
