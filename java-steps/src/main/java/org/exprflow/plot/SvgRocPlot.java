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

    private SvgRocPlot() {
    }

    public static String render(List<Curve> curves, String caption) {
        SvgAxis x = UnitSquare.X;
        SvgAxis y = UnitSquare.Y;
        StringBuilder svg = UnitSquare.open("plot", caption);
        UnitSquare.draw(svg, new double[] {0, 0.25, 0.5, 0.75, 1}, 2,
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
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            UnitSquare.legendEntry(svg, c, Markup.escape(curve.label()) + " (AUC " + Markup.fixed(curve.auc(), 3) + ")");
        }
        return UnitSquare.close(svg, caption);
    }
}
