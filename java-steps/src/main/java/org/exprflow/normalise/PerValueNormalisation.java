package org.exprflow.normalise;

import java.util.Locale;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;

/**
 * The per-value part of normalisation: optional floor and ceiling, then an optional log2. Each value
 * is transformed on its own, using no information from other samples (apart from the scale
 * detection below, which only decides whether to log), so this may run before the train/test split.
 *
 * <p>Order and units: floor and ceiling are in the units of the input and are applied first (e.g.
 * {@code --floor 1} on MAS5 intensities before log2, or {@code --floor 3} on data already in log2).
 * NA stays NA.
 *
 * <p>log2 of values at or below zero: such values become NA, and their number is logged as a
 * warning. This is what GEO2R does ({@code ex[which(ex <= 0)] <- NaN}) and what limma users expect;
 * inventing a pseudo-count would silently change the data. To keep those values instead, give a
 * positive {@code --floor}: flooring happens before the log, so nothing is lost.
 *
 * <p>{@link Log2Mode#AUTO} applies GEO2R's rule ({@link LogScaleCheck}) to the input values and logs
 * the decision with the quantiles it was based on. It never turns a noticeable part of the matrix
 * into NA: when more than {@link #AUTO_MAX_NON_POSITIVE} of the values would be at or below zero
 * after the floor (MAS4 average differences, cDNA differences: 15 to 33% of some public ARFF sets),
 * auto keeps the values on their linear scale and says why and what to give instead (a positive
 * --floor with --log2 always). An explicit {@code --log2 always} keeps GEO2R's behaviour.
 */
public final class PerValueNormalisation {

    /** When to take log2. */
    public enum Log2Mode {
        AUTO, ALWAYS, NEVER;

        /** Parses auto|always|never (any case); anything else is a bad parameter. */
        public static Log2Mode parse(String text) {
            for (Log2Mode m : values()) {
                if (m.name().equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
            throw UserException.badParameter("--log2 must be auto, always or never, got '" + text + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What was done, for the log, the step's summary and tests. {@code log2SkippedNonPositive} is the
     * number of values at or below zero that made auto keep the linear scale (0 when it did not).
     */
    public record Result(double[][] values, long floored, long ceilinged, boolean log2Applied,
                         long nonPositiveToNa, LogScaleCheck scaleCheck, long log2SkippedNonPositive) {
    }

    /** The largest share of values at or below zero (after the floor) for which --log2 auto takes the log. */
    public static final double AUTO_MAX_NON_POSITIVE = 0.01;

    private static final double LN2 = Math.log(2);

    private final double floor;
    private final double ceiling;
    private final Log2Mode log2;

    /**
     * @param floor   lower clamp in input units, or null for none
     * @param ceiling upper clamp in input units, or null for none
     */
    public PerValueNormalisation(Double floor, Double ceiling, Log2Mode log2) {
        if (floor != null && !Double.isFinite(floor)) {
            throw UserException.badParameter("--floor must be a finite number, got " + floor);
        }
        if (ceiling != null && !Double.isFinite(ceiling)) {
            throw UserException.badParameter("--ceiling must be a finite number, got " + ceiling);
        }
        if (floor != null && ceiling != null && floor > ceiling) {
            throw UserException.badParameter("--floor " + floor + " is above --ceiling " + ceiling);
        }
        this.floor = floor == null ? Double.NEGATIVE_INFINITY : floor;
        this.ceiling = ceiling == null ? Double.POSITIVE_INFINITY : ceiling;
        this.log2 = log2;
    }

    /** Returns new rows; the input is not modified. */
    public Result apply(double[][] rows) {
        LogScaleCheck check = null;
        boolean takeLog = log2 == Log2Mode.ALWAYS;
        if (log2 == Log2Mode.AUTO) {
            check = LogScaleCheck.of(rows);
            takeLog = check.needsLog();
            if (takeLog) {
                Log.info("data look linear (" + check.figures() + "): applying log2");
            } else {
                Log.info("data look log-scaled (" + check.figures() + "): not transforming");
            }
        }
        long blocking = 0;
        if (log2 == Log2Mode.AUTO && takeLog) {
            long values = 0;
            for (double[] row : rows) {
                for (double x : row) {
                    if (!Double.isNaN(x)) {
                        values++;
                        if (Math.max(x, floor) <= 0) {
                            blocking++;
                        }
                    }
                }
            }
            if (blocking > AUTO_MAX_NON_POSITIVE * values) {
                takeLog = false;
                Log.warn("log2 not applied: " + blocking + " of " + values + " values ("
                        + String.format(Locale.ROOT, "%.1f", 100.0 * blocking / values) + "%) are <= 0 and would become "
                        + "NA; the values stay on their linear scale. To log them, give a positive --floor (in the "
                        + "input's units) with --log2 always");
            } else {
                blocking = 0;
            }
        }
        long floored = 0;
        long ceilinged = 0;
        long nonPositive = 0;
        double[][] out = new double[rows.length][];
        for (int s = 0; s < rows.length; s++) {
            double[] row = rows[s];
            double[] result = new double[row.length];
            for (int f = 0; f < row.length; f++) {
                double x = row[f];
                if (Double.isNaN(x)) {
                    result[f] = x;
                    continue;
                }
                if (x < floor) {
                    x = floor;
                    floored++;
                } else if (x > ceiling) {
                    x = ceiling;
                    ceilinged++;
                }
                if (takeLog) {
                    if (x <= 0) {
                        x = Double.NaN;
                        nonPositive++;
                    } else {
                        x = log2(x);
                    }
                }
                result[f] = x;
            }
            out[s] = result;
        }
        if (floored > 0) {
            Log.info(floored + " values raised to the floor " + floor);
        }
        if (ceilinged > 0) {
            Log.info(ceilinged + " values lowered to the ceiling " + ceiling);
        }
        if (nonPositive > 0) {
            Log.warn(nonPositive + " values were <= 0 and became NA under log2; give a positive --floor to keep them");
        }
        return new Result(out, floored, ceilinged, takeLog, nonPositive, check, blocking);
    }

    /**
     * log2 of a positive finite value, exact for powers of two (as C's log2 used by R), which
     * Math.log(x) / Math.log(2) is not (log2(8) would come out as 2.9999999999999996).
     */
    static double log2(double x) {
        if (x < Double.MIN_NORMAL || Double.isInfinite(x)) {
            return Math.log(x) / LN2;
        }
        int exponent = Math.getExponent(x);
        double mantissa = Math.scalb(x, -exponent);
        return exponent + Math.log(mantissa) / LN2;
    }
}
