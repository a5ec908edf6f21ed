package org.exprflow.report;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.exprflow.cli.Log;
import org.exprflow.evaluate.PredictionTable;
import org.exprflow.io.AtomicOutput;

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
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of QC, metrics and ROC curves.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "REPORT.html", description = "The HTML report.")
    Path output;

    @Option(names = "--qc", paramLabel = "QC.json", description = "QC summary written by 'exprflow qc'.")
    Path qc;

    @Option(names = "--metrics", paramLabel = "M.json", description = "Metrics written by 'exprflow evaluate'.")
    Path metrics;

    @Option(names = "--predictions", paramLabel = "ALL.tsv", description = "Merged predictions from 'exprflow evaluate'.")
    Path predictions;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "exprflow report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() throws Exception {
        QcSummary qcSummary = qc == null ? null : QcSummary.read(qc);
        Map<String, Object> metricsJson = metrics == null ? null : JsonFile.readObject(metrics);
        PredictionTable table = predictions == null ? null : PredictionTable.read(predictions);
        String html = HtmlReport.render(title, qcSummary, metricsJson, table);
        AtomicOutput.writeString(output, html);
        Log.info("wrote report with" + (qcSummary != null ? " QC" : "") + (metricsJson != null ? " metrics" : "")
                + (table != null ? " ROC" : "") + " sections");
        return 0;
    }
}
