package org.exprflow.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.exprflow.cli.Log;
import org.exprflow.evaluate.PredictionTable;
import org.exprflow.evaluate.RegressionTable;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.TextInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code report} step: one self-contained HTML file (inline CSS and SVG, nothing fetched from the
 * network, no timestamps) summarising a run. Every input is optional and only the sections of the
 * given inputs are rendered:
 * <ul>
 * <li>{@code --qc} (qc.json of {@code exprflow qc}): per-sample intensity box plots, outliers, class
 * and feature counts, the pass/warn/fail checks;</li>
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
 * by the table's header and the JSON's shape: they give the regression section (model versus the
 * training-mean baseline per set, a histogram of the per-target Pearson r, and the
 * predicted-versus-measured scatter). So one pipeline REPORT process serves every analysis.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of QC, metrics and ROC curves.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "REPORT.html", description = "The HTML report.")
    Path output;

    @Option(names = "--qc", paramLabel = "QC.json", description = "QC summary written by 'exprflow qc'.")
    Path qc;

    @Option(names = "--metrics", paramLabel = "M.json", description = "Metrics written by 'exprflow evaluate' or 'exprflow evaluate-regression'.")
    Path metrics;

    @Option(names = "--predictions", paramLabel = "ALL.tsv", description = "Merged predictions from 'exprflow evaluate' or 'exprflow evaluate-regression'.")
    Path predictions;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "exprflow report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() throws Exception {
        QcSummary qcSummary = qc == null ? null : QcSummary.read(qc);
        Map<String, Object> metricsJson = metrics == null ? null : JsonFile.readObject(metrics);
        Map<String, Object> regressionJson = null;
        if (metricsJson != null && RegressionSection.isRegressionMetrics(metricsJson)) {
            regressionJson = metricsJson;
            metricsJson = null;
        }
        boolean regressionTable = predictions != null && isRegressionTable(predictions);
        PredictionTable table = predictions == null || regressionTable ? null : PredictionTable.read(predictions);
        RegressionTable regression = regressionTable ? RegressionTable.read(predictions) : null;
        String html = HtmlReport.render(title, qcSummary, metricsJson, table, regressionJson, regression);
        AtomicOutput.writeString(output, html);
        Log.info("wrote report with" + (qcSummary != null ? " QC" : "") + (metricsJson != null ? " metrics" : "")
                + (table != null ? " ROC" : "") + (regressionJson != null || regression != null ? " regression" : "")
                + " sections");
        return 0;
    }

    /** A regression table starts with its fixed header; anything else is read (and checked) as a prediction table. */
    private static boolean isRegressionTable(Path path) {
        try (TextInput in = TextInput.open(path)) {
            return RegressionTable.HEADER.equals(in.readLine());
        }
    }
}
