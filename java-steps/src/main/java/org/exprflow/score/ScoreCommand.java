package org.exprflow.score;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.exprflow.data.IdVersions;
import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.stats.RegressionMetrics;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgScatterPlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow score}: scores a published model's per-gene predictions (e.g. Xpresso's) against
 * measured expression. Both tables are read with delimiter and header detection, ids are optionally
 * translated through an id map and version-stripped identically on every side, and the join is
 * scored with {@link RegressionMetrics} beside the constant mean-prediction baseline. All outputs are
 * rendered in memory first and written only when every input has been read without error, each
 * through {@link AtomicOutput}, so a user error leaves no output file at all. Contract: docs/score.md.
 */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Score predicted expression against measured expression (two id + value tables).",
            "Delimiter (tab, comma, whitespace) and header are detected from the first lines;",
            "columns are chosen by header name or 1-based index. Reports matched, unmatched",
            "and duplicated ids, Pearson r, Spearman rho, R2, RMSE, MAE, and the RMSE and MAE",
            "of predicting the measured mean for every id. Contract: docs/score.md."
        })
public final class ScoreCommand extends StepCommand {
    /** Fewer pairs make r meaningless (two points always give r = +-1). */
    static final int MIN_SCORED = 3;

    @Option(names = "--predictions", required = true, paramLabel = "PRED", description = "Predictions table (plain or gzip).")
    Path predictions;

    @Option(names = "--measurements", required = true, paramLabel = "MEAS", description = "Measured-expression table (plain or gzip).")
    Path measurements;

    @Option(names = "--pred-id-column", defaultValue = "1", paramLabel = "COL", description = "Id column of the predictions: header name or 1-based index (default: ${DEFAULT-VALUE}).")
    String predIdColumn;

    @Option(names = "--pred-value-column", defaultValue = "2", paramLabel = "COL", description = "Prediction column (default: ${DEFAULT-VALUE}).")
    String predValueColumn;

    @Option(names = "--meas-id-column", defaultValue = "1", paramLabel = "COL", description = "Id column of the measurements (default: ${DEFAULT-VALUE}).")
    String measIdColumn;

    @Option(names = "--meas-value-column", defaultValue = "2", paramLabel = "COL", description = "Measured-value column (default: ${DEFAULT-VALUE}).")
    String measValueColumn;

    @Option(names = "--header", negatable = true, description = "Every input table has (--header) or lacks (--no-header) a header line; default: detected per table.")
    Boolean header;

    @Option(names = "--pred-header", negatable = true, description = "Override --header for the predictions table.")
    Boolean predHeader;

    @Option(names = "--meas-header", negatable = true, description = "Override --header for the measurements table.")
    Boolean measHeader;

    @Option(names = "--id-map", paramLabel = "MAP", description = "Table translating prediction ids into measurement ids.")
    Path idMap;

    @Option(names = "--map-from-column", paramLabel = "COL", description = "Map column holding prediction ids (default: 1).")
    String mapFromColumn;

    @Option(names = "--map-to-column", paramLabel = "COL", description = "Map column holding measurement ids (default: 2).")
    String mapToColumn;

    @Option(names = "--map-header", negatable = true, description = "Override --header for the id map.")
    Boolean mapHeader;

    @Option(names = "--strip-versions", negatable = true, description = "Remove '.N' version suffixes from all ids (--strip-versions) or none (--no-strip-versions); default: from Ensembl ids (ENS...) only.")
    Boolean stripVersions;

    @Option(names = "--transform", defaultValue = "none", paramLabel = "none|log2p1", description = "Transform of the measured values: log2p1 = log2(x + 1), for TPM against log-scale predictions (default: ${DEFAULT-VALUE}).")
    String transform;

    @Option(names = "--duplicates", defaultValue = "error", paramLabel = "error|mean|first", description = "Rows sharing a join id on one side: error, mean of their values, or the first row (default: ${DEFAULT-VALUE}).")
    String duplicates;

    @Option(names = "--output-tsv", required = true, paramLabel = "M.tsv", description = "Metrics table: metric, value.")
    Path outputTsv;

    @Option(names = "--output-json", required = true, paramLabel = "M.json", description = "Metrics and input summary as JSON.")
    Path outputJson;

