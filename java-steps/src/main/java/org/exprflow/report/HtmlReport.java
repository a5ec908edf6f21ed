package org.exprflow.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.stepfile.MetricsJson;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.RegressionMetricsJson;
import org.exprflow.stepfile.RegressionTable;
import org.exprflow.plot.Markup;

/**
 * Assembles the report page: a run summary, then the QC (or peak and RNA input QC), metrics (with
 * model selection when the metrics JSON records it), ROC and regression sections of whichever inputs
 * were given. The page is self-contained (inline CSS and SVG; no script, font or image is fetched,
 * since compute clusters are often offline) and deterministic: it reads no clock and no host, and its
 * only date and paths are the launch's, from the provenance file, so two renders of the same inputs
 * are byte-identical.
 */
final class HtmlReport {
    private static final String CSS = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
            h1 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; }
            h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: .5em 0 1em; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            thead th { background: #f0f4f8; }
            td.status.pass { background: #d9f2e3; }
            td.status.warn { background: #fff1c2; }
            td.status.fail { background: #f8d0cc; }
            tr.flagged td { background: #f8d0cc; }
            td.learner { text-align: left; font-family: monospace; }
            .figures { display: flex; flex-wrap: wrap; gap: 1em; }
            figure { margin: .5em 0; overflow-x: auto; }
            figcaption, .note { font-size: 0.85em; color: #555; }
            svg.plot { font-size: 11px; background: #fff; }
            svg .grid { stroke: #e5e5e5; stroke-width: 1; }
            svg .axis, svg .frame { stroke: #555; fill: none; }
            svg .chance { stroke: #999; stroke-dasharray: 4 3; }
            svg .roc { fill: none; stroke-width: 2; }
            svg .box line, svg .box rect { stroke: #0072B2; fill: #cfe3f3; }
            svg .box .median { stroke: #003d66; stroke-width: 2; }
            svg .box.flagged line, svg .box.flagged rect { stroke: #c0392b; fill: #f5b7b1; }
            svg .sample-label { font-size: 9px; }
            svg .cell { stroke: #fff; }
            svg .count { font-size: 13px; }
            svg .caption { font-size: 12px; fill: #555; }
            svg .points circle { fill: #0072B2; fill-opacity: .45; }
            svg .identity { stroke: #888; stroke-dasharray: 4 3; }
            svg .bar { fill: #cfe3f3; stroke: #0072B2; }
            svg .median-line { stroke: #D55E00; stroke-width: 2; }
            svg.heatmap rect.frame { stroke: #555; fill: none; }
            table.landmark tr.best td { font-weight: bold; background: #d9f2e3; }
            p.headline { font-size: 1.15em; background: #f0f4f8; border-left: 4px solid #0072B2; padding: .5em .8em; }
            ul.changes li.warn { background: #fff1c2; }
            td.command code { white-space: pre-wrap; word-break: break-all; }
            p.methods { max-width: 50em; line-height: 1.45; }
            ol.references { font-size: 0.85em; }
            table.provenance td, table.parameters td, table.inputs td, table.final-model td { text-align: left; }
            """;

    private HtmlReport() {
    }

    static String render(String title, QcSummary qc, JsonNode metrics, PredictionTable predictions) {
        return render(title, qc, null, metrics, predictions, null, null, null);
    }

    /**
     * The whole page; {@code peaksQc} is the JSON of peaks-qc (the chromatin analyses' input QC),
     * {@code regressionMetrics} and {@code regression} the outputs of evaluate-regression (JSON and
     * merged table), rendered as the regression section, and {@code landmark} the tables of
     * landmark-summary.
     */
    static String render(String title, QcSummary qc, PeaksQcSummary peaksQc, JsonNode metrics,
                         PredictionTable predictions, JsonNode regressionMetrics, RegressionTable regression,
                         LandmarkSection.Results landmark) {
        return render(title, qc, peaksQc, metrics, predictions, regressionMetrics, regression, landmark, RunRecord.NONE, null);
    }

    /**
     * The whole page with what the run recorded about itself ({@code record}: provenance, the final
     * model, the normalise summaries) and, when {@code samples} is given, the samples' PCA plot and
     * top-genes heatmap. A headline sentence opens it (classification: the metrics; chromatin and
     * landmark: whether the model beats its baseline, and by how much), "What normalisation changed"
     * follows the QC, and the methods paragraph and the provenance close it.
     */
    static String render(String title, QcSummary qc, PeaksQcSummary peaksQc, JsonNode metrics,
                         PredictionTable predictions, JsonNode regressionMetrics, RegressionTable regression,
                         LandmarkSection.Results landmark, RunRecord record, SampleData samples) {
        StringBuilder html = open(title);
        if (HeadlineSentence.present(metrics)) {
            html.append(HeadlineSentence.render(metrics));
        } else {
            String headline = regressionMetrics != null ? RegressionSection.headline(regressionMetrics)
                    : landmark != null ? LandmarkSection.headline(landmark) : null;
            if (headline != null) {
                html.append("<p class=\"headline\">").append(headline).append("</p>\n");
            }
        }
        summary(html, qc, peaksQc, metrics, predictions, regressionMetrics, landmark);
        if (qc != null) {
            html.append(QcSection.render(qc));
        }
        if (samples != null) {
            html.append(PcaSection.render(samples));
        }
        if (peaksQc != null) {
            html.append(PeaksQcSection.render(peaksQc));
        }
        if (NormalisationChangesSection.present(record.normalise())) {
            html.append(NormalisationChangesSection.render(record.normalise()));
        }
        if (metrics != null) {
            html.append(MetricsSection.render(metrics));
            if (ModelSelectionSection.present(metrics)) {
                html.append(ModelSelectionSection.render(metrics));
            }
            if (TopGenesSection.present(metrics)) {
                html.append(TopGenesSection.render(metrics));
            }
        }
        if (samples != null && samples.genes() != null) {
            html.append(HeatmapSection.render(samples));
        }
        if (metrics != null) {
            if (ModelComparisonSection.present(metrics)) {
                html.append(ModelComparisonSection.render(metrics));
            }
            if (BatchSection.present(metrics)) {
                html.append(BatchSection.render(metrics));
            }
            if (CalibrationSection.present(metrics)) {
                html.append(CalibrationSection.render(metrics));
            }
            if (LearningCurveSection.present(metrics)) {
                html.append(LearningCurveSection.render(metrics));
            }
        }
        if (predictions != null) {
            html.append(RocSection.render(predictions));
        }
        if (regressionMetrics != null || regression != null) {
            html.append(RegressionSection.render(regressionMetrics, regression));
        }
        if (landmark != null) {
            html.append(LandmarkSection.render(landmark));
        }
        if (MethodsSection.present(metrics, record.model())) {
            html.append(MethodsSection.render(metrics, record.model(), record.normalise(), record.provenance()));
        }
        if (ProvenanceSection.present(record.provenance(), record.model())) {
            html.append(ProvenanceSection.render(record.provenance(), record.model()));
        }
        return close(html);
    }

    /**
     * The page up to and including its h1: the one stylesheet of every exprflow report (also the score
     * comparison of {@link ScoreReportCommand}). The caller appends the sections and {@link #close}.
     */
    static StringBuilder open(String title) {
        return new StringBuilder().append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Markup.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(Markup.escape(title)).append("</h1>\n");
    }

    /** The end of a page begun with {@link #open}. */
    static String close(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder html, QcSummary qc, PeaksQcSummary peaksQc, JsonNode metrics,
                                PredictionTable predictions, JsonNode regressionMetrics,
                                LandmarkSection.Results landmark) {
        html.append("<section id=\"summary\">\n<h2>Run summary</h2>\n<table class=\"summary\">\n<tbody>\n");
        if (qc != null && qc.dataset() != null) {
            row(html, "dataset", Markup.escape(qc.dataset()));
        }
        List<String> levels = metrics != null ? MetricsSection.levels(metrics)
                : predictions != null ? predictions.levels() : List.of();
        if (levels.isEmpty() && qc != null && !qc.classes().isEmpty()) {
            levels = List.copyOf(qc.classes().values().iterator().next().keySet());
        }
        if (!levels.isEmpty()) {
            row(html, "classes", levels.size() + ": " + String.join(", ", levels.stream().map(Markup::escape).toList()));
        }
        if (qc != null && !qc.samples().isEmpty()) {
            long outliers = qc.samples().stream().filter(QcSummary.Sample::outlier).count();
            row(html, "samples (QC)", qc.samples().size() + " (" + outliers + " flagged as outliers)");
        }
        if (peaksQc != null) {
            double peaks = peaksQc.peaks().stream().mapToDouble(e -> e.get("peaks")).sum();
            row(html, "peak files (QC)", peaksQc.peaks().size() + " files, " + Markup.fixed(peaks, 0) + " peaks");
            row(html, "RNA files (QC)", String.valueOf(peaksQc.rna().size()));
        }
        if (metrics != null) {
            JsonFile.entries(JsonFile.object(metrics, MetricsJson.SETS_KEY), MetricsJson.SETS).forEach(e -> {
                String set = e.getKey();
                JsonNode model = JsonFile.object(e.getValue(), "model");
                if (!model.isEmpty()) {
                    row(html, "samples scored (" + Markup.escape(set.equals("predict") ? "new samples" : set) + ")",
                            Markup.fixed(JsonFile.number(model, "samples"), 0) + " samples, "
                                    + Markup.fixed(JsonFile.number(model, "predictions"), 0) + " predictions");
                }
            });
        } else if (predictions != null) {
            for (String set : PredictionTable.SETS) {
                Set<String> samples = new TreeSet<>();
                predictions.rows(set, "model").forEach(r -> samples.add(r.sample()));
                if (!samples.isEmpty()) {
                    row(html, "samples predicted (" + set + ")", String.valueOf(samples.size()));
                }
            }
        }
        if (regressionMetrics != null) {
            JsonFile.entries(JsonFile.object(regressionMetrics, RegressionMetricsJson.SETS), List.of()).forEach(e -> {
                String set = e.getKey();
                JsonNode overall = JsonFile.object(JsonFile.object(e.getValue(), RegressionMetricsJson.MODEL),
                        RegressionMetricsJson.OVERALL);
                if (!overall.isEmpty()) {
                    double targets = JsonFile.number(overall, "targets");
                    row(html, "targets scored (" + Markup.escape(RegressionSection.setName(set)) + ")",
                            Markup.fixed(targets, 0) + (targets == 1 ? " target, " : " targets, ")
                                    + Markup.fixed(JsonFile.number(overall, "n"), 0) + " predictions");
                }
            });
        }
        if (landmark != null) {
            LandmarkSection.summaryRows(landmark).forEach((name, value) -> row(html, name, Markup.escape(value)));
        }
        if (qc == null && peaksQc == null && metrics == null && predictions == null && regressionMetrics == null && landmark == null) {
            row(html, "inputs", "none given: pass --qc, --metrics or --predictions");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void row(StringBuilder html, String name, String valueHtml) {
        html.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }
}
