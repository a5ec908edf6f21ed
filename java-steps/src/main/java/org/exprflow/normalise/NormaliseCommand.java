package org.exprflow.normalise;

import java.nio.file.Path;

import org.exprflow.core.DatasetOutput;
import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.ValueKind;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.JsonOutput;
import org.exprflow.stepfile.StepJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The normalise step: per-value floor, ceiling and log2 (see {@link PerValueNormalisation}). */
@Command(name = "normalise", mixinStandardHelpOptions = true,
        description = {
            "Per-value normalisation: clamp to --floor/--ceiling (in input units), then optionally log2.",
            "Uses no information from other samples, so it may run before the train/test split; quantile "
                    + "normalisation and z-scores are fitted inside the model (train --transforms).",
            "Under log2, values <= 0 become NA (as in GEO2R) and their count is reported as a warning; "
                    + "give a positive --floor to keep them.",
            "--log2 auto uses GEO2R's rule on the input: log2 is applied when q99 > 100, or when "
                    + "q100 - q0 > 50 and q25 > 0 (quantiles of all non-NA values).",
            "A dataset imported as counts is written unchanged: the per-value stage is skipped."
        })
public final class NormaliseCommand extends StepCommand {

    @Option(names = "--input", required = true, description = "Dataset to normalise (.xfd).")
    Path input;

    @Mixin
    DatasetOutput output;

    @Option(names = "--floor", description = "Raise values below this to it (input units, before log2).")
    Double floor;

    @Option(names = "--ceiling", description = "Lower values above this to it (input units, before log2).")
    Double ceiling;

    @Option(names = "--log2", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "Take log2: auto (GEO2R's rule), always or never (default: ${DEFAULT-VALUE}).")
    String log2;

    @Option(names = "--output-summary", paramLabel = "FILE.json",
            description = "Also write what the step changed (values floored, ceilinged, made NA; log2 applied or not, "
                    + "and why) as JSON, for the console summary and the report.")
    Path summary;

    @Override
    protected void execute() throws Exception {
        // Parameters are checked before the input is read, so a typo fails fast.
        PerValueNormalisation normalisation =
                new PerValueNormalisation(floor, ceiling, PerValueNormalisation.Log2Mode.parse(log2));
        Dataset data = DatasetFile.read(input);
        if (data.valueKind() == ValueKind.COUNTS) {
            // Counts need library-size-aware normalisation, fitted across samples inside the model
            // (train --transforms); floor, ceiling and log2 here would destroy what it needs.
            if (floor != null || ceiling != null || log2.equalsIgnoreCase("always")) {
                Log.warn("values are counts: --floor, --ceiling and --log2 always are ignored");
            }
            DatasetFile.write(data, output.path());
            Log.info(data.sampleCount() + " samples x " + data.featureCount() + " features; values are counts: "
                    + "the per-value stage (floor, ceiling, log2) is skipped, count normalisation runs inside the "
                    + "model (--transforms)");
            writeSummary(data, null);
            return;
        }
        double[][] rows = new double[data.sampleCount()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = data.row(s); // shared, not copied: apply() never modifies its input
        }
        PerValueNormalisation.Result result = normalisation.apply(rows);
        DatasetFile.write(data.withValues(result.values()), output.path());
        Log.info(data.sampleCount() + " samples x " + data.featureCount() + " features; log2 "
                + (result.log2Applied() ? "applied" : "not applied"));
        writeSummary(data, result);
    }

    /** The --output-summary JSON: what the step changed (result null: counts, nothing changed). */
    private void writeSummary(Dataset data, PerValueNormalisation.Result result) throws java.io.IOException {
        if (summary == null) {
            return;
        }
        // a step JSON (kind normalise_qc): the report reads it, and the console summary
        com.fasterxml.jackson.databind.node.ObjectNode json = StepJson.NORMALISE_QC.newDocument()
                .put("dataset", data.name()).put("samples", data.sampleCount()).put("features", data.featureCount());
        // what was asked, beside what it did, so the report can say "floor 20: 12 values raised"
        if (floor != null) {
            json.put("floor", floor);
        }
        if (ceiling != null) {
            json.put("ceiling", ceiling);
        }
        json.put("log2_mode", log2.toLowerCase(java.util.Locale.ROOT));
        if (result == null) {
            json.put("log2", "skipped: counts");
        } else {
            json.put("values_floored", result.floored()).put("values_ceilinged", result.ceilinged())
                    .put("values_made_na", result.nonPositiveToNa())
                    .put("values_non_positive_log2_refused", result.log2SkippedNonPositive())
                    .put("log2", result.log2Applied() ? "applied"
                            : result.log2SkippedNonPositive() > 0 ? "not applied: " + result.log2SkippedNonPositive()
                                    + " values <= 0 would have become NA" : "not applied");
        }
        AtomicOutput.writeString(summary, JsonOutput.render(json));
    }
}
