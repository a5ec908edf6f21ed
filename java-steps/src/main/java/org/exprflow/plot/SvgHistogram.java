package org.exprflow.plot;


/**
 * A histogram of values on a fixed range cut into equal bins, with a dashed reference line (e.g.
 * r = 0) and a solid line at the median. The range is fixed by the caller rather than taken from the
 * data, so histograms of correlations from different runs share their axis and can be compared by eye.
 */
public final class SvgHistogram {
    private static final int WIDTH = 360;
    private static final int HEIGHT = 220;
    private static final int LEFT = 45;
    private static final int TOP = 15;

    private SvgHistogram() {
    }

    /**
     * Bin counts of the values in [min, max] cut into {@code bins} bins, the last one closed (so a
     * value equal to max is counted). Values outside the range or NaN are not counted.
     */
    public static int[] counts(double[] values, double min, double max, int bins) {
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isNaN(v) || v < min || v > max) {
                continue;
            }
            int b = (int) Math.floor((v - min) / (max - min) * bins);
            counts[Math.min(b, bins - 1)]++;
        }
        return counts;
    }

    public static String render(double[] values, double min, double max, int bins, double reference, double median,
                         String xLabel, String caption) {
        int[] counts = counts(values, min, max, bins);
        int highest = 1;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        int width = LEFT + WIDTH + 20;
        int height = TOP + HEIGHT + 60;
        SvgAxis x = new SvgAxis(min, max, LEFT, LEFT + WIDTH);
        SvgAxis y = new SvgAxis(0, highest, TOP + HEIGHT, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot histogram\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(Markup.escape(caption)).append("\">\n");
        // Whole numbers only on the count axis: a fractional count is meaningless.
        double[] yTicks = java.util.Arrays.stream(y.ticks(4)).filter(t -> t == Math.rint(t)).toArray();
        for (double t : yTicks) {
            String py = Markup.coord(y.pixel(t));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + WIDTH).append("\" y1=\"")
                    .append(py).append("\" y2=\"").append(py).append("\"/><text class=\"tick\" x=\"").append(LEFT - 4)
                    .append("\" y=\"").append(py).append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Markup.fixed(t, 0)).append("</text>\n");
        }
        double[] xTicks = x.ticks(8);
        for (double t : xTicks) {
            svg.append("<text class=\"tick\" x=\"").append(Markup.coord(x.pixel(t))).append("\" y=\"").append(TOP + HEIGHT + 14)
                    .append("\" text-anchor=\"middle\">").append(SvgAxis.label(t, xTicks)).append("</text>\n");
        }
        double binWidth = (max - min) / bins;
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double left = x.pixel(min + b * binWidth);
            double right = x.pixel(min + (b + 1) * binWidth);
            double top = y.pixel(counts[b]);
            svg.append("<rect class=\"bar\" x=\"").append(Markup.coord(left)).append("\" y=\"").append(Markup.coord(top))
                    .append("\" width=\"").append(Markup.coord(right - left)).append("\" height=\"")
                    .append(Markup.coord(TOP + HEIGHT - top)).append("\"><title>")
                    .append(Markup.fixed(min + b * binWidth, 2)).append(" to ").append(Markup.fixed(min + (b + 1) * binWidth, 2))
                    .append(": ").append(counts[b]).append("</title></rect>\n");
        }
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\"/>\n");
        if (reference >= min && reference <= max) {
            svg.append("<line class=\"chance\" x1=\"").append(Markup.coord(x.pixel(reference))).append("\" x2=\"")
                    .append(Markup.coord(x.pixel(reference))).append("\" y1=\"").append(TOP).append("\" y2=\"")
                    .append(TOP + HEIGHT).append("\"/>\n");
        }
        if (median >= min && median <= max) {
            svg.append("<line class=\"median-line\" x1=\"").append(Markup.coord(x.pixel(median))).append("\" x2=\"")
                    .append(Markup.coord(x.pixel(median))).append("\" y1=\"").append(TOP).append("\" y2=\"")
                    .append(TOP + HEIGHT).append("\"/>\n");
        }
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT + WIDTH / 2).append("\" y=\"").append(TOP + HEIGHT + 32)
                .append("\" text-anchor=\"middle\">").append(Markup.escape(xLabel)).append("</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(12 ").append(TOP + HEIGHT / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">count</text>\n");
        svg.append("<text class=\"caption\" x=\"").append(LEFT).append("\" y=\"").append(height - 8).append("\">")
                .append(Markup.escape(caption)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }
}
