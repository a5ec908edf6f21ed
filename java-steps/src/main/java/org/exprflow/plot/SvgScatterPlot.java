package org.exprflow.plot;

import java.util.Map;

/**
 * Predicted versus measured values (the report's regression and landmark plots, and the score
 * step's standalone SVG): measured on x, predicted on y, the dashed identity line where the two
 * ranges overlap (a point on it is predicted exactly). Points are drawn in the order given, which
 * the callers take from sorted tables, so the bytes are deterministic.
 *
 * <p>Embedded in the report, elements carry classes styled by the report's stylesheet. Standalone,
 * the same elements carry those styles as attributes (no stylesheet, font or image references), so
 * the file opens on its own in any viewer.
 */
public final class SvgScatterPlot {
    private static final int SIZE = 320;
    private static final int LEFT = 55;
    private static final int TOP = 15;
    /** The report stylesheet's rules for the classes below, as attributes for a standalone file. */
    private static final Map<String, String> INLINE = Map.of(
            "grid", "stroke=\"#e5e5e5\"",
            "tick", "",
            "frame", "fill=\"none\" stroke=\"#555555\"",
            "identity", "stroke=\"#888888\" stroke-dasharray=\"4 3\"",
            "points", "fill=\"#0072B2\" fill-opacity=\"0.45\"",
            "axis-label", "",
            "caption", "font-size=\"12\" fill=\"#555555\"");

    private SvgScatterPlot() {
    }

    /** measured and predicted have the same length and no NaN (the caller drops incomplete pairs). */
    public static String render(double[] measured, double[] predicted, String xLabel, String yLabel, String caption) {
        return render(measured, predicted, null, xLabel, yLabel, caption, false);
    }

    /**
     * As above, with each point coloured by its group (index into {@link Markup#colour}, or null for
     * the stylesheet's colour).
     */
    public static String render(double[] measured, double[] predicted, int[] group, String xLabel, String yLabel, String caption) {
        return render(measured, predicted, group, xLabel, yLabel, caption, false);
    }

    /**
     * A standalone SVG document of the complete pairs (a NaN on either side is left out), with the
     * caption as its title.
     */
    public static String standalone(double[] measured, double[] predicted, String xLabel, String yLabel, String caption) {
        int n = 0;
        for (int i = 0; i < measured.length; i++) {
            n += Double.isNaN(measured[i]) || Double.isNaN(predicted[i]) ? 0 : 1;
        }
        double[] mx = new double[n];
        double[] px = new double[n];
        for (int i = 0, k = 0; i < measured.length; i++) {
            if (!Double.isNaN(measured[i]) && !Double.isNaN(predicted[i])) {
                mx[k] = measured[i];
                px[k++] = predicted[i];
            }
        }
        return render(mx, px, null, xLabel, yLabel, caption, true);
    }

    private static String render(double[] measured, double[] predicted, int[] group, String xLabel, String yLabel,
                                 String caption, boolean standalone) {
        int width = LEFT + SIZE + 20;
        int height = TOP + SIZE + 60;
        double[] xr = padded(measured);
        double[] yr = padded(predicted);
        SvgAxis x = new SvgAxis(xr[0], xr[1], LEFT, LEFT + SIZE);
        SvgAxis y = new SvgAxis(yr[0], yr[1], TOP + SIZE, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append(standalone ? "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot scatter\" font-family=\"sans-serif\" font-size=\"11\" width=\""
                        : "<svg class=\"plot scatter\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(Markup.escape(caption)).append("\">\n");
        if (standalone) {
            svg.append("<title>").append(Markup.escape(caption)).append("</title>\n");
            svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                    .append("\" fill=\"#ffffff\"/>\n");
        }
        double[] xTicks = x.ticks(5);
        for (double t : xTicks) {
            String px = Markup.coord(x.pixel(t));
            svg.append("<line").append(style("grid", standalone)).append(" x1=\"").append(px).append("\" x2=\"").append(px)
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + SIZE).append("\"/><text")
                    .append(style("tick", standalone)).append(" x=\"").append(px).append("\" y=\"")
                    .append(TOP + SIZE + 14).append("\" text-anchor=\"middle\">").append(SvgAxis.label(t, xTicks))
                    .append("</text>\n");
        }
        double[] yTicks = y.ticks(5);
        for (double t : yTicks) {
            String py = Markup.coord(y.pixel(t));
            svg.append("<line").append(style("grid", standalone)).append(" x1=\"").append(LEFT).append("\" x2=\"")
                    .append(LEFT + SIZE).append("\" y1=\"").append(py).append("\" y2=\"").append(py).append("\"/><text")
                    .append(style("tick", standalone)).append(" x=\"").append(LEFT - 4).append("\" y=\"").append(py)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(SvgAxis.label(t, yTicks))
                    .append("</text>\n");
        }
        svg.append("<rect").append(style("frame", standalone)).append(" x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(SIZE).append("\" height=\"").append(SIZE).append("\"/>\n");
        double lo = Math.max(xr[0], yr[0]);
        double hi = Math.min(xr[1], yr[1]);
        if (hi > lo) {
            svg.append("<line").append(style("identity", standalone)).append(" x1=\"").append(Markup.coord(x.pixel(lo)))
                    .append("\" y1=\"").append(Markup.coord(y.pixel(lo))).append("\" x2=\"").append(Markup.coord(x.pixel(hi)))
                    .append("\" y2=\"").append(Markup.coord(y.pixel(hi))).append("\"/>\n");
        }
        svg.append("<g").append(style("points", standalone)).append(">\n");
        for (int i = 0; i < measured.length; i++) {
            svg.append("<circle cx=\"").append(Markup.coord(x.pixel(measured[i]))).append("\" cy=\"")
                    .append(Markup.coord(y.pixel(predicted[i]))).append("\" r=\"2\"");
            if (group != null) {
                svg.append(" style=\"fill:").append(Markup.colour(group[i])).append('"');
            }
            svg.append("/>\n");
        }
        svg.append("</g>\n");
        svg.append("<text").append(style("axis-label", standalone)).append(" x=\"").append(LEFT + SIZE / 2).append("\" y=\"")
                .append(TOP + SIZE + 32).append("\" text-anchor=\"middle\">").append(Markup.escape(xLabel)).append("</text>\n");
        svg.append("<text").append(style("axis-label", standalone)).append(" transform=\"translate(12 ").append(TOP + SIZE / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Markup.escape(yLabel)).append("</text>\n");
        svg.append("<text").append(style("caption", standalone)).append(" x=\"").append(LEFT).append("\" y=\"")
                .append(height - 8).append("\">").append(Markup.escape(caption)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }

    /** A class for the report's stylesheet, or the same style as attributes in a standalone file. */
    private static String style(String name, boolean standalone) {
        if (!standalone) {
            return " class=\"" + name + "\"";
        }
        String inline = INLINE.get(name);
        return inline.isEmpty() ? "" : " " + inline;
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
