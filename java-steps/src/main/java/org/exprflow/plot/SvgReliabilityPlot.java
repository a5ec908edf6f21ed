package org.exprflow.plot;

import java.util.List;

/**
 * A reliability diagram: for each class (one against the rest), the mean predicted probability of
 * each non-empty bin against the observed frequency of the class in it, joined in bin order, on a
 * square plot with the diagonal of perfect calibration. Each point's tooltip gives its bin, count and
 * values; the legend gives each class's Brier score.
 */
public final class SvgReliabilityPlot {
    /** One bin of a curve: its nominal edges, its count and its point. */
    public record Point(double lower, double upper, long count, double meanPredicted, double observedFrequency) {
    }

    /** One class's curve, with its one-vs-rest Brier score for the legend. */
    public record Curve(String label, List<Point> points, double brier) {
    }

    private SvgReliabilityPlot() {
    }

    public static String render(List<Curve> curves, String caption) {
        SvgAxis x = UnitSquare.X;
        SvgAxis y = UnitSquare.Y;
        StringBuilder svg = UnitSquare.open("plot reliability", caption);
        UnitSquare.draw(svg, new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, 1,
                "mean predicted probability", "observed frequency");
        for (int c = 0; c < curves.size(); c++) {
            List<Point> points = curves.get(c).points().stream().filter(p -> p.count() > 0).toList();
            if (points.isEmpty()) {
                continue;
            }
            String colour = Markup.colour(c);
            svg.append("<polyline class=\"roc\" stroke=\"").append(colour).append("\" points=\"");
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                svg.append(i == 0 ? "" : " ").append(Markup.coord(x.pixel(p.meanPredicted()))).append(',')
                        .append(Markup.coord(y.pixel(p.observedFrequency())));
            }
            svg.append("\"/>\n");
            for (Point p : points) {
                svg.append("<circle cx=\"").append(Markup.coord(x.pixel(p.meanPredicted()))).append("\" cy=\"")
                        .append(Markup.coord(y.pixel(p.observedFrequency()))).append("\" r=\"3.5\" fill=\"").append(colour)
                        .append("\"><title>").append(Markup.escape(curves.get(c).label())).append(": (")
                        .append(Markup.fixed(p.lower(), 1)).append(", ").append(Markup.fixed(p.upper(), 1)).append("], n = ")
                        .append(p.count()).append(", mean predicted ").append(Markup.fixed(p.meanPredicted(), 3))
                        .append(", observed ").append(Markup.fixed(p.observedFrequency(), 3)).append("</title></circle>\n");
            }
        }
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            UnitSquare.legendEntry(svg, c, Markup.escape(curve.label()) + " (Brier " + Markup.fixed(curve.brier(), 3) + ")");
        }
        return UnitSquare.close(svg, caption);
    }
}
