package org.exprflow.score;

import java.util.Locale;

/**
 * The predicted-vs-measured scatter plot as a standalone SVG document: measured on x, predicted on y,
 * the dashed identity line where the two ranges overlap (points on it are predicted exactly), and
 * Pearson r and n in the title. Everything is inline (attributes, no stylesheet, font or image
 * references) so the file can be opened alone or embedded in the HTML report. Coordinates use two
 * decimals in the root locale and points are drawn in id order, so the bytes are deterministic.
 */
final class ScatterPlotSvg {
    private static final int LEFT = 70;
    private static final int TOP = 40;
    private static final int SIZE = 400;
    private static final int WIDTH = LEFT + SIZE + 20;
    private static final int HEIGHT = TOP + SIZE + 55;

    private ScatterPlotSvg() {
    }

    static String render(double[] measured, double[] predicted, double pearson, int n, String xLabel, String yLabel) {
        double[] xr = range(measured, predicted, measured);
        double[] yr = range(measured, predicted, predicted);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        String title = "Predicted vs measured: Pearson r = " + fixed(pearson, 3) + " (n = " + n + ")";
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(LEFT + SIZE / 2).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">")
                .append(escape(title)).append("</text>\n");
        double[] xTicks = ticks(xr[0], xr[1]);
        double[] yTicks = ticks(yr[0], yr[1]);
        for (double t : xTicks) {
            String px = fixed(x(t, xr), 2);
            svg.append("<line x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(TOP + SIZE).append("\" stroke=\"#e5e5e5\"/>")
                    .append("<text x=\"").append(px).append("\" y=\"").append(TOP + SIZE + 15)
                    .append("\" text-anchor=\"middle\">").append(tickLabel(t, xTicks)).append("</text>\n");
        }
        for (double t : yTicks) {
            String py = fixed(y(t, yr), 2);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + SIZE).append("\" y1=\"").append(py)
                    .append("\" y2=\"").append(py).append("\" stroke=\"#e5e5e5\"/>")
                    .append("<text x=\"").append(LEFT - 5).append("\" y=\"").append(py)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(tickLabel(t, yTicks))
                    .append("</text>\n");
        }
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(SIZE)
                .append("\" height=\"").append(SIZE).append("\" fill=\"none\" stroke=\"#333333\"/>\n");
        double lo = Math.max(xr[0], yr[0]);
        double hi = Math.min(xr[1], yr[1]);
        if (hi > lo) {
            svg.append("<line x1=\"").append(fixed(x(lo, xr), 2)).append("\" y1=\"").append(fixed(y(lo, yr), 2))
                    .append("\" x2=\"").append(fixed(x(hi, xr), 2)).append("\" y2=\"").append(fixed(y(hi, yr), 2))
                    .append("\" stroke=\"#888888\" stroke-dasharray=\"4 3\"/>\n");
        }
        svg.append("<g fill=\"#0072B2\" fill-opacity=\"0.5\">\n");
        for (int i = 0; i < measured.length; i++) {
            if (Double.isNaN(measured[i]) || Double.isNaN(predicted[i])) {
                continue;
            }
            svg.append("<circle cx=\"").append(fixed(x(measured[i], xr), 2)).append("\" cy=\"")
                    .append(fixed(y(predicted[i], yr), 2)).append("\" r=\"2.5\"/>\n");
        }
        svg.append("</g>\n");
        svg.append("<text x=\"").append(LEFT + SIZE / 2).append("\" y=\"").append(TOP + SIZE + 38)
                .append("\" text-anchor=\"middle\">").append(escape(xLabel)).append("</text>\n");
        svg.append("<text transform=\"translate(16 ").append(TOP + SIZE / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(escape(yLabel)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }

    /** The range of {@code values} over complete pairs, padded by 4% so no point sits on the frame. */
    private static double[] range(double[] measured, double[] predicted, double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(measured[i]) && !Double.isNaN(predicted[i])) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        if (max == min) {
            // a constant still needs a visible scale
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            return new double[] {min - pad, max + pad};
        }
        double pad = (max - min) * 0.04;
        return new double[] {min - pad, max + pad};
    }

    private static double x(double v, double[] r) {
        return LEFT + (v - r[0]) / (r[1] - r[0]) * SIZE;
    }

    private static double y(double v, double[] r) {
        return TOP + SIZE - (v - r[0]) / (r[1] - r[0]) * SIZE;
    }

    /** About five ticks at 1, 2 or 5 times a power of ten inside [min, max]. */
    static double[] ticks(double min, double max) {
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * magnitude;
        for (double m : new double[] {1, 2, 5}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        long first = (long) Math.ceil(min / step);
        long last = (long) Math.floor(max / step);
        double[] out = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < out.length; i++) {
            // multiplying an integer (not accumulating steps) avoids labels such as 0.30000000000000004
            out[i] = (first + i) * step;
        }
        return out;
    }

    private static String tickLabel(double value, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int digits = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return fixed(value, digits);
    }

    private static String fixed(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "NA";
        }
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        // "-0.00" would show a sign that rounding removed
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
