package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.stepfile.DgexSummary;
import org.exprflow.testing.Cli;
import org.exprflow.plot.Markup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's landmark section shows every learner side by side per group, with the figures of
 * landmark-summary, and one scatter point per target; a per-target table without its summary is a
 * usage error.
 */
@Tag("unit")
class LandmarkReportTest {
    @TempDir
    Path dir;

    @Test
    void sectionShowsTheSummaryPerGroupAndOnePointPerTarget() throws Exception {
        ok("simulate-landmark", "--output-dir", p("sim"), "--samples", "150", "--landmarks", "60", "--targets", "8", "--query-samples", "0");
        ok("import", "--input", p("sim/expression.tsv.gz"), "--format", "tsv", "--output", p("d.xfd"));
        ok("landmark-fit", "--input", p("d.xfd"), "--landmarks", p("sim/landmarks.txt"), "--learner", "linear;knn", "--output", p("c.tsv"));
        ok("landmark-summary", "--input", p("c.tsv"), "--target-groups", p("sim/truth.tsv"), "--group-column", "kind",
                "--output-targets", p("t.tsv"), "--output-summary", p("s.tsv"));
        ok("report", "--metrics", p("s.tsv"), "--predictions", p("t.tsv"), "--output", p("r.html"));
        String html = Files.readString(dir.resolve("r.html"));
        DgexSummary s = DgexSummary.read(dir.resolve("s.tsv"));
        assertEquals(2 * 3 * 3, s.lines().size()); // 2 sets x {all, linear, nonlinear} x {knn, linear, mean}
        for (DgexSummary.Line l : s.lines()) {
            String row = "<td>" + l.group() + "</td><td class=\"learner\">" + l.learner() + "</td><td>" + l.targets() + "</td><td>"
                    + Markup.fixed(l.maeMean(), 4) + " ± " + Markup.fixed(l.maeSd(), 4) + "</td>";
            assertTrue(html.contains(row), "row of " + l + " in the report");
        }
        // The lowest MAE of each group is marked.
        for (String group : s.groups()) {
            DgexSummary.Line best = s.lines().stream().filter(l -> l.set().equals("test") && l.group().equals(group))
                    .min((a, b) -> Double.compare(a.maeMean(), b.maeMean())).orElseThrow();
            assertTrue(html.contains("<tr class=\"best\"><td>" + group + "</td><td class=\"learner\">" + best.learner() + "</td>"), group);
        }
        Matcher points = Pattern.compile("<circle [^>]*style=\"fill:").matcher(html);
        int n = 0;
        while (points.find()) {
            n++;
        }
        assertEquals(8, n, "one coloured point per target");
        assertTrue(html.contains("nonlinear") && html.contains("learners</th><td>knn, linear, mean"), "run summary");
        // Issue 14: the page opens with the best learner against the baseline, on the test set.
        DgexSummary.Line knn = s.line("test", "knn");
        assertTrue(html.contains("</h1>\n<p class=\"headline\">Test samples, 8 targets: <code>knn</code> <strong>"
                + (knn.maeMean() < s.line("test", "linear").maeMean() ? "beats" : "does not beat") + "</strong> the baseline <code>linear</code>: mean MAE "
                + Markup.fixed(knn.maeMean(), 3) + " against " + Markup.fixed(s.line("test", "linear").maeMean(), 3)), html);
    }

    /** Issue 13: ridge:auto's chosen λ reaches the run summary (median, and how many targets kept the training mean). */
    @Test
    void theRunSummaryStatesTheLambdaRidgeAutoChose() throws Exception {
        ok("simulate-landmark", "--output-dir", p("sim"), "--samples", "150", "--landmarks", "60", "--targets", "8", "--query-samples", "0");
        ok("import", "--input", p("sim/expression.tsv.gz"), "--format", "tsv", "--output", p("d.xfd"));
        ok("landmark-fit", "--input", p("d.xfd"), "--landmarks", p("sim/landmarks.txt"), "--learner", "linear;ridge:auto", "--output", p("c.tsv"));
        ok("landmark-summary", "--input", p("c.tsv"), "--output-targets", p("t.tsv"), "--output-summary", p("s.tsv"));
        ok("report", "--metrics", p("s.tsv"), "--predictions", p("t.tsv"), "--output", p("r.html"));
        DgexSummary.Line tuned = DgexSummary.read(dir.resolve("s.tsv")).line("test", "ridge:auto");
        assertTrue(tuned.targetsAtMean() >= 0 && !Double.isNaN(tuned.lambdaMedian()), tuned.toString());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("<th>λ chosen by ridge:auto</th><td>median " + ReadableNumbers.quantity(tuned.lambdaMedian())
                + " on the validation samples; training mean kept for " + (long) tuned.targetsAtMean() + " of 8 targets</td>"), html);
    }

    /** The kind line decides, never the columns: a per-target table without one is not taken for a landmark table. */
    @Test
    void tablesAreToldApartByTheirKindLine() throws Exception {
        Files.writeString(dir.resolve("old.tsv"), "target\tlearner\tset\tn\tmae\trmse\tpearson\ng1\tlinear\ttest\t4\t0.5\t0.6\t0.3\n");
        Cli.Result r = Cli.run("report", "--predictions", p("old.tsv"), "--output", p("r.html"));
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(List.of("report: error: " + p("old.tsv") + ":1: not an exprflow predictions table (expected the first line"
                + " '## exprflow predictions 1' or the header: set, repeat, fold, sample, learner, truth, predicted)"), r.errorLines());
        assertTrue(Files.notExists(dir.resolve("r.html")));
    }

    @Test
    void aPerTargetTableNeedsItsSummary() throws Exception {
        Files.writeString(dir.resolve("t.tsv"), "## exprflow target-metrics 2\ntarget\tlearner\tset\tn\tmae\trmse\tpearson\tlambda\ng1\tlinear\ttest\t4\t0.5\t0.6\t0.3\tNA\n");
        Cli.Result r = Cli.run("report", "--predictions", p("t.tsv"), "--output", p("r.html"));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.errorLines().size(), r.stderr());
        assertTrue(Files.notExists(dir.resolve("r.html")));
    }

    private static void ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }
}
