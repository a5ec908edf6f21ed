package org.exprflow.plot;

import java.util.List;

/**
 * A learning curve: balanced accuracy (y) against the number of training samples (x), one point per
 * training-set size joined by a line, with its interval drawn as a shaded band, and the ZeroR
 * baseline as a dashed horizontal line. The x axis starts at 0 so the sizes read in proportion; the
 * y axis spans the intervals and the baseline, up to 1. Styles are attributes of the elements, so the
 * plot needs no stylesheet.
 */
public final class SvgLearningCurvePlot {
    /** One training-set size; {@code low}/{@code high} are NaN when there is no interval. */
    public record Point(double trainingSamples, double balancedAccuracy, double low, double high) {
    }

    private static final int WIDTH = 360;
    private static final int HEIGHT = 240;
    private static final int LEFT = 55;
    private static final int TOP = 15;
    private static final int RIGHT_MARGIN = 110;
    private static final String COLOUR = Markup.PALETTE.get(0);

    private SvgLearningCurvePlot() {
    }

    /** @param zeroR the baseline's balanced accuracy, NaN for none */
    public static String render(List<Point> points, double zeroR, String caption) {
        int width = LEFT + WIDTH + RIGHT_MARGIN;
        int height = TOP + HEIGHT + 60;
        double xMax = 0;
        double yMin = 1;
        for (Point p : points) {
            xMax = Math.max(xMax, p.trainingSamples());
            yMin = Math.min(yMin, finite(p.low(), p.balancedAccuracy()));
            yMin = Math.min(yMin, p.balancedAccuracy());
        }
        if (!Double.isNaN(zeroR)) {
            yMin = Math.min(yMin, zeroR);
        }
        // Down to the tenth strictly below the lowest value, so the band never touches the frame.
        yMin = Math.max(0, Math.floor(yMin * 10 - 1e-9) / 10);
        SvgAxis x = new SvgAxis(0, xMax * 1.05, LEFT, LEFT + WIDTH);
        SvgAxis y = new SvgAxis(yMin, 1, TOP + HEIGHT, TOP);
        StringBuilder svg = PlotFrame.open("plot learning-curve", width, height, caption);
        PlotFrame.grid(svg, x, x.ticks(6), y, y.ticks(5), LEFT, TOP, WIDTH, HEIGHT);
        svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"none\" stroke=\"#555\"/>\n");
        band(svg, points, x, y);
        if (!Double.isNaN(zeroR)) {
            svg.append("<line class=\"baseline\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + WIDTH)
                    .append("\" y1=\"").append(Markup.coord(y.pixel(zeroR))).append("\" y2=\"")
                    .append(Markup.coord(y.pixel(zeroR))).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
        }
        svg.append("<polyline class=\"curve\" fill=\"none\" stroke=\"").append(COLOUR).append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            svg.append(i == 0 ? "" : " ").append(Markup.coord(x.pixel(p.trainingSamples()))).append(',')
                    .append(Markup.coord(y.pixel(p.balancedAccuracy())));
        }
        svg.append("\"/>\n");
        for (Point p : points) {
            svg.append("<circle class=\"curve-point\" cx=\"").append(Markup.coord(x.pixel(p.trainingSamples())))
                    .append("\" cy=\"").append(Markup.coord(y.pixel(p.balancedAccuracy()))).append("\" r=\"3.5\" fill=\"")
                    .append(COLOUR).append("\"><title>").append(Markup.fixed(p.trainingSamples(), 1))
                    .append(" training samples: balanced accuracy ").append(Markup.fixed(p.balancedAccuracy(), 3))
                    .append("</title></circle>\n");
        }
        PlotFrame.axisLabels(svg, LEFT, TOP, WIDTH, HEIGHT, "training samples per outer fold (mean)", "balanced accuracy (held out)");
        legend(svg, LEFT + WIDTH + 12, !Double.isNaN(zeroR));
        return PlotFrame.close(svg, LEFT, height, caption);
    }

    /** The interval band: the upper bounds left to right, then the lower bounds back. */
    private static void band(StringBuilder svg, List<Point> points, SvgAxis x, SvgAxis y) {
        if (points.stream().anyMatch(p -> Double.isNaN(p.low()) || Double.isNaN(p.high()))) {
            return;
        }
        svg.append("<polygon class=\"band\" fill=\"").append(COLOUR).append("\" fill-opacity=\"0.18\" stroke=\"none\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            svg.append(i == 0 ? "" : " ").append(Markup.coord(x.pixel(p.trainingSamples()))).append(',')
                    .append(Markup.coord(y.pixel(p.high())));
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            Point p = points.get(i);
            svg.append(' ').append(Markup.coord(x.pixel(p.trainingSamples()))).append(',')
                    .append(Markup.coord(y.pixel(p.low())));
        }
        svg.append("\"/>\n");
    }

    private static void legend(StringBuilder svg, int lx, boolean baseline) {
        int ly = TOP + 10;
        svg.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 20).append("\" y1=\"").append(ly)
                .append("\" y2=\"").append(ly).append("\" stroke=\"").append(COLOUR).append("\" stroke-width=\"2\"/>")
                .append("<text class=\"legend\" x=\"").append(lx + 26).append("\" y=\"").append(ly)
                .append("\" dominant-baseline=\"middle\">model</text>\n");
        ly += 20;
        svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly - 6).append("\" width=\"20\" height=\"12\" fill=\"")
                .append(COLOUR).append("\" fill-opacity=\"0.18\"/><text class=\"legend\" x=\"").append(lx + 26)
                .append("\" y=\"").append(ly).append("\" dominant-baseline=\"middle\">95% interval</text>\n");
        if (baseline) {
            ly += 20;
            svg.append("<line x1=\"").append(lx).append("\" x2=\"").append(lx + 20).append("\" y1=\"").append(ly)
                    .append("\" y2=\"").append(ly).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>")
                    .append("<text class=\"legend\" x=\"").append(lx + 26).append("\" y=\"").append(ly)
                    .append("\" dominant-baseline=\"middle\">ZeroR</text>\n");
        }
    }

    private static double finite(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }
}
