package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.stats.RegressionMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.exprflow.stepfile.DgexSummary;
import org.exprflow.stepfile.TargetMetricsTable;

/** The metric definitions and the D-GEX table, on numbers worked out by hand. */
@Tag("unit")
class DgexSummaryTest {

    @Test
    void perTargetMetricsFollowTheDefinitions() {
        // truth 1 2 3 4, predicted 1.5 2 2 5: errors .5 0 1 1
        RegressionMetrics m = RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1.5, 2, 2, 5});
        assertEquals(0.625, m.mae(), 1e-12);                       // (.5 + 0 + 1 + 1) / 4
        assertEquals(0.75, m.rmse(), 1e-12);                       // sqrt(2.25 / 4)
        assertEquals(5.25 / Math.sqrt(5 * 7.6875), m.pearson(), 1e-12); // sxy / sqrt(sxx syy)
    }

    @Test
    void tableHasMeanMaeSdAndRelativeImprovementOverLinear() {
        TargetMetricsTable t = new TargetMetricsTable(List.of(
                row("g1", "linear", 0.5), row("g2", "linear", 0.7), row("g3", "linear", 0.9),
                row("g1", "rf", 0.4), row("g2", "rf", 0.5), row("g3", "rf", 1.0)));
        DgexSummary s = DgexSummaries.of(t, "linear");
        DgexSummary.Line lr = s.line("test", "linear");
        DgexSummary.Line rf = s.line("test", "rf");
        assertEquals(0.7, lr.maeMean(), 1e-12);
        assertEquals(0.2, lr.maeSd(), 1e-12);                      // sqrt((.04 + 0 + .04) / 2)
        assertEquals(0.0, lr.relativeImprovement(), 1e-12);
        assertEquals(1.9 / 3, rf.maeMean(), 1e-12);
        assertEquals(Math.sqrt((Math.pow(0.4 - 1.9 / 3, 2) + Math.pow(0.5 - 1.9 / 3, 2) + Math.pow(1.0 - 1.9 / 3, 2)) / 2),
                rf.maeSd(), 1e-12);
        assertEquals((0.7 - 1.9 / 3) / 0.7, rf.relativeImprovement(), 1e-12); // ≈ 0.0952
        assertEquals(2, rf.betterThanBaseline());                  // g1 and g2, not g3
        assertEquals(3, rf.targets());
    }

    @Test
    void groupsRepeatTheTablePerGroupBesideAll(@TempDir Path dir) throws Exception {
        // g1, g2 "lin": linear 0.5 0.7, rf 0.4 0.5 -> rf 0.45 vs 0.6; g3 "nl": linear 0.9, rf 1.0
        TargetMetricsTable t = new TargetMetricsTable(List.of(
                row("g1", "linear", 0.5), row("g2", "linear", 0.7), row("g3", "linear", 0.9),
                row("g1", "rf", 0.4), row("g2", "rf", 0.5), row("g3", "rf", 1.0)));
        Path groups = dir.resolve("groups.tsv");
        Files.writeString(groups, "target\tkind\tnote\ng1\tlin\tx\ng2\tlin\ty\ng3\tnl\tz\ng9\tnl\tnot fitted\n");
        DgexSummary s = DgexSummaries.of(t, "linear", TargetGroups.read(groups, "kind"));
        assertEquals(List.of("all", "lin", "nl"), s.groups());
        assertEquals(1.9 / 3, s.line("test", "all", "rf").maeMean(), 1e-12);
        assertEquals(0.6, s.line("test", "lin", "linear").maeMean(), 1e-12);
        assertEquals(0.45, s.line("test", "lin", "rf").maeMean(), 1e-12);
        assertEquals((0.6 - 0.45) / 0.6, s.line("test", "lin", "rf").relativeImprovement(), 1e-12); // 0.25
        assertEquals(2, s.line("test", "lin", "rf").betterThanBaseline());
        assertEquals(1, s.line("test", "nl", "rf").targets());
        assertEquals((0.9 - 1.0) / 0.9, s.line("test", "nl", "rf").relativeImprovement(), 1e-12);
        assertEquals(0, s.line("test", "nl", "rf").betterThanBaseline());
        // Written, read back and written again: the same bytes, baseline included.
        Path f = dir.resolve("s.tsv");
        s.write(f);
        DgexSummary back = DgexSummary.read(f);
        back.write(dir.resolve("again.tsv"));
        assertEquals(Files.readString(f), Files.readString(dir.resolve("again.tsv")));
        assertEquals("linear", back.baseline());
        assertEquals("## exprflow dgex-summary 2", Files.readAllLines(f).get(0));
        assertEquals(DgexSummary.HEADER, Files.readAllLines(f).get(1));
        assertTrue(Files.readAllLines(f).get(5).startsWith("test\tlin\trf\tlinear\t2\t0.45\t"), Files.readAllLines(f).get(5));
    }

    @Test
    void aBadGroupsFileIsOneLineNamingTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("g.tsv");
        Files.writeString(f, "target\tkind\ng1\tlin\ng1\tnl\n");
        UserException twice = assertThrows(UserException.class, () -> TargetGroups.read(f, null));
        assertEquals(true, twice.getMessage().startsWith(f + ":3:") && twice.getMessage().contains("listed twice"), twice.getMessage());
        UserException column = assertThrows(UserException.class, () -> TargetGroups.read(f, "family"));
        assertEquals(true, column.getMessage().contains("no column 'family'"), column.getMessage());
        Files.writeString(f, "target\tkind\ng1\tall\n");
        UserException all = assertThrows(UserException.class, () -> TargetGroups.read(f, null));
        assertEquals(true, all.getMessage().contains("'all' names the summary"), all.getMessage());
    }

    @Test
    void withoutTheBaselineTheImprovementIsNA() {
        DgexSummary s = DgexSummaries.of(new TargetMetricsTable(List.of(row("g1", "rf", 0.4))), "linear");
        assertEquals(Double.NaN, s.line("test", "rf").relativeImprovement());
    }

    @Test
    void aRepeatedChunkIsRefusedNotCountedTwice(@TempDir Path dir) throws Exception {
        TargetMetricsTable t = new TargetMetricsTable(List.of(row("g1", "linear", 0.5)));
        Path f = dir.resolve("c.tsv");
        t.write(f);
        assertEquals("## exprflow target-metrics 2\n" + TargetMetricsTable.HEADER + "\ng1\tlinear\ttest\t10\t0.5\t0.6\t0.3\tNA\n", Files.readString(f));
        UserException e = assertThrows(UserException.class,
                () -> TargetMetricsTable.merge(List.of(TargetMetricsTable.read(f), TargetMetricsTable.read(f))));
        assertEquals(true, e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void theChosenLambdaTravelsThroughTheChunkTableToTheSummary(@TempDir Path dir) throws Exception {
        // ridge:auto chose 10, 1000 and the mean (λ = ∞) for three targets; linear chooses nothing.
        TargetMetricsTable t = new TargetMetricsTable(List.of(
                ridge("g1", 10), ridge("g2", 1000), ridge("g3", Double.POSITIVE_INFINITY), row("g1", "linear", 0.5)));
        Path f = dir.resolve("c.tsv");
        t.write(f);
        assertTrue(Files.readString(f).contains("g3\tridge:auto\ttest\t10\t0.5\t0.6\t0.3\tmean\n"), Files.readString(f));
        DgexSummary s = DgexSummaries.of(TargetMetricsTable.read(f), "linear");
        DgexSummary.Line tuned = s.line("test", "ridge:auto");
        assertEquals(505, tuned.lambdaMedian(), 1e-12);   // median of the finite λ: (10 + 1000) / 2
        assertEquals(1, tuned.targetsAtMean());
        assertEquals(Double.NaN, s.line("test", "linear").lambdaMedian());
        Path summary = dir.resolve("s.tsv");
        s.write(summary);
        assertEquals(505, DgexSummary.read(summary).line("test", "ridge:auto").lambdaMedian(), 1e-12);
        assertTrue(s.render("test").contains("λ median 505, training mean kept for 1 of 3 targets"), s.render("test"));
    }

    private static TargetMetricsTable.Row ridge(String target, double lambda) {
        return new TargetMetricsTable.Row(target, "ridge:auto", "test", 10, 0.5, 0.6, 0.3, lambda);
    }

    private static TargetMetricsTable.Row row(String target, String learner, double mae) {
        return new TargetMetricsTable.Row(target, learner, "test", 10, mae, 0.6, 0.3);
    }
}
