package org.exprflow.report;

import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgPcaPlot;
import org.exprflow.stats.PrincipalComponents;

/**
 * The PCA plot of the samples: the first two principal components of all features observed in every
 * sample and not constant, centred per feature and not scaled (R's {@code prcomp} defaults; on log2
 * expression the genes' own variances are meaningful, and scaling would let thousands of noise-level
 * probes weigh as much as the informative ones). All features, not the top genes: the top genes were
 * chosen to separate the classes, so their PCA would show separation by construction, while this one
 * shows whether class is the main structure of the data, and where the QC outliers lie. Points in
 * class colours, QC outliers (the QC JSON's sample flags) as black-edged diamonds.
 */
final class PcaSection {
    private PcaSection() {
    }

    static String render(SampleData data) {
        Dataset d = data.dataset();
        PrincipalComponents pca = PrincipalComponents.of(data.rows(), 2);
        StringBuilder html = new StringBuilder("<section id=\"pca\">\n<h2>Samples: principal components</h2>\n");
        if (pca.varianceFraction().length < 2) {
            return html.append("<p class=\"note\">Too few samples or varying features for two principal components (")
                    .append(d.sampleCount()).append(" samples, ").append(pca.features())
                    .append(" complete non-constant features).</p>\n</section>\n").toString();
        }
        int n = d.sampleCount();
        double[] x = new double[n];
        double[] y = new double[n];
        boolean[] flagged = new boolean[n];
        List<String> labels = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            x[s] = pca.scores()[s][0];
            y[s] = pca.scores()[s][1];
            flagged[s] = data.outliers() != null && data.outliers().contains(d.sampleId(s));
            labels.add(d.sampleId(s));
        }
        String svg = SvgPcaPlot.render(new SvgPcaPlot.Points(labels, x, y, data.classOf(), flagged, data.target().levels()),
                "PC1 (" + Markup.fixed(100 * pca.varianceFraction()[0], 1) + "% of variance)",
                "PC2 (" + Markup.fixed(100 * pca.varianceFraction()[1], 1) + "% of variance)",
                "PCA of " + n + " samples on " + pca.features() + " features");
        long outliers = java.util.stream.IntStream.range(0, n).filter(s -> flagged[s]).count();
        html.append("<figure>\n").append(svg).append("<figcaption>Scores on the first two principal components of the ")
                .append(pca.features()).append(" features observed in every sample and not constant (of ")
                .append(d.featureCount()).append("), each centred on its mean, not scaled (as R's prcomp by default).")
                .append(" Colour: ").append(Markup.escape(data.target().name())).append("; ")
                .append(data.outliers() == null ? "no QC given, so no outliers marked. "
                        : "diamonds: the " + outliers + " sample(s) QC flagged as outliers. ").append(Markup.escape(data.scope()))
                .append("</figcaption>\n</figure>\n");
        return html.append("</section>\n").toString();
    }
}
