package org.exprflow.report;

import java.util.List;
import java.util.function.Function;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgBoxPlot;

/**
 * The "Peak and RNA input QC" section, from the JSON of {@code exprflow peaks-qc}: what the peak
 * and RNA files of a chromatin analysis hold before any model sees them.
 * <ul>
 * <li>peaks: a per-sample table (peaks read, kept on contigs of the sizes file, dropped on unknown
 * contigs, fraction on primary contigs, fraction within 1 kb of a TSS, median width), the score and
 * signalValue quantiles, and box plots of both per sample;</li>
 * <li>RNA: per file the genes, those detected (TPM &gt; 1), the ids matched and unmatched in the
 * annotation and the annotation genes the file lacks, the TPM and log2(TPM + 1) quantiles, and a box
 * plot of log2(TPM + 1), the models' target.</li>
 * </ul>
 * A wrong genome build shows as a low primary-contig or TSS fraction, a filtered or truncated file
 * as an odd peak count, RNA of another annotation as unmatched ids.
 */
final class PeaksQcSection {
    /** The quantile columns peaks-qc writes, in order. */
    static final List<String> QUANTILES = List.of("min", "q05", "q25", "median", "q75", "q95", "max");

    private PeaksQcSection() {
    }

    static String render(PeaksQcSummary qc) {
        StringBuilder html = new StringBuilder("<section id=\"peaks-qc\">\n<h2>Peak and RNA input QC</h2>\n");
        html.append("<p>The input files as read by <code>exprflow peaks-qc</code>, before any filter or model."
                + " Quantiles are R's type 7; the box plots' whiskers span the 5th to 95th percentile (the tables"
                + " give min and max), so a few extreme peaks do not flatten the boxes.</p>\n");
        if (qc.peaks().isEmpty() && qc.rna().isEmpty()) {
            return html.append("<p>The QC file lists no peak or RNA file.</p>\n</section>\n").toString();
        }
        if (!qc.peaks().isEmpty()) {
            peaks(html, qc.peaks());
        }
        if (!qc.rna().isEmpty()) {
            rna(html, qc.rna());
        }
        return html.append("</section>\n").toString();
    }

