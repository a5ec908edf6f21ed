package org.exprflow.plot;

/**
 * The plot that ROC curves and reliability diagrams share: a 300-pixel square of [0, 1] x [0, 1] with
 * a grid and ticks at the same values on both axes, the diagonal (chance for ROC, perfect
 * calibration for reliability), the two axis labels, a legend of one line per curve to the right
 * and the caption below.
 */
final class UnitSquare {
    static final int SIZE = 300;
    static final int LEFT = 50;
    static final int TOP = 15;
    static final int LEGEND = 190;
    static final int WIDTH = LEFT + SIZE + 20 + LEGEND;
    static final int HEIGHT = TOP + SIZE + 60;
    static final SvgAxis X = new SvgAxis(0, 1, LEFT, LEFT + SIZE);
    static final SvgAxis Y = new SvgAxis(0, 1, TOP + SIZE, TOP);

    private UnitSquare() {
    }

    /** A new SVG with the given class (e.g. "plot reliability") and the caption as its accessible label. */
    static StringBuilder open(String svgClass, String caption) {
        return PlotFrame.open(svgClass, WIDTH, HEIGHT, caption);
    }

    /** Appends legend line {@code index} (0 first) in that curve's colour; {@code text} is already escaped. */
    static void legendEntry(StringBuilder svg, int index, String text) {
        int legendX = LEFT + SIZE + 20;
        int ly = TOP + 10 + 20 * index;
        svg.append("<line x1=\"").append(legendX).append("\" x2=\"").append(legendX + 20).append("\" y1=\"")
                .append(ly).append("\" y2=\"").append(ly).append("\" stroke=\"").append(Markup.colour(index))
                .append("\" stroke-width=\"3\"/><text class=\"legend\" x=\"").append(legendX + 26).append("\" y=\"")
                .append(ly).append("\" dominant-baseline=\"middle\">").append(text).append("</text>\n");
    }

    /** Appends the caption below the square and closes the SVG. */
    static String close(StringBuilder svg, String caption) {
        return PlotFrame.close(svg, LEFT, HEIGHT, caption);
    }

    /** Appends the grid, ticks (with {@code decimals} digits), frame, diagonal and axis labels. */
    static void draw(StringBuilder svg, double[] ticks, int decimals, String xLabel, String yLabel) {
        SvgAxis x = X;
        SvgAxis y = Y;
        int left = LEFT;
        int top = TOP;
        int size = SIZE;
        for (double t : ticks) {
            svg.append("<line class=\"grid\" x1=\"").append(Markup.coord(x.pixel(t))).append("\" x2=\"")
                    .append(Markup.coord(x.pixel(t))).append("\" y1=\"").append(top).append("\" y2=\"").append(top + size)
                    .append("\"/><line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(left + size)
                    .append("\" y1=\"").append(Markup.coord(y.pixel(t))).append("\" y2=\"").append(Markup.coord(y.pixel(t)))
                    .append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(Markup.coord(x.pixel(t))).append("\" y=\"").append(top + size + 14)
                    .append("\" text-anchor=\"middle\">").append(Markup.fixed(t, decimals)).append("</text>");
            svg.append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(Markup.coord(y.pixel(t)))
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Markup.fixed(t, decimals))
                    .append("</text>\n");
        }
        svg.append("<rect class=\"frame\" x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"")
                .append(size).append("\" height=\"").append(size).append("\"/>\n");
        svg.append("<line class=\"chance\" x1=\"").append(left).append("\" y1=\"").append(top + size).append("\" x2=\"")
                .append(left + size).append("\" y2=\"").append(top).append("\"/>\n");
        PlotFrame.axisLabels(svg, left, top, size, size, xLabel, yLabel);
    }
}
