package org.exprflow.plot;

/**
 * The parts every x/y plot of the report draws the same way: the {@code <svg>} opening with the
 * caption as its accessible label, the grid lines with their tick labels, the two axis labels, and
 * the caption below the plot. The plots differ only in what they draw inside the frame (curves,
 * bands, points) and in their legends.
 */
final class PlotFrame {
    private PlotFrame() {
    }

    /** A new SVG of this class (e.g. "plot pca") and size. */
    static StringBuilder open(String svgClass, int width, int height, String caption) {
        return new StringBuilder().append("<svg class=\"").append(svgClass).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Markup.escape(caption)).append("\">\n");
    }

    /**
     * A vertical grid line and label at each x tick, then a horizontal one at each y tick, over the
     * plot area from ({@code left}, {@code top}), {@code width} × {@code height} pixels; the labels
     * through {@link SvgAxis#label}.
     */
    static void grid(StringBuilder svg, SvgAxis x, double[] xTicks, SvgAxis y, double[] yTicks,
                     int left, int top, int width, int height) {
        for (double t : xTicks) {
            String px = Markup.coord(x.pixel(t));
            svg.append("<line class=\"grid\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(top)
                    .append("\" y2=\"").append(top + height).append("\"/><text class=\"tick\" x=\"").append(px)
                    .append("\" y=\"").append(top + height + 14).append("\" text-anchor=\"middle\">")
                    .append(SvgAxis.label(t, xTicks)).append("</text>\n");
        }
        for (double t : yTicks) {
            String py = Markup.coord(y.pixel(t));
            svg.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(left + width).append("\" y1=\"")
                    .append(py).append("\" y2=\"").append(py).append("\"/><text class=\"tick\" x=\"").append(left - 4)
                    .append("\" y=\"").append(py).append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(SvgAxis.label(t, yTicks)).append("</text>\n");
        }
    }

    /** The x label centred below the plot area and the y label turned along its left side; both already escaped. */
    static void axisLabels(StringBuilder svg, int left, int top, int width, int height, String xLabel, String yLabel) {
        svg.append("<text class=\"axis-label\" x=\"").append(left + width / 2).append("\" y=\"").append(top + height + 32)
                .append("\" text-anchor=\"middle\">").append(xLabel).append("</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(12 ").append(top + height / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(yLabel).append("</text>\n");
    }

    /** Appends the caption at the bottom of an SVG {@code svgHeight} pixels high and closes it. */
    static String close(StringBuilder svg, int left, int svgHeight, String caption) {
        svg.append("<text class=\"caption\" x=\"").append(left).append("\" y=\"").append(svgHeight - 8).append("\">")
                .append(Markup.escape(caption)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }
}
