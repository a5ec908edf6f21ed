package org.exprflow.report;

/**
 * Predicted versus measured values of a regression (the seed project's plot): measured on x,
 * predicted on y, the dashed identity line where the two ranges overlap (a point on it is predicted
 * exactly). Points are drawn in the order given, which the caller takes from the sorted regression
 * table, so the bytes are deterministic. Styling comes from the report's stylesheet (classes), so the
 * plot is only meant to be embedded in the report.
 */
final class SvgScatterPlot {
    private static final int SIZE = 320;
    private static final int LEFT = 55;
    private static final int TOP = 15;

    private SvgScatterPlot() {
    }

    /** measured and predicted have the same length and no NaN (the caller drops incomplete pairs). */
    static String render(double[] measured, double[] predicted, String xLabel, String yLabel, String caption) {
        return render(measured, predicted, null, xLabel, yLabel, caption);
    }

    /**
     * As above, with each point coloured by its group (index into {@link Html#colour}, or null for
     * the stylesheet's colour).
     */
    static String render(double[] measured, double[] predicted, int[] group, String xLabel, String yLabel, String caption) {
        int width = LEFT + SIZE + 20;
        int height = TOP + SIZE + 60;
        double[] xr = padded(measured);
        double[] yr = padded(predicted);
        SvgAxis x = new SvgAxis(xr[0], xr[1], LEFT, LEFT + SIZE);
        SvgAxis y = new SvgAxis(yr[0], yr[1], TOP + SIZE, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot scatter\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(caption)).append("\">\n");
        double[] xTicks = x.ticks(5);
        for (double t : xTicks) {
            String px = Html.coord(x.pixel(t));
            svg.append("<line class=\"grid\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(TOP + SIZE).append("\"/><text class=\"tick\" x=\"").append(px).append("\" y=\"")
                    .append(TOP + SIZE + 14).append("\" text-anchor=\"middle\">").append(SvgAxis.label(t, xTicks))
                    .append("</text>\n");
        }
        double[] yTicks = y.ticks(5);
        for (double t : yTicks) {
            String py = Html.coord(y.pixel(t));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + SIZE).append("\" y1=\"")
                    .append(py).append("\" y2=\"").append(py).append("\"/><text class=\"tick\" x=\"").append(LEFT - 4)
                    .append("\" y=\"").append(py).append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(SvgAxis.label(t, yTicks)).append("</text>\n");
        }
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(SIZE).append("\" height=\"").append(SIZE).append("\"/>\n");
        double lo = Math.max(xr[0], yr[0]);
        double hi = Math.min(xr[1], yr[1]);
        if (hi > lo) {
            svg.append("<line class=\"identity\" x1=\"").append(Html.coord(x.pixel(lo))).append("\" y1=\"")
                    .append(Html.coord(y.pixel(lo))).append("\" x2=\"").append(Html.coord(x.pixel(hi))).append("\" y2=\"")
                    .append(Html.coord(y.pixel(hi))).append("\"/>\n");
        }
        svg.append("<g class=\"points\">\n");
        for (int i = 0; i < measured.length; i++) {
            svg.append("<circle cx=\"").append(Html.coord(x.pixel(measured[i]))).append("\" cy=\"")
                    .append(Html.coord(y.pixel(predicted[i]))).append("\" r=\"2\"");
            if (group != null) {
                svg.append(" style=\"fill:").append(Html.colour(group[i])).append('"');
            }
            svg.append("/>\n");
        }
        svg.append("</g>\n");
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT + SIZE / 2).append("\" y=\"").append(TOP + SIZE + 32)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(12 ").append(TOP + SIZE / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>\n");
        svg.append("<text class=\"caption\" x=\"").append(LEFT).append("\" y=\"").append(height - 8).append("\">")
                .append(Html.escape(caption)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }

    /** The range of the values, padded by 4% so that no point sits on the frame. */
    private static double[] padded(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            return new double[] {0, 1};
        }
        double pad = (max - min) * 0.04;
        return new double[] {min - pad, max + pad};
    }
}
