package org.exprflow.plot;

import java.util.List;
import java.util.Locale;

/**
 * A confusion-matrix heatmap: rows are the true classes, columns the predicted ones, each cell shows
 * its count. Shading is the count as a fraction of its row (the per-class recall on the diagonal),
 * so a rare class's errors are as visible as a common class's.
 */
public final class SvgHeatmap {
    private static final int CELL = 56;
    private static final int LEFT = 110;
    private static final int TOP = 40;

    private SvgHeatmap() {
    }

    public static String render(List<String> levels, long[][] counts, String caption) {
        int k = levels.size();
        int width = LEFT + CELL * k + 10;
        int height = TOP + CELL * k + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Markup.escape(caption)).append("\">\n");
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT + CELL * k / 2).append("\" y=\"14\" text-anchor=\"middle\">predicted</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(12 ").append(TOP + CELL * k / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">truth</text>\n");
        for (int c = 0; c < k; c++) {
            svg.append("<text class=\"tick\" x=\"").append(LEFT + CELL * c + CELL / 2).append("\" y=\"").append(TOP - 6)
                    .append("\" text-anchor=\"middle\">").append(Markup.escape(levels.get(c))).append("</text>\n");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + CELL * c + CELL / 2)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Markup.escape(levels.get(c)))
                    .append("</text>\n");
        }
        for (int t = 0; t < k; t++) {
            long rowTotal = 0;
            for (long v : counts[t]) {
                rowTotal += v;
            }
            for (int p = 0; p < k; p++) {
                double fraction = rowTotal == 0 ? 0 : (double) counts[t][p] / rowTotal;
                int x = LEFT + CELL * p;
                int y = TOP + CELL * t;
                svg.append("<rect class=\"cell\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"")
                        .append(CELL).append("\" height=\"").append(CELL).append("\" fill=\"").append(shade(fraction))
                        .append("\"><title>truth ").append(Markup.escape(levels.get(t))).append(", predicted ")
                        .append(Markup.escape(levels.get(p))).append(": ").append(counts[t][p]).append("</title></rect>");
                svg.append("<text class=\"count\" x=\"").append(x + CELL / 2).append("\" y=\"").append(y + CELL / 2)
                        .append("\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"")
                        .append(fraction > 0.5 ? "#ffffff" : "#000000").append("\">").append(counts[t][p])
                        .append("</text>\n");
            }
        }
        svg.append("<text class=\"caption\" x=\"").append(LEFT).append("\" y=\"").append(height - 12).append("\">")
                .append(Markup.escape(caption)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }

    /** White to dark blue as the fraction goes from 0 to 1. */
    public static String shade(double fraction) {
        int r = (int) Math.round(255 + (8 - 255) * fraction);
        int g = (int) Math.round(255 + (69 - 255) * fraction);
        int b = (int) Math.round(255 + (148 - 255) * fraction);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