    @Option(names = "--output-pairs", paramLabel = "PAIRS.tsv", description = "Joined pairs: id, measured, predicted, sorted by id.")
    Path outputPairs;

    @Option(names = "--output-svg", paramLabel = "PLOT.svg", description = "Scatter plot of predicted vs measured, Pearson r in the title.")
    Path outputSvg;

    @Override
    protected void execute() {
        MeasuredTransform measuredTransform = MeasuredTransform.parse(transform);
        DuplicatePolicy policy = DuplicatePolicy.parse(duplicates);
        IdVersions versions = IdVersions.of(stripVersions);
        ColumnRef predId = ColumnRef.parse("--pred-id-column", predIdColumn);
        ColumnRef predValue = ColumnRef.parse("--pred-value-column", predValueColumn);
        ColumnRef measId = ColumnRef.parse("--meas-id-column", measIdColumn);
        ColumnRef measValue = ColumnRef.parse("--meas-value-column", measValueColumn);
        if (idMap == null && (mapFromColumn != null || mapToColumn != null || mapHeader != null)) {
            throw UserException.badParameter("--map-from-column, --map-to-column and --map-header need --id-map");
        }
        checkOutputs();

        IdValueTable pred = IdValueTable.read(predictions, predId, predValue, predHeader != null ? predHeader : header,
                predHeader != null ? "--no-pred-header" : "--no-header", versions);
        IdValueTable meas = IdValueTable.read(measurements, measId, measValue, measHeader != null ? measHeader : header,
                measHeader != null ? "--no-meas-header" : "--no-header", versions);
        List<IdValue> measRows = measuredTransform.apply(measurements, meas.rows());

        IdMap map = null;
        if (idMap != null) {
            Set<String> predIds = new HashSet<>();
            pred.rows().forEach(r -> predIds.add(r.id()));
            Set<String> measIds = new HashSet<>();
            measRows.forEach(r -> measIds.add(r.id()));
            map = IdMap.read(idMap, ColumnRef.parse("--map-from-column", mapFromColumn != null ? mapFromColumn : "1"),
                    ColumnRef.parse("--map-to-column", mapToColumn != null ? mapToColumn : "2"),
                    mapHeader != null ? mapHeader : header, mapHeader != null ? "--no-map-header" : "--no-header",
                    versions, predIds, measIds);
        }
        List<KeyedValues.Keyed> predKeyed = new ArrayList<>(pred.rows().size());
        Set<String> unmapped = new TreeSet<>();
        for (IdValue r : pred.rows()) {
            String key = map == null ? r.id() : map.target(r.id());
            if (key == null) {
                unmapped.add(r.id());
            } else {
                predKeyed.add(new KeyedValues.Keyed(key, r));
            }
        }
        List<KeyedValues.Keyed> measKeyed = new ArrayList<>(measRows.size());
        measRows.forEach(r -> measKeyed.add(new KeyedValues.Keyed(r.id(), r)));
        KeyedValues predValues = KeyedValues.resolve(predictions, predKeyed, policy);
        KeyedValues measValues = KeyedValues.resolve(measurements, measKeyed, policy);

        JoinedPairs pairs = JoinedPairs.of(predValues, measValues);
        RegressionMetrics model = RegressionMetrics.of(pairs.measured(), pairs.predicted());
        if (model.n() < MIN_SCORED) {
            throw UserException.unsuitable(noOverlapMessage(pairs, model, predValues, measValues, unmapped.size()));
        }
        ScoreSummary summary = summarise(pred, meas, map, unmapped.size(), predValues, measValues, pairs, model,
                measuredTransform, policy, versions);

        // Render everything before writing anything: a failure while rendering leaves no output.
        Map<Path, String> outputs = new LinkedHashMap<>();
        outputs.put(outputTsv, ScoreReportWriter.metricsTsv(summary));
        outputs.put(outputJson, ScoreReportWriter.json(summary));
        if (outputPairs != null) {
            outputs.put(outputPairs, ScoreReportWriter.pairsTsv(pairs));
        }
        if (outputSvg != null) {
            String xLabel = ScoreAxisLabel.measured(meas.valueColumn(), measuredTransform == MeasuredTransform.LOG2P1);
            String title = "Predicted vs measured: Pearson r = " + Markup.fixed(model.pearson(), 3) + " (n = " + model.n() + ")";
            outputs.put(outputSvg, SvgScatterPlot.standalone(pairs.measured(), pairs.predicted(), xLabel,
                    ScoreAxisLabel.predicted(pred.valueColumn()), title));
        }
        for (Map.Entry<Path, String> e : outputs.entrySet()) {
            try {
                AtomicOutput.writeString(e.getKey(), e.getValue());
            } catch (IOException ex) {
                throw UserException.badParameter("cannot write " + e.getKey() + ": " + ex.getMessage());
            }
        }
        Log.info(pairs.matched() + " ids matched (" + pairs.unmatchedPredictions() + " only in predictions, "
                + pairs.unmatchedMeasurements() + " only in measurements" + (map != null ? ", " + unmapped.size()
                + " prediction ids not in the id map" : "") + "); scored " + model.n() + " pairs: Pearson r "
                + Canonical.number(model.pearson()));
    }

