package org.exprflow.plot;

import java.util.List;

/**
 * Samples on two principal components: one dot per sample in its class's colour, samples that QC
 * flagged as outliers drawn as a diamond with a black outline (so they stand out whatever their
 * class), and a legend of the classes and the outlier symbol to the right. Points are drawn in the
 * order given (the caller's sample order), so the bytes follow from the input.
 */
public final class SvgPcaPlot {
    private static final int SIZE = 340;
    private static final int LEFT = 60;
    private static final int TOP = 15;
    private static final int LEGEND = 190;

    /**
     * @param group per sample, the class index into {@code groups} (and {@link Markup#colour}); -1 for none
     * @param flagged per sample, whether QC flagged it as an outlier
     */
    public record Points(List<String> labels, double[] x, double[] y, int[] group, boolean[] flagged,
                         List<String> groups) {
    }

    private SvgPcaPlot() {
    }

    public static String render(Points p, String xLabel, String yLabel, String caption) {
        int width = LEFT + SIZE + 20 + LEGEND;
        int height = TOP + SIZE + 60;
        SvgAxis x = new SvgAxis(min(p.x()) - pad(p.x()), max(p.x()) + pad(p.x()), LEFT, LEFT + SIZE);
        SvgAxis y = new SvgAxis(min(p.y()) - pad(p.y()), max(p.y()) + pad(p.y()), TOP + SIZE, TOP);
        StringBuilder svg = PlotFrame.open("plot pca", width, height, caption);
        PlotFrame.grid(svg, x, x.ticks(6), y, y.ticks(6), LEFT, TOP, SIZE, SIZE);
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(SIZE).append("\" height=\"").append(SIZE).append("\"/>\n");
        for (int i = 0; i < p.x().length; i++) {
            String fill = p.group()[i] < 0 ? "#999999" : Markup.colour(p.group()[i]);
            String title = "<title>" + Markup.escape(p.labels().get(i))
                    + (p.group()[i] < 0 ? "" : " (" + Markup.escape(p.groups().get(p.group()[i])) + ")")
                    + (p.flagged()[i] ? ", QC outlier" : "") + "</title>";
            svg.append(marker(x.pixel(p.x()[i]), y.pixel(p.y()[i]), fill, p.flagged()[i], title)).append('\n');
        }
        PlotFrame.axisLabels(svg, LEFT, TOP, SIZE, SIZE, Markup.escape(xLabel), Markup.escape(yLabel));
        int legendX = LEFT + SIZE + 20;
        for (int g = 0; g < p.groups().size(); g++) {
            int ly = TOP + 10 + 20 * g;
            svg.append(marker(legendX + 6, ly, Markup.colour(g), false, "")).append("<text class=\"legend\" x=\"")
                    .append(legendX + 18).append("\" y=\"").append(ly).append("\" dominant-baseline=\"middle\">")
                    .append(Markup.escape(p.groups().get(g))).append("</text>\n");
        }
        boolean anyFlagged = false;
        for (boolean f : p.flagged()) {
            anyFlagged |= f;
        }
        int ly = TOP + 10 + 20 * p.groups().size();
        svg.append(marker(legendX + 6, ly, "#ffffff", true, "")).append("<text class=\"legend\" x=\"").append(legendX + 18)
                .append("\" y=\"").append(ly).append("\" dominant-baseline=\"middle\">QC outlier")
                .append(anyFlagged ? "" : " (none)").append("</text>\n");
        return PlotFrame.close(svg, LEFT, height, caption);
    }

    /** A dot, or for a flagged sample a diamond with a black outline. */
    private static String marker(double cx, double cy, String fill, boolean flagged, String title) {
        if (flagged) {
            double r = 6;
            return "<path class=\"outlier\" d=\"M" + Markup.coord(cx) + " " + Markup.coord(cy - r) + " L" + Markup.coord(cx + r)
                    + " " + Markup.coord(cy) + " L" + Markup.coord(cx) + " " + Markup.coord(cy + r) + " L"
                    + Markup.coord(cx - r) + " " + Markup.coord(cy) + " Z\" fill=\"" + fill
                    + "\" stroke=\"#000000\" stroke-width=\"1.5\">" + title + "</path>";
        }
        return "<circle cx=\"" + Markup.coord(cx) + "\" cy=\"" + Markup.coord(cy) + "\" r=\"4\" fill=\"" + fill
                + "\" fill-opacity=\"0.8\" stroke=\"#ffffff\" stroke-width=\"0.5\">" + title + "</circle>";
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return v.length == 0 ? 0 : m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return v.length == 0 ? 1 : m;
    }

    /** 5% of the range, so no point sits on the frame. */
    private static double pad(double[] v) {
        return (max(v) - min(v)) * 0.05;
    }
}