    private static void peaks(StringBuilder html, List<PeaksQcSummary.Entry> peaks) {
        html.append("<h3>Peak files</h3>\n<table class=\"peak-samples\">\n<thead><tr><th>sample</th><th>peaks</th>"
                + "<th>on known contigs</th><th>dropped (unknown contig)</th><th>fraction on primary contigs</th>"
                + "<th>fraction within 1 kb of a TSS</th><th>median width (bp)</th></tr></thead>\n<tbody>\n");
        for (PeaksQcSummary.Entry e : peaks) {
            html.append("<tr><td>").append(Markup.escape(e.name())).append("</td>");
            cell(html, Markup.fixed(e.get("peaks"), 0));
            cell(html, Markup.fixed(e.get("on_known_contigs"), 0));
            cell(html, Markup.fixed(e.get("unknown_contig"), 0));
            cell(html, Markup.fixed(e.get("fraction_primary_contigs"), 3));
            cell(html, Markup.fixed(e.get("fraction_within_1kb_of_tss"), 3));
            cell(html, Markup.trimmed(e.get("width_median"), 1));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");

        html.append("<h3>Peak score and signal</h3>\n");
        quantileTable(html, "peak-quantiles", "sample", peaks, List.of(new Value("score", "score"),
                new Value("signal", "signalValue")));
        String score = plot(peaks, "score", "peak score (BED column 5)");
        String signal = plot(peaks, "signal", "peak signalValue");
        if (!score.isEmpty() || !signal.isEmpty()) {
            html.append("<div class=\"figures\">\n");
            figure(html, score, "Peak score per sample (5th to 95th percentile).");
            figure(html, signal, "Peak signalValue per sample (5th to 95th percentile).");
            html.append("</div>\n");
        }
        List<String> unplotted = peaks.stream()
                .filter(e -> Double.isNaN(e.get("score_median")) || Double.isNaN(e.get("signal_median")))
                .map(e -> Markup.escape(e.name())).toList();
        if (!unplotted.isEmpty()) {
            html.append("<p class=\"note\">No score or signalValue (not in the file, or no peaks): ")
                    .append(String.join(", ", unplotted)).append(".</p>\n");
        }
    }

    private static void rna(StringBuilder html, List<PeaksQcSummary.Entry> rna) {
        html.append("<h3>RNA quantifications</h3>\n<table class=\"rna-samples\">\n<thead><tr><th>RNA</th><th>genes</th>"
                + "<th>detected (TPM &gt; 1)</th><th>fraction detected</th><th>ids in the annotation</th>"
                + "<th>ids not in the annotation</th><th>fraction matched</th><th>annotation genes absent</th>"
                + "</tr></thead>\n<tbody>\n");
        for (PeaksQcSummary.Entry e : rna) {
            double genes = e.get("genes");
            double detected = e.get("detected_tpm_gt_1");
            html.append("<tr><td>").append(Markup.escape(e.name())).append("</td>");
            cell(html, Markup.fixed(genes, 0));
            cell(html, Markup.fixed(detected, 0));
            cell(html, Markup.fixed(genes > 0 ? detected / genes : Double.NaN, 3));
            cell(html, Markup.fixed(e.get("matched_annotation"), 0));
            cell(html, Markup.fixed(e.get("unmatched_annotation"), 0));
            cell(html, Markup.fixed(e.get("fraction_matched_annotation"), 3));
            cell(html, Markup.fixed(e.get("annotation_genes_missing"), 0));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (rna.stream().allMatch(e -> Double.isNaN(e.get("matched_annotation")))) {
            html.append("<p class=\"note\">No annotation was given to peaks-qc: ids were not matched.</p>\n");
        }
        html.append("<h3>Expression distribution</h3>\n");
        quantileTable(html, "rna-quantiles", "RNA", rna, List.of(new Value("tpm", "TPM"),
                new Value("log2_tpm_plus_1", "log2(TPM + 1)")));
        figure(html, plot(rna, "log2_tpm_plus_1", "log2(TPM + 1)"),
                "log2(TPM + 1), the models' target, per RNA file (5th to 95th percentile).");
    }

    /** A quantity with quantiles in the JSON: its metric prefix and its name in the table. */
    private record Value(String prefix, String label) {
    }

    private static void quantileTable(StringBuilder html, String cssClass, String nameHeader,
                                      List<PeaksQcSummary.Entry> entries, List<Value> values) {
        html.append("<table class=\"").append(cssClass).append("\">\n<thead><tr><th>").append(nameHeader)
                .append("</th><th>value</th>");
        QUANTILES.forEach(q -> html.append("<th>").append(q).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (PeaksQcSummary.Entry e : entries) {
            for (Value v : values) {
                html.append("<tr><td>").append(Markup.escape(e.name())).append("</td><td>").append(Markup.escape(v.label()))
                        .append("</td>");
                QUANTILES.forEach(q -> cell(html, Markup.trimmed(e.get(v.prefix() + "_" + q), 3)));
                html.append("</tr>\n");
            }
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String plot(List<PeaksQcSummary.Entry> entries, String prefix, String yLabel) {
        Function<PeaksQcSummary.Entry, SvgBoxPlot.Box> box = e -> new SvgBoxPlot.Box(e.name(), e.box(prefix), false);
        return SvgBoxPlot.render(entries.stream().map(box).toList(), yLabel, "q05", "q95");
    }

    private static void figure(StringBuilder html, String svg, String caption) {
        if (!svg.isEmpty()) {
            html.append("<figure>\n").append(svg).append("<figcaption>").append(Markup.escape(caption))
                    .append("</figcaption>\n</figure>\n");
        }
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td>").append(text).append("</td>");
    }
}
