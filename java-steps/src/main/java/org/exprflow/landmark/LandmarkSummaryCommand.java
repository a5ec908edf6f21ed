package org.exprflow.landmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.exprflow.stepfile.DgexSummary;
import org.exprflow.stepfile.TargetMetricsTable;

/**
 * {@code exprflow landmark-summary}: gathers the chunk tables of landmark-fit into one per-target
 * table and the D-GEX table of learners (mean MAE ± SD across targets, relative improvement over
 * linear regression). Rows are sorted, so the order the chunks are given in does not matter; a
 * target given twice (a chunk repeated) is an error rather than a double count.
 */
@Command(name = "landmark-summary", mixinStandardHelpOptions = true,
        description = "Gather landmark-fit chunks into per-target metrics and the D-GEX summary table.")
public final class LandmarkSummaryCommand extends StepCommand {

    @Option(names = "--input", required = true, arity = "1..*", description = "Chunk tables written by landmark-fit.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--baseline", defaultValue = LandmarkLearner.LINEAR,
            description = "Learner the relative improvement is measured against (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--target-groups", paramLabel = "GROUPS.tsv",
            description = "Tab-separated file with a header: target id, then group columns; the summary is repeated per group "
                    + "(e.g. the simulator's truth.tsv, grouped by kind).")
    Path targetGroups;

    @Option(names = "--group-column", paramLabel = "NAME", description = "Column of --target-groups to group by (default: the second).")
    String groupColumn;

    @Option(names = "--output-targets", required = true, description = "All per-target metrics (.tsv).")
    Path outputTargets;

    @Option(names = "--output-summary", required = true, description = "The D-GEX table: set, learner, mean MAE, SD, relative improvement (.tsv).")
    Path outputSummary;

    @Override
    protected void execute() throws Exception {
        List<TargetMetricsTable> parts = new ArrayList<>();
        for (Path p : inputs) {
            parts.add(TargetMetricsTable.read(p));
        }
        TargetMetricsTable all = TargetMetricsTable.merge(parts);
        TargetGroups groups = TargetGroups.none();
        if (targetGroups != null) {
            groups = TargetGroups.read(targetGroups, groupColumn);
            TargetGroups g = groups;
            long grouped = all.rows().stream().map(TargetMetricsTable.Row::target).distinct().filter(t -> g.groupOf(t) != null).count();
            long targets = all.rows().stream().map(TargetMetricsTable.Row::target).distinct().count();
            Log.info("target groups " + String.join(", ", groups.groups()) + ": " + grouped + " of " + targets + " targets grouped");
        } else if (groupColumn != null) {
            throw UserException.badParameter("--group-column needs --target-groups");
        }
        DgexSummary summary = DgexSummaries.of(all, baseline, groups);
        all.withGroups(groups.asMap()).write(outputTargets);
        summary.write(outputSummary);
        for (String line : summary.render(LandmarkFit.TEST).split("\n")) {
            Log.info(line);
        }
    }
}
