package org.exprflow.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.data.Dataset;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgExpressionHeatmap;
import org.exprflow.stats.AverageLinkage;
import org.exprflow.stepfile.GeneTable;

/**
 * The heatmap of the top genes across samples: the first {@value #GENES} rows of the genes table
 * (the order of the "Top genes" table, so row i is the table's gene i), the gene symbol as the row
 * label (the probe id when it has none). Each gene's values are z-scored across all samples (mean 0,
 * SD 1 over the samples that have a value; a gene constant across samples is 0 everywhere), so colour
 * shows where a sample lies relative to the others, not absolute expression.
 *
 * <p>Sample order: by class (in level order; samples without a class last), then within each class by
 * average-linkage clustering ({@link AverageLinkage}) on the Euclidean distance between the samples'
 * z-score profiles over these genes (root mean square difference over the genes both have), with the
 * samples entering the clustering sorted by id. So similar samples sit side by side and the order is
 * the same on every run.
 */
final class HeatmapSection {
    static final int GENES = 50;

    private HeatmapSection() {
    }

    static String render(SampleData data) {
        Dataset d = data.dataset();
        Map<String, Integer> column = new HashMap<>();
        for (int f = d.featureCount() - 1; f >= 0; f--) {
            column.put(d.featureIds().get(f), f); // the first column of a repeated id
        }
        List<GeneTable.Row> genes = new ArrayList<>();
        for (GeneTable.Row g : data.genes()) {
            if (genes.size() < GENES && column.containsKey(g.feature())) {
                genes.add(g);
            }
        }
        StringBuilder html = new StringBuilder("<section id=\"heatmap\">\n<h2>Top genes across samples</h2>\n");
        if (genes.isEmpty()) {
            return html.append("<p class=\"note\">None of the genes table's features is in the dataset: no heatmap.</p>\n")
                    .append("</section>\n").toString();
        }
        double[][] rows = data.rows();
        double[][] z = new double[genes.size()][];
        for (int g = 0; g < z.length; g++) {
            z[g] = zScores(rows, column.get(genes.get(g).feature()));
        }
        int[] classOf = data.classOf();
        List<String> levels = data.target().levels();
        List<Integer> order = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            order.addAll(clustered(d, classOf, level, z));
        }
        order.addAll(clustered(d, classOf, -1, z));
        double[][] values = new double[z.length][order.size()];
        int[] columnGroup = new int[order.size()];
        List<String> sampleLabels = new ArrayList<>();
        for (int c = 0; c < order.size(); c++) {
            int s = order.get(c);
            sampleLabels.add(d.sampleId(s));
            columnGroup[c] = classOf[s];
            for (int g = 0; g < z.length; g++) {
                values[g][c] = z[g][s];
            }
        }
        List<String> rowLabels = genes.stream().map(g -> g.symbol() != null ? g.symbol() : g.feature()).toList();
        String svg = SvgExpressionHeatmap.render(new SvgExpressionHeatmap.Data(rowLabels, sampleLabels, columnGroup, levels, values),
                "samples (by class, clustered within class)", "genes (rank order of the Top genes table)",
                "z-score per gene", "Top " + genes.size() + " genes, z-scored across samples");
        html.append("<figure>\n").append(svg).append("<figcaption>The first ").append(genes.size())
                .append(" genes of the Top genes table (symbol, or the probe id when it has none), each z-scored across")
                .append(" samples: red above the gene's mean, blue below, clamped at \u00b13 SD. Samples by class (bar")
                .append(" above: ").append(Markup.escape(data.target().name())).append("), then within class by average-linkage")
                .append(" clustering on Euclidean distance of the z-scores. ").append(Markup.escape(data.scope()))
                .append(" The genes were chosen by the CV folds' training samples, so samples separating here by class is")
                .append(" expected and is not evidence of accuracy; the held-out metrics are.</figcaption>\n</figure>\n");
        return html.append("</section>\n").toString();
    }

    /** The z-scores of one feature across all samples (NaN stays NaN; a constant feature gives 0). */
    static double[] zScores(double[][] rows, int feature) {
        int n = rows.length;
        double sum = 0;
        int count = 0;
        for (int s = 0; s < n; s++) {
            double v = rows[s][feature];
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        double mean = count == 0 ? Double.NaN : sum / count;
        double squares = 0;
        for (int s = 0; s < n; s++) {
            double v = rows[s][feature];
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = count < 2 ? 0 : Math.sqrt(squares / (count - 1));
        double[] out = new double[n];
        for (int s = 0; s < n; s++) {
            double v = rows[s][feature];
            out[s] = Double.isNaN(v) ? Double.NaN : sd > 0 ? (v - mean) / sd : 0;
        }
        return out;
    }

    /** The samples of one class (-1: no class), sorted by id, then in the leaf order of their clustering. */
    private static List<Integer> clustered(Dataset d, int[] classOf, int level, double[][] z) {
        List<Integer> members = new ArrayList<>();
        for (int s = 0; s < classOf.length; s++) {
            if (classOf[s] == level) {
                members.add(s);
            }
        }
        members.sort(Comparator.comparing(d::sampleId));
        double[][] distance = new double[members.size()][members.size()];
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                double dist = distance(z, members.get(i), members.get(j));
                distance[i][j] = dist;
                distance[j][i] = dist;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i : AverageLinkage.order(distance)) {
            out.add(members.get(i));
        }
        return out;
    }

    /** Root mean square difference over the genes both samples have; NaN when they share none. */
    private static double distance(double[][] z, int a, int b) {
        double sum = 0;
        int n = 0;
        for (double[] gene : z) {
            double d = gene[a] - gene[b];
            if (!Double.isNaN(d)) {
                sum += d * d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(sum / n);
    }
}
