package org.exprflow.report;

import java.util.List;
import java.util.Map;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgBoxPlot;
import org.exprflow.stepfile.QcJson;

/**
 * The QC section of the report: per-sample distributions as box plots with outliers in red, the
 * outlier list, feature and class counts, and the pass/warn/fail checks of {@code exprflow qc}.
 */
final class QcSection {
    private QcSection() {
    }

    static String render(QcSummary qc) {
        StringBuilder html = new StringBuilder("<section id=\"qc\">\n<h2>Quality control</h2>\n");
        checks(html, qc.checks());
        String scale = scale(qc);
        boolean counts = QcJson.COUNTS.equals(scale);
        boolean logAxis = counts || QcJson.LINEAR.equals(scale);
        // log2 is monotone, so log2 of each quantile is that quantile of the log2 values (up to type 7's
        // interpolation between two neighbouring values), and the boxes keep their meaning.
        double floor = logAxis ? log2Floor(qc, counts) : Double.NaN;
        List<SvgBoxPlot.Box> boxes = qc.samples().stream()
                .map(s -> new SvgBoxPlot.Box(s.id(), logAxis ? log2(s.quantiles(), counts, floor) : s.quantiles(), s.outlier()))
                .toList();
        String plot = SvgBoxPlot.render(boxes, counts ? "log2(count + 1)" : logAxis ? "log2(value)" : "value");
        if (!plot.isEmpty()) {
            html.append("<h3>Per-sample intensity distributions</h3>\n<figure>\n").append(plot)
                    .append("<figcaption>Whiskers: min to max; box: quartiles; line: median. Outlier samples in red.")
                    .append(counts ? " Counts drawn as log2(count + 1)."
                            : logAxis ? " The values are on a linear scale (QC's scale rule, as normalise --log2 auto), so"
                            + " they are drawn as log2(value)" + (Double.isNaN(floor) ? "" : "; quantiles at or below 0,"
                            + " which have no log, are drawn at the bottom of the axis") + "."
                            : " Values as QC read them (they look log-scaled already).")
                    .append("</figcaption>\n</figure>\n");
        }
        samples(html, qc.samples());
        counts(html, qc);
        batches(html, qc.batches());
        return html.append("</section>\n").toString();
    }

    /** The JSON's scale; for a file from before it was recorded, linear when some sample's upper quartile exceeds 100. */
    static String scale(QcSummary qc) {
        if (qc.scale() != null) {
            return qc.scale();
        }
        boolean linear = qc.samples().stream().anyMatch(s -> s.quantiles().length == 5 && s.quantiles()[3] > 100);
        return linear ? QcJson.LINEAR : QcJson.LOG;
    }

    /** Where a quantile at or below 0 is drawn on a log2(value) axis: 1 below the lowest positive one; NaN when none is. */
    private static double log2Floor(QcSummary qc, boolean counts) {
        double lowest = Double.POSITIVE_INFINITY;
        boolean any = false;
        for (QcSummary.Sample s : qc.samples()) {
            for (double q : s.quantiles()) {
                if (q > 0) {
                    lowest = Math.min(lowest, q);
                } else if (!counts && q <= 0) {
                    any = true;
                }
            }
        }
        return any && lowest < Double.POSITIVE_INFINITY ? Math.floor(Math.log(lowest) / Math.log(2)) - 1 : Double.NaN;
    }

    private static double[] log2(double[] quantiles, boolean counts, double floor) {
        double[] out = new double[quantiles.length];
        for (int i = 0; i < out.length; i++) {
            double q = quantiles[i];
            out[i] = counts ? Math.log(q + 1) / Math.log(2) : q > 0 ? Math.log(q) / Math.log(2) : floor;
        }
        return out;
    }

