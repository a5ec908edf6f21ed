package org.exprflow.plot;

import java.util.List;
import java.util.Locale;

/**
 * An expression heatmap: one row per gene, one column per sample, each cell the gene's value in that
 * sample on a diverging scale (blue below zero, white at zero, red above; clamped at
 * +-{@value #LIMIT}, the usual range of z-scores; NA in grey). A coloured bar above the columns gives
 * each sample's class, with a legend of classes and a colour key. The caller orders rows and columns;
 * this class only draws them, in the order given, so the bytes follow from the input.
 *
 * <p>(Not {@link SvgHeatmap}, which draws a confusion matrix of counts shaded by row fraction.)
 */
public final class SvgExpressionHeatmap {
    /** Values beyond +-LIMIT get the end colours. */
    public static final double LIMIT = 3;
    private static final int ROW = 12;
    private static final int TOP = 34;
    private static final int CLASS_BAR = 10;
    private static final int KEY = 170;

    /**
     * @param rowLabels    one per row (gene symbol or probe id)
     * @param columnLabels one per column (sample id), drawn rotated below the cells when they fit
     * @param columnGroup  per column, its class's index into {@code groups} (and into {@link Markup#colour})
     * @param values       values[row][column], NaN for NA
     */
    public record Data(List<String> rowLabels, List<String> columnLabels, int[] columnGroup, List<String> groups,
                       double[][] values) {
    }

    private SvgExpressionHeatmap() {
    }

    public static String render(Data data, String xLabel, String yLabel, String valueLabel, String caption) {
        int rows = data.rowLabels().size();
        int columns = data.columnLabels().size();
        int longestRow = data.rowLabels().stream().mapToInt(String::length).max().orElse(0);
        int left = 30 + (int) Math.ceil(7 * longestRow);
        double cell = Math.max(3, Math.min(14, 720.0 / Math.max(1, columns)));
        boolean columnNames = cell >= 8;
        int longestColumn = columnNames ? data.columnLabels().stream().mapToInt(String::length).max().orElse(0) : 0;
        double cellsTop = TOP + CLASS_BAR + 4;
        double cellsBottom = cellsTop + ROW * rows;
        double labelsBottom = cellsBottom + (columnNames ? 8 + Math.ceil(5.5 * longestColumn) : 4);
        double plotRight = left + cell * columns;
        int width = (int) Math.ceil(plotRight + 20 + KEY);
        int height = (int) Math.ceil(Math.max(labelsBottom + 48, cellsTop + 40 + 18 * (data.groups().size() + 3)));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot heatmap\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Markup.escape(caption)).append("\">\n");
        // the class of each sample, as a bar above its column
        for (int c = 0; c < columns; c++) {
            int g = data.columnGroup()[c];
            svg.append("<rect class=\"class-bar\" x=\"").append(Markup.coord(left + cell * c)).append("\" y=\"").append(TOP)
                    .append("\" width=\"").append(Markup.coord(cell)).append("\" height=\"").append(CLASS_BAR)
                    .append("\" fill=\"").append(g < 0 ? "#cccccc" : Markup.colour(g)).append("\"><title>")
                    .append(Markup.escape(data.columnLabels().get(c))).append(": ")
                    .append(g < 0 ? "no class" : Markup.escape(data.groups().get(g))).append("</title></rect>\n");
        }
        for (int r = 0; r < rows; r++) {
            double y = cellsTop + ROW * r;
            svg.append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(Markup.coord(y + ROW / 2.0))
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(Markup.escape(data.rowLabels().get(r))).append("</text>");
            for (int c = 0; c < columns; c++) {
                double v = data.values()[r][c];
                svg.append("<rect x=\"").append(Markup.coord(left + cell * c)).append("\" y=\"").append(Markup.coord(y))
                        .append("\" width=\"").append(Markup.coord(cell)).append("\" height=\"").append(ROW)
                        .append("\" fill=\"").append(colour(v)).append("\"><title>")
                        .append(Markup.escape(data.rowLabels().get(r))).append(", ")
                        .append(Markup.escape(data.columnLabels().get(c))).append(": ").append(Markup.fixed(v, 2))
                        .append("</title></rect>");
            }
            svg.append('\n');
        }
        svg.append("<rect class=\"frame\" x=\"").append(left).append("\" y=\"").append(Markup.coord(cellsTop))
                .append("\" width=\"").append(Markup.coord(cell * columns)).append("\" height=\"").append(ROW * rows)
                .append("\"/>\n");
        if (columnNames) {
            for (int c = 0; c < columns; c++) {
                svg.append("<text class=\"sample-label\" transform=\"translate(")
                        .append(Markup.coord(left + cell * (c + 0.5) + 3)).append(' ').append(Markup.coord(cellsBottom + 5))
                        .append(") rotate(-90)\" text-anchor=\"end\">").append(Markup.escape(data.columnLabels().get(c)))
                        .append("</text>\n");
            }
        }
        svg.append("<text class=\"axis-label\" x=\"").append(Markup.coord((left + plotRight) / 2)).append("\" y=\"")
                .append(Markup.coord(labelsBottom + 14)).append("\" text-anchor=\"middle\">").append(Markup.escape(xLabel))
                .append("</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(12 ").append(Markup.coord((cellsTop + cellsBottom) / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Markup.escape(yLabel)).append("</text>\n");
        key(svg, plotRight + 20, cellsTop, data.groups(), valueLabel);
        svg.append("<text class=\"caption\" x=\"").append(8).append("\" y=\"").append(height - 8).append("\">")
                .append(Markup.escape(caption)).append("</text>\n");
        return svg.append("</svg>\n").toString();
    }

