package org.exprflow.plot;

import java.util.Arrays;
import java.util.List;

/**
 * Box plots of per-sample value distributions from five quantiles (by default min, q25, median,
 * q75, max): whiskers span the outer two, the box q25 to q75, a line marks the median. Samples
 * flagged as outliers are drawn in red so that they stand out among many. A caller drawing skewed
 * values (peak signal, expression) can name other whisker quantiles (q05 and q95), so one extreme
 * peak does not squash every box into a line.
 */
public final class SvgBoxPlot {
    /** One box: a label and its five quantiles; {@code flagged} draws it in the warning colour. */
    public record Box(String label, double[] quantiles, boolean flagged) {
    }

    private static final int HEIGHT = 300;
    private static final int TOP = 15;
    private static final int LEFT = 55;
    private static final int BOTTOM = 90;
    private static final int MIN_WIDTH = 360;

    private SvgBoxPlot() {
    }

    public static String render(List<Box> boxes, String yLabel) {
        return render(boxes, yLabel, "min", "max");
    }

    /**
     * Boxes whose quantiles[0] and quantiles[4] are the {@code low} and {@code high} quantiles (names
     * shown in each box's tooltip). A box with an undefined quantile (NaN: e.g. a peak file without
     * scores) is left out, since it has no position on the axis.
     */
    public static String render(List<Box> boxes, String yLabel, String low, String high) {
        List<Box> drawable = boxes.stream()
                .filter(b -> b.quantiles().length == 5 && Arrays.stream(b.quantiles()).noneMatch(Double::isNaN))
                .toList();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Box b : drawable) {
            for (double q : b.quantiles()) {
                lo = Math.min(lo, q);
                hi = Math.max(hi, q);
            }
        }
        if (drawable.isEmpty() || lo > hi) {
            return "";
        }
        double slot = drawable.size() > 60 ? 9 : 16;
        int width = (int) Math.max(MIN_WIDTH, LEFT + 10 + slot * drawable.size());
        // Room below the plot for the longest rotated label (about 5.5 px a character at 9 px), so
        // names such as "sigmoid_colon.H3K27ac" are not cut off; short sample ids keep the default.
        int longest = drawable.stream().mapToInt(b -> b.label() == null ? 0 : b.label().length()).max().orElse(0);
        int height = Math.max(HEIGHT, HEIGHT - BOTTOM + 12 + (int) Math.ceil(5.5 * longest));
        double plotBottom = HEIGHT - BOTTOM;
        SvgAxis y = new SvgAxis(lo, hi, plotBottom, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"per-sample distributions\">\n");
        double[] ticks = y.ticks(5);
        for (double t : ticks) {
            String py = Markup.coord(y.pixel(t));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width - 5)
                    .append("\" y1=\"").append(py).append("\" y2=\"").append(py).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(py)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(SvgAxis.label(t, ticks)).append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" transform=\"translate(12 ").append(Markup.coord((TOP + plotBottom) / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Markup.escape(yLabel)).append("</text>\n");
        for (int i = 0; i < drawable.size(); i++) {
            Box b = drawable.get(i);
            double[] q = b.quantiles();
            double cx = LEFT + slot * (i + 0.5);
            double half = slot * 0.35;
            String cls = b.flagged() ? "box flagged" : "box";
            svg.append("<g class=\"").append(cls).append("\"><title>").append(Markup.escape(b.label()))
                    .append(": ").append(Markup.escape(low)).append(' ').append(Markup.fixed(q[0], 3))
                    .append(", q25 ").append(Markup.fixed(q[1], 3))
                    .append(", median ").append(Markup.fixed(q[2], 3)).append(", q75 ").append(Markup.fixed(q[3], 3))
                    .append(", ").append(Markup.escape(high)).append(' ').append(Markup.fixed(q[4], 3)).append("</title>");
            svg.append("<line x1=\"").append(Markup.coord(cx)).append("\" x2=\"").append(Markup.coord(cx))
                    .append("\" y1=\"").append(Markup.coord(y.pixel(q[0]))).append("\" y2=\"")
                    .append(Markup.coord(y.pixel(q[4]))).append("\"/>");
            double top = y.pixel(q[3]);
            svg.append("<rect x=\"").append(Markup.coord(cx - half)).append("\" y=\"").append(Markup.coord(top))
                    .append("\" width=\"").append(Markup.coord(2 * half)).append("\" height=\"")
                    .append(Markup.coord(Math.max(0.5, y.pixel(q[1]) - top))).append("\"/>");
            svg.append("<line class=\"median\" x1=\"").append(Markup.coord(cx - half)).append("\" x2=\"")
                    .append(Markup.coord(cx + half)).append("\" y1=\"").append(Markup.coord(y.pixel(q[2])))
                    .append("\" y2=\"").append(Markup.coord(y.pixel(q[2]))).append("\"/>");
            svg.append("<text class=\"sample-label\" transform=\"translate(").append(Markup.coord(cx + 3)).append(' ')
                    .append(Markup.coord(plotBottom + 6)).append(") rotate(-90)\" text-anchor=\"end\">")
                    .append(Markup.escape(b.label())).append("</text></g>\n");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(Markup.coord(plotBottom)).append("\"/>\n");
        return svg.append("</svg>\n").toString();
    }
}
