package org.exprflow.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.RegressionTable;
import org.exprflow.io.AtomicOutput;
import org.exprflow.stepfile.DgexSummary;
import org.exprflow.stepfile.StepTable;
import org.exprflow.stepfile.TargetMetricsTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code report} step: one self-contained HTML file (inline CSS and SVG, nothing fetched from the
 * network, no timestamps) summarising a run. Every input is optional and only the sections of the
 * given inputs are rendered:
 * <ul>
 * <li>{@code --qc} (qc.json of {@code exprflow qc}): per-sample intensity box plots, outliers, class
 * and feature counts, the pass/warn/fail checks; or the JSON of {@code exprflow peaks-qc}, told apart
 * by its shape (peaks and rna arrays): the peak and RNA input QC section;</li>
 * <li>{@code --metrics} (metrics JSON of {@code exprflow evaluate}): model versus ZeroR on CV and test
 * with the CV per-fold mean ± SD, per-class metrics, confusion-matrix heatmaps; and when evaluate
 * recorded them, the bootstrap intervals of accuracy and balanced accuracy, the permutation test of
 * the CV model, and the configuration chosen in each outer fold with the gene-selection
 * stability;</li>
 * <li>{@code --predictions} (the merged table of {@code evaluate --output-predictions}): one-vs-rest ROC
 * curves per class from the pooled CV predictions, and from the test set when present.</li>
 * </ul>
 * The same two options take the outputs of {@code exprflow evaluate-regression} (its JSON, and the
 * merged regression table of {@code --output-predictions}), told apart from the classification ones
 * by the table's kind line and the JSON's shape: they give the regression section (model versus the
 * training-mean baseline per set, a histogram of the per-target Pearson r, and the
 * predicted-versus-measured scatter). Likewise {@code exprflow landmark-summary}'s tables (the D-GEX
 * summary as {@code --metrics}, the per-target table as {@code --predictions}), told apart by their
 * kind lines, give the landmark section. So one pipeline REPORT process serves every analysis.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of QC, metrics and ROC curves.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "REPORT.html", description = "The HTML report.")
    Path output;

    @Option(names = "--qc", paramLabel = "QC.json", description = "QC summary written by 'exprflow qc' or 'exprflow peaks-qc'.")
    Path qc;

    @Option(names = "--metrics", paramLabel = "M.json", description = "Metrics written by 'exprflow evaluate' or 'exprflow evaluate-regression'.")
    Path metrics;

    @Option(names = "--predictions", paramLabel = "ALL.tsv", description = "Merged predictions from 'exprflow evaluate' or 'exprflow evaluate-regression'.")
    Path predictions;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "exprflow report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> qcJson = qc == null ? null : JsonFile.readObject(qc);
        PeaksQcSummary peaksQc = qcJson != null && PeaksQcSummary.isPeaksQc(qcJson) ? PeaksQcSummary.of(qcJson) : null;
        QcSummary qcSummary = qcJson == null || peaksQc != null ? null : QcSummary.of(qcJson);
        // The tables of the different steps come through the same two options, told apart by their kind lines
        // (never by column names). A file without one (JSON, or a table of an exprflow from before the kind
        // line) is what these options always took: evaluate's JSON and classification predictions.
        String metricsKind = metrics == null ? null : StepTable.kindOf(metrics);
        String predictionsKind = predictions == null ? null : StepTable.kindOf(predictions);
        DgexSummary landmarkSummary = DgexSummary.KIND.equals(metricsKind) ? DgexSummary.read(metrics) : null;
        TargetMetricsTable landmarkTargets = TargetMetricsTable.KIND.equals(predictionsKind) ? TargetMetricsTable.read(predictions) : null;
        if (landmarkSummary == null && landmarkTargets != null) {
            throw UserException.badParameter("--predictions " + predictions + " is a landmark per-target table: give the "
                    + "landmark summary with it as --metrics");
        }
        Map<String, Object> metricsJson = metrics == null || landmarkSummary != null ? null : JsonFile.readObject(metrics);
        Map<String, Object> regressionJson = null;
        if (metricsJson != null && RegressionSection.isRegressionMetrics(metricsJson)) {
            regressionJson = metricsJson;
            metricsJson = null;
        }
        boolean regressionTable = RegressionTable.KIND.equals(predictionsKind);
        PredictionTable table = predictions == null || regressionTable || landmarkTargets != null ? null : PredictionTable.read(predictions);
        RegressionTable regression = regressionTable ? RegressionTable.read(predictions) : null;
        String html = HtmlReport.render(title, qcSummary, peaksQc, metricsJson, table, regressionJson, regression,
                landmarkSummary == null ? null : new LandmarkSection.Results(landmarkSummary, landmarkTargets));
        AtomicOutput.writeString(output, html);
        Log.info("wrote report with" + (qcSummary != null ? " QC" : "") + (peaksQc != null ? " peak/RNA QC" : "")
                + (metricsJson != null ? " metrics" : "")
                + (table != null ? " ROC" : "") + (regressionJson != null || regression != null ? " regression" : "")
                + (landmarkSummary != null ? " landmark" : "")
                + " sections");
        return 0;
    }
}
