package org.exprflow.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.stepfile.ScoreTables;
import org.exprflow.stepfile.StepJson;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code score-report} step: one self-contained HTML page comparing every predictions file that
 * {@code exprflow score} scored against the same measurements, side by side: a table with one row per
 * model (its score JSON: matched and scored ids, Pearson r, Spearman ρ, R², RMSE, MAE, and the MAE of
 * the mean baseline) and one predicted-versus-measured scatter per model, named after it (its pairs
 * table). Models appear in the order given; the page holds no path, date or host, so two renders of
 * the same inputs are byte-identical.
 *
 * <pre>
 * exprflow score-report --name model_a --score model_a.score.json --pairs model_a.pairs.tsv
 *                       --name model_b --score model_b.score.json --pairs model_b.pairs.tsv
 *                       --output scores.score_report.html [--title TEXT]
 * </pre>
 */
@Command(name = "score-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write one HTML page comparing the outputs of 'exprflow score' for several predictions files.")
public final class ScoreReportCommand extends StepCommand {

    /** One scored predictions file: its name in the page, its score JSON and, for the plot, its pairs. */
    static final class Model {
        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "The model's name in the table and above its plot (e.g. the predictions file's name).")
        String name;

        @Option(names = "--score", required = true, paramLabel = "S.json", description = "Its score JSON ('exprflow score --output-json').")
        Path score;

        @Option(names = "--pairs", paramLabel = "PAIRS.tsv",
                description = "Its joined pairs ('exprflow score --output-pairs'): the scatter plot; without it, no plot for this model.")
        Path pairs;
    }

    @ArgGroup(exclusive = false, multiplicity = "1..*", heading = "Each model (repeat the three options per model):%n")
    List<Model> models;

    @Option(names = "--output", required = true, paramLabel = "REPORT.html", description = "The HTML page.")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "exprflow: predictions scored against measurements",
            description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    protected void validateArguments() {
        Set<String> names = new HashSet<>();
        for (Model m : models) {
            if (m.name.isBlank()) {
                throw UserException.badParameter("--name must not be empty");
            }
            if (!names.add(m.name)) {
                throw UserException.badParameter("--name '" + m.name + "' is given twice: each model needs its own name");
            }
        }
    }

    @Override
    protected void execute() throws Exception {
        List<ScoreComparison.Scored> scored = new ArrayList<>();
        for (Model m : models) {
            scored.add(new ScoreComparison.Scored(m.name, StepJson.SCORE.read(m.score),
                    m.pairs == null ? null : ScoreTables.PAIRS.read(m.pairs).rows()));
        }
        AtomicOutput.writeString(output, ScoreComparison.render(title, scored));
        Log.info("wrote the comparison of " + scored.size() + (scored.size() == 1 ? " model" : " models") + " to " + output);
    }
}
