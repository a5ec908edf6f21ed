package org.exprflow.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.inspect.ModelDescription;
import org.exprflow.stepfile.GeneTable;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.RegressionTable;
import org.exprflow.stepfile.StepJson;
import org.exprflow.io.AtomicOutput;
import org.exprflow.stepfile.DgexSummary;
import org.exprflow.stepfile.StepTable;
import org.exprflow.stepfile.TargetMetricsTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code report} step: one self-contained HTML file (inline CSS and SVG, nothing fetched from the
 * network, no clock read: the only date and paths are those of {@code --provenance}) summarising a run. Every input is optional and only the sections of the
 * given inputs are rendered:
 * <ul>
 * <li>{@code --qc} (qc.json of {@code exprflow qc}): per-sample intensity box plots, outliers, class
 * and feature counts, the pass/warn/fail checks; or the JSON of {@code exprflow peaks-qc}, told apart
 * by its {@code exprflow_kind}: the peak and RNA input QC section;</li>
 * <li>{@code --metrics} (metrics JSON of {@code exprflow evaluate}): model versus ZeroR on CV and test
 * with the CV per-fold mean ± SD, per-class metrics, confusion-matrix heatmaps; and when evaluate
 * recorded them, the bootstrap intervals of accuracy and balanced accuracy, the permutation test of
 * the CV model, and the configuration chosen in each outer fold with the gene-selection
 * stability;</li>
 * <li>{@code --predictions} (the merged table of {@code evaluate --output-predictions}): one-vs-rest ROC
 * curves per class from the pooled CV predictions, and from the test set when present;</li>
 * <li>{@code --dataset} (normalise's output, the values the model is given): the PCA plot of the samples
 * in class colours with the QC outliers of {@code --qc} marked; with {@code --genes} (evaluate's genes
 * table) the heatmap of the top genes across the samples. Descriptive only: no metric comes from
 * them.</li>
 * <li>{@code --normalise-summary} (normalise's summary JSON, kind normalise_qc): what the per-value
 * normalisation changed; {@code --model} (the final model): its chosen configuration, for the methods
 * paragraph and the provenance; {@code --provenance} (the pipeline's provenance JSON): versions,
 * launch, changed parameters and input checksums. These and the metrics give the headline sentence
 * that opens the page, the methods paragraph and the provenance table that close it.</li>
 * </ul>
 * The same two options take the outputs of {@code exprflow evaluate-regression} (its JSON, and the
 * merged regression table of {@code --output-predictions}), told apart from the classification ones
 * by the table's kind line and the JSON's {@code exprflow_kind}: they give the regression section (model versus the
 * training-mean baseline per set, a histogram of the per-target Pearson r, and the
 * predicted-versus-measured scatter). Likewise {@code exprflow landmark-summary}'s tables (the D-GEX
 * summary as {@code --metrics}, the per-target table as {@code --predictions}), told apart by their
 * kind lines, give the landmark section. So one pipeline REPORT process serves every analysis.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of QC, metrics and ROC curves.")
public final class ReportCommand extends StepCommand {
    @Option(names = "--output", required = true, paramLabel = "REPORT.html", description = "The HTML report.")
    Path output;

    @Option(names = "--qc", paramLabel = "QC.json", description = "QC summary written by 'exprflow qc' or 'exprflow peaks-qc'.")
    Path qc;

    @Option(names = "--metrics", paramLabel = "M.json", description = "Metrics written by 'exprflow evaluate' or 'exprflow evaluate-regression'.")
    Path metrics;

    @Option(names = "--predictions", paramLabel = "ALL.tsv", description = "Merged predictions from 'exprflow evaluate' or 'exprflow evaluate-regression'.")
    Path predictions;

    @Option(names = "--dataset", paramLabel = "D.xfd", description = "The dataset the model was given (normalise's output): "
            + "the PCA plot of the samples, and with --genes the heatmap of the top genes.")
    Path dataset;

    @Option(names = "--genes", paramLabel = "GENES.tsv", description = "Genes table of 'exprflow evaluate --output-genes': "
            + "the heatmap of its top genes across the samples of --dataset.")
    Path genes;

    @Option(names = "--target", paramLabel = "NAME", description = "The label whose classes colour the samples of "
            + "--dataset (default: its first label).")
    String target;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "exprflow report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--normalise-summary", paramLabel = "N.json", arity = "1..*",
            description = "What 'exprflow normalise --output-summary' changed, training data first (repeatable).")
    List<Path> normaliseSummaries = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL.xfm",
            description = "The final model of 'exprflow train': its chosen configuration for the methods and provenance.")
    Path model;

    @Option(names = "--provenance", paramLabel = "P.json",
            description = "The run's provenance (versions, command line, changed parameters, input checksums), written by the pipeline.")
    Path provenance;

    @Override
    protected void validateArguments() {
        if (genes != null && dataset == null) {
            throw UserException.badParameter("--genes needs --dataset: the heatmap draws the genes' values in its samples");
        }
        if (target != null && dataset == null) {
            throw UserException.badParameter("--target needs --dataset");
        }
    }

    @Override
    protected void execute() throws Exception {
        // The JSON files say which step wrote them (exprflow_kind): qc or peaks-qc through --qc, evaluate
        // or evaluate-regression through --metrics; any other kind is a one-line error.
        StepJson.Document qcJson = qc == null ? null : StepJson.read(qc, StepJson.QC, StepJson.PEAKS_QC);
        PeaksQcSummary peaksQc = qcJson != null && qcJson.kind() == StepJson.PEAKS_QC ? PeaksQcSummary.of(qcJson.root()) : null;
        QcSummary qcSummary = qcJson != null && qcJson.kind() == StepJson.QC ? QcSummary.of(qcJson.root()) : null;
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
        StepJson.Document metricsFile = metrics == null || landmarkSummary != null ? null
                : StepJson.read(metrics, StepJson.METRICS, StepJson.REGRESSION_METRICS);
        JsonNode metricsJson = metricsFile != null && metricsFile.kind() == StepJson.METRICS ? metricsFile.root() : null;
        JsonNode regressionJson = metricsFile != null && metricsFile.kind() == StepJson.REGRESSION_METRICS
                ? metricsFile.root() : null;
        boolean regressionTable = RegressionTable.KIND.equals(predictionsKind);
        PredictionTable table = predictions == null || regressionTable || landmarkTargets != null ? null : PredictionTable.read(predictions);
        RegressionTable regression = regressionTable ? RegressionTable.read(predictions) : null;
        SampleData samples = null;
        if (dataset != null) {
            Dataset d = DatasetFile.read(dataset);
            Target t = target == null ? d.primaryTarget() : d.target(target);
            if (!t.isNominal()) {
                throw UserException.unsuitable(dataset + ": label '" + t.name() + "' is numeric; the sample plots colour classes");
            }
            Set<String> outliers = qcSummary == null ? null : qcSummary.samples().stream().filter(QcSummary.Sample::outlier)
                    .map(QcSummary.Sample::id).collect(Collectors.toCollection(TreeSet::new));
            samples = new SampleData(d, t, genes == null ? null : GeneTable.read(genes), outliers);
        }
        RunRecord record = new RunRecord(provenance == null ? null : StepJson.PROVENANCE.read(provenance),
                model == null ? null : ModelDescription.of(model, 0),
                normaliseSummaries.stream().map(StepJson.NORMALISE_QC::read).toList());
        String html = HtmlReport.render(title, qcSummary, peaksQc, metricsJson, table, regressionJson, regression,
                landmarkSummary == null ? null : new LandmarkSection.Results(landmarkSummary, landmarkTargets), record, samples);
        AtomicOutput.writeString(output, html);
        Log.info("wrote report with" + (qcSummary != null ? " QC" : "") + (peaksQc != null ? " peak/RNA QC" : "")
                + (metricsJson != null ? " metrics" : "")
                + (table != null ? " ROC" : "") + (regressionJson != null || regression != null ? " regression" : "")
                + (landmarkSummary != null ? " landmark" : "")
                + (samples != null ? " PCA" + (samples.genes() != null ? " heatmap" : "") : "")
                + (!record.normalise().isEmpty() ? " normalisation" : "")
                + (record.model() != null || metricsJson != null ? " methods" : "")
                + (record.provenance() != null || record.model() != null ? " provenance" : "")
                + " sections");
    }
}
