package org.exprflow.plot;


/**
 * A linear mapping from data values to pixel positions with "nice" tick values (1, 2 or 5 times a
 * power of ten), shared by the plots so that their axes look alike.
 */
public final class SvgAxis {
    private final double min;
    private final double max;
    private final double from;
    private final double to;

    /** Maps [min, max] onto pixels [from, to] (to may be below from, as for a y axis). */
    public SvgAxis(double min, double max, double from, double to) {
        if (!(max > min)) {
            // A constant range still needs a visible scale.
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        this.min = min;
        this.max = max;
        this.from = from;
        this.to = to;
    }

    double pixel(double value) {
        return from + (value - min) / (max - min) * (to - from);
    }

    /** Tick values inside [min, max], about {@code target} of them. */
    double[] ticks(int target) {
        double raw = (max - min) / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double first = Math.ceil(min / step) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(n, 0)];
        for (int i = 0; i < out.length; i++) {
            // Multiplying (not accumulating) avoids drift such as 0.30000000000000004.
            out[i] = Math.round((first + i * step) / step) * step;
        }
        return out;
    }

    /** A tick label with as many decimals as the tick step needs. */
    public static String label(double value, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        int digits = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return Markup.fixed(value, digits);
    }
}
