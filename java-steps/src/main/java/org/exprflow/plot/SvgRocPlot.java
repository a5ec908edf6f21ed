package org.exprflow.plot;

import java.util.List;

import org.exprflow.stats.RocCurve;

/**
 * One-vs-rest ROC curves, one per class, on a square plot with the chance diagonal; the legend gives
 * each class's AUC. Curves come from {@link RocCurve}, so they are the curves whose areas the
 * metrics report.
 */
public final class SvgRocPlot {
    /** One class's curve and area. */
    public record Curve(String label, List<RocCurve.Point> points, double auc) {
    }

    private static final int SIZE = 300;
    private static final int LEFT = 50;
    private static final int TOP = 15;
    private static final int LEGEND = 190;

    private SvgRocPlot() {
    }

    public static String render(List<Curve> curves, String caption) {
        int width = LEFT + SIZE + 20 + LEGEND;
        int height = TOP + SIZE + 60;
        SvgAxis x = new SvgAxis(0, 1, LEFT, LEFT + SIZE);
        SvgAxis y = new SvgAxis(0, 1, TOP + SIZE, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Markup.escape(caption)).append("\">\n");
        UnitSquare.draw(svg, x, y, LEFT, TOP, SIZE, new double[] {0, 0.25, 0.5, 0.75, 1}, 2,
                "false-positive rate", "true-positive rate");
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            if (curve.points().isEmpty()) {
                continue;
            }
            svg.append("<polyline class=\"roc\" stroke=\"").append(Markup.colour(c)).append("\" points=\"");
            for (int i = 0; i < curve.points().size(); i++) {
                RocCurve.Point p = curve.points().get(i);
                svg.append(i == 0 ? "" : " ").append(Markup.coord(x.pixel(p.falsePositiveRate()))).append(',')
                        .append(Markup.coord(y.pixel(p.truePositiveRate())));
            }
            svg.append("\"/>\n");
        }
        int legendX = LEFT + SIZE + 20;
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            int ly = TOP + 10 + 20 * c;
            svg.append("<line x1=\"").append(legendX).append("\" x2=\"").append(legendX + 20).append("\" y1=\"")
                    .append(ly).append("\" y2=\"").append(ly).append("\" stroke=\"").append(Markup.colour(c))
                    .append("\" stroke-width=\"3\"/><text class=\"legend\" x=\"").append(legendX + 26).append("\" y=\"")
                    .append(ly).append("\" dominant-baseline=\"middle\">").append(Markup.escape(curve.label()))
                    .append(" (AUC ").append(Markup.fixed(curve.auc(), 3)).append(")</text>\n");
        }
        svg.append("<text class=\"caption\" x=\"").append(LEFT).append("\" y=\"").append(height - 8).append("\">")
                .append(Markup.escape(caption)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }
}