    /** The class legend, then the colour key: a bar from -LIMIT to +LIMIT with three ticks. */
    private static void key(StringBuilder svg, double x, double top, List<String> groups, String valueLabel) {
        svg.append("<text class=\"legend\" x=\"").append(Markup.coord(x)).append("\" y=\"").append(Markup.coord(top))
                .append("\" dominant-baseline=\"middle\">class</text>\n");
        for (int g = 0; g < groups.size(); g++) {
            double y = top + 18 * (g + 1);
            svg.append("<rect x=\"").append(Markup.coord(x)).append("\" y=\"").append(Markup.coord(y - 5))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(Markup.colour(g))
                    .append("\"/><text class=\"legend\" x=\"").append(Markup.coord(x + 16)).append("\" y=\"")
                    .append(Markup.coord(y)).append("\" dominant-baseline=\"middle\">").append(Markup.escape(groups.get(g)))
                    .append("</text>\n");
        }
        double keyTop = top + 18 * (groups.size() + 1) + 10;
        svg.append("<text class=\"legend\" x=\"").append(Markup.coord(x)).append("\" y=\"").append(Markup.coord(keyTop))
                .append("\" dominant-baseline=\"middle\">").append(Markup.escape(valueLabel)).append("</text>\n");
        int steps = 24;
        double w = 120.0 / steps;
        for (int i = 0; i < steps; i++) {
            double v = -LIMIT + (2 * LIMIT) * (i + 0.5) / steps;
            svg.append("<rect x=\"").append(Markup.coord(x + w * i)).append("\" y=\"").append(Markup.coord(keyTop + 10))
                    .append("\" width=\"").append(Markup.coord(w + 0.3)).append("\" height=\"10\" fill=\"").append(colour(v))
                    .append("\"/>");
        }
        svg.append('\n');
        for (double t : new double[] {-LIMIT, 0, LIMIT}) {
            double px = x + 120 * (t + LIMIT) / (2 * LIMIT);
            svg.append("<text class=\"tick\" x=\"").append(Markup.coord(px)).append("\" y=\"").append(Markup.coord(keyTop + 34))
                    .append("\" text-anchor=\"middle\">").append(t > 0 ? "+" : t < 0 ? "\u2212" : "")
                    .append(Markup.fixed(Math.abs(t), 0)).append("</text>");
        }
        svg.append("<rect x=\"").append(Markup.coord(x)).append("\" y=\"").append(Markup.coord(keyTop + 44))
                .append("\" width=\"10\" height=\"10\" fill=\"#bdbdbd\"/><text class=\"legend\" x=\"")
                .append(Markup.coord(x + 16)).append("\" y=\"").append(Markup.coord(keyTop + 49))
                .append("\" dominant-baseline=\"middle\">NA</text>\n");
    }

    /** Blue (#2166ac) at -LIMIT, white at 0, red (#b2182b) at +LIMIT; grey for NA. */
    public static String colour(double v) {
        if (Double.isNaN(v)) {
            return "#bdbdbd";
        }
        double t = Math.max(-1, Math.min(1, v / LIMIT));
        int[] end = t < 0 ? new int[] {0x21, 0x66, 0xac} : new int[] {0xb2, 0x18, 0x2b};
        double a = Math.abs(t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(end[0], a), mix(end[1], a), mix(end[2], a));
    }

    private static int mix(int to, double a) {
        return (int) Math.round(255 + (to - 255) * a);
    }
}
