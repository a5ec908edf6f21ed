package org.exprflow.plot;

/**
 * The frame that ROC curves and reliability diagrams share: a square of [0, 1] x [0, 1] with a grid
 * and ticks at the same values on both axes, the diagonal (chance for ROC, perfect calibration for
 * reliability), and the two axis labels.
 */
final class UnitSquare {
    private UnitSquare() {
    }

    /** Appends the grid, ticks (with {@code decimals} digits), frame, diagonal and axis labels. */
    static void draw(StringBuilder svg, SvgAxis x, SvgAxis y, int left, int top, int size, double[] ticks, int decimals,
                     String xLabel, String yLabel) {
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
        svg.append("<text class=\"axis-label\" x=\"").append(left + size / 2).append("\" y=\"").append(top + size + 32)
                .append("\" text-anchor=\"middle\">").append(xLabel).append("</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(12 ").append(top + size / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(yLabel).append("</text>\n");
    }
}