    /** Two options naming one file would make one output overwrite another, or an input. */
    private void checkOutputs() {
        List<Path> outs = new ArrayList<>();
        for (Path p : new Path[] {outputTsv, outputJson, outputPairs, outputSvg}) {
            if (p != null) {
                outs.add(p.toAbsolutePath().normalize());
            }
        }
        Set<Path> seen = new HashSet<>();
        for (Path p : outs) {
            if (!seen.add(p)) {
                throw UserException.badParameter("two output options name the same file " + p);
            }
        }
        for (Path in : new Path[] {predictions, measurements, idMap}) {
            if (in != null && seen.contains(in.toAbsolutePath().normalize())) {
                throw UserException.badParameter("an output option names the input file " + in);
            }
        }
    }

    private static ScoreSummary summarise(IdValueTable pred, IdValueTable meas, IdMap map, int unmapped,
            KeyedValues predValues, KeyedValues measValues, JoinedPairs pairs, RegressionMetrics model,
            MeasuredTransform transform, DuplicatePolicy policy, IdVersions versions) {
        // The baseline predicts the mean of the measured values over the same scored pairs; the NaN
        // pattern of the predictions is kept so that RegressionMetrics scores exactly those pairs.
        double sum = 0;
        for (int i = 0; i < pairs.matched(); i++) {
            if (!Double.isNaN(pairs.measured()[i]) && !Double.isNaN(pairs.predicted()[i])) {
                sum += pairs.measured()[i];
            }
        }
        double mean = sum / model.n();
        double[] constant = new double[pairs.matched()];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = Double.isNaN(pairs.predicted()[i]) ? Double.NaN : mean;
        }
        RegressionMetrics baseline = RegressionMetrics.of(pairs.measured(), constant);
        return new ScoreSummary(
                new ScoreSummary.Input(pred.delimiter().label, pred.header(), pred.idColumn(), pred.valueColumn(),
                        pred.rows().size(), predValues.values().size(), predValues.duplicatedIds()),
                new ScoreSummary.Input(meas.delimiter().label, meas.header(), meas.idColumn(), meas.valueColumn(),
                        meas.rows().size(), measValues.values().size(), measValues.duplicatedIds()),
                map == null ? null : new ScoreSummary.MapInfo(map.delimiter().label, map.header(), map.targets().size()),
                unmapped, pairs, model, mean, baseline.rmse(), baseline.mae(), transform, policy, versions);
    }

    /** Exit 4 message; shows an id from each side, since no overlap usually means different id types. */
    private static String noOverlapMessage(JoinedPairs pairs, RegressionMetrics model, KeyedValues pred,
            KeyedValues meas, int unmapped) {
        StringBuilder b = new StringBuilder("only " + model.n() + " ids have a value on both sides (" + pairs.matched()
                + " matched), at least " + MIN_SCORED + " are needed");
        if (pairs.matched() == 0) {
            b.append("; ids differ in kind? predictions ")
                    .append(pred.values().isEmpty() ? "(none" + (unmapped > 0 ? ", " + unmapped + " not in the id map" : "") + ")"
                            : "e.g. " + pred.values().firstKey())
                    .append(", measurements ").append(meas.values().isEmpty() ? "(none)" : "e.g. " + meas.values().firstKey())
                    .append(" (see --id-map and --strip-versions)");
        }
        return b.toString();
    }
}