    private static void checks(StringBuilder html, List<QcSummary.Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        html.append("<h3>Checks</h3>\n<table class=\"checks\">\n<thead><tr><th>check</th><th>status</th>"
                + "<th>value</th><th>warn at</th><th>fail at</th><th>message</th></tr></thead>\n<tbody>\n");
        for (QcSummary.Check c : checks) {
            String status = c.status() == null ? "" : c.status();
            html.append("<tr><td>").append(Markup.escape(c.name())).append("</td><td class=\"status ")
                    .append(Markup.escape(status)).append("\">").append(Markup.escape(status)).append("</td><td>")
                    .append(Markup.fixed(c.value(), 3)).append("</td><td>").append(Markup.fixed(c.warn(), 3))
                    .append("</td><td>").append(Markup.fixed(c.fail(), 3)).append("</td><td>")
                    .append(Markup.escape(ReadableNumbers.inText(c.message()))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void samples(StringBuilder html, List<QcSummary.Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        List<String> outliers = samples.stream().filter(QcSummary.Sample::outlier).map(QcSummary.Sample::id).toList();
        html.append("<h3>Outlier samples</h3>\n<p class=\"outliers\">");
        html.append(outliers.isEmpty() ? "No sample was flagged as an outlier."
                : outliers.size() + " of " + samples.size() + " samples flagged: "
                        + String.join(", ", outliers.stream().map(Markup::escape).toList()));
        html.append("</p>\n<details><summary>All samples (").append(samples.size()).append(")</summary>\n")
                .append("<table class=\"samples\">\n<thead><tr><th>sample</th><th>missing fraction</th><th>mean</th>"
                        + "<th>median</th><th>mean correlation</th><th>outlier</th></tr></thead>\n<tbody>\n");
        for (QcSummary.Sample s : samples) {
            double median = s.quantiles().length == 5 ? s.quantiles()[2] : Double.NaN;
            html.append(s.outlier() ? "<tr class=\"flagged\">" : "<tr>").append("<td>").append(Markup.escape(s.id()))
                    .append("</td><td>").append(Markup.fixed(s.missingFraction(), 3)).append("</td><td>")
                    .append(Markup.fixed(s.mean(), 3)).append("</td><td>").append(Markup.fixed(median, 3)).append("</td><td>")
                    .append(Markup.fixed(s.meanCorrelation(), 3)).append("</td><td>").append(s.outlier() ? "yes" : "no")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</details>\n");
    }

    /** The batch × class table per target, Cramér's V, and a warning for batches holding one class only. */
    private static void batches(StringBuilder html, List<QcSummary.BatchTable> tables) {
        for (QcSummary.BatchTable t : tables) {
            html.append("<h3>Batch × class: ").append(Markup.escape(t.target())).append("</h3>\n<p class=\"batches\">")
                    .append(t.batches().size()).append(" batches; Cramér's V ").append(Markup.fixed(t.cramersV(), 3))
                    .append(" (0: classes spread alike over batches, 1: the batch tells the class).");
            if (!t.singleClassBatches().isEmpty()) {
                html.append(" <strong class=\"warn\">Warning: batch(es) ")
                        .append(Markup.escape(String.join(", ", t.singleClassBatches())))
                        .append(" hold one class only; accuracy may rest on the batch, and batch correction removes class "
                                + "signal. Leave-one-batch-out CV shows how much.</strong>");
            }
            html.append("</p>\n<table class=\"batch-classes\">\n<thead><tr><th>batch</th>");
            t.classes().forEach(c -> html.append("<th>").append(Markup.escape(c)).append("</th>"));
            html.append("</tr></thead>\n<tbody>\n");
            for (int b = 0; b < t.batches().size() && b < t.counts().size(); b++) {
                html.append(t.singleClassBatches().contains(t.batches().get(b)) ? "<tr class=\"flagged\">" : "<tr>")
                        .append("<td>").append(Markup.escape(t.batches().get(b))).append("</td>");
                for (double n : t.counts().get(b)) {
                    html.append("<td>").append(Markup.fixed(n, 0)).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
    }

    private static void counts(StringBuilder html, QcSummary qc) {
        for (Map.Entry<String, Map<String, Double>> target : qc.classes().entrySet()) {
            html.append("<h3>Class counts: ").append(Markup.escape(target.getKey())).append("</h3>\n")
                    .append("<table class=\"classes\">\n<thead><tr><th>class</th><th>samples</th></tr></thead>\n<tbody>\n");
            target.getValue().forEach((level, n) -> html.append("<tr><td>").append(Markup.escape(level))
                    .append("</td><td>").append(Markup.fixed(n, 0)).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
        if (!qc.features().isEmpty()) {
            html.append("<h3>Features</h3>\n<table class=\"features\">\n<tbody>\n");
            qc.features().forEach((name, n) -> html.append("<tr><th>").append(Markup.escape(name.replace('_', ' ')))
                    .append("</th><td>").append(Markup.fixed(n, 0)).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
    }
}
