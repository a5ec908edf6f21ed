package org.exprflow.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.core.UserException;

/**
 * The option ranges inside one learner's Weka command line, and the concrete learners they expand
 * to. A range stands where an option's value would, anywhere in the text (also inside a quoted
 * nested option such as a kernel's):
 * <ul>
 *   <li>{@code 2^[-5:5]}, {@code 10^[-4:0]}: powers of 2 or 10 over integer exponents, step 1
 *       ({@code 2^[-15:15:2]}: step 2; {@code 2^[-5,0,5]}: listed exponents);</li>
 *   <li>{@code [1:15:2]}: a linear range from the first to the second bound in steps of the third
 *       (default 1, or -1 when the first bound is the larger); bounds and step may be decimals;</li>
 *   <li>{@code [1,2,4,8]}: a list of values, kept in the order written (numbers or words).</li>
 * </ul>
 * Values are written as plain decimals computed exactly ({@link BigDecimal}: 2^-5 is "0.03125",
 * never "0.031250000000000003"), so an expanded learner is the same string on every machine, and
 * Weka then reports the value in its own canonical form ({@link WekaLearnerSpec#canonical}).
 * Expansion order is fixed: the first range varies slowest, each range's values in the order
 * written. Outside a range, '[' and ']' are refused, so a mistyped range never reaches Weka.
 */
public final class OptionRanges {
    /** Values one range may hold: ranges are expanded into memory, and the grid is capped far lower anyway. */
    static final int MAX_VALUES_PER_RANGE = 10_000;

    /** Exponents of a power range stay within this, so values stay ordinary doubles in Weka. */
    static final int MAX_EXPONENT = 100;

    /** An optional power base ("2^"), then a bracketed body without brackets. */
    private static final Pattern RANGE = Pattern.compile("(\\d+\\^)?\\[([^\\[\\]]*)\\]");

    /** An option name as Weka writes them: -C, -num-slots, after whitespace or an opening quote. */
    private static final Pattern OPTION = Pattern.compile("(?<=^|[\\s\"])-[A-Za-z][\\w.-]*");

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    /** One range: where it stands in the learner's text, the option it gives a value to, its values. */
    private record Range(int start, int end, String option, List<String> values) {
    }

    private final String text;
    private final List<Range> ranges;

    private OptionRanges(String text, List<Range> ranges) {
        this.text = text;
        this.ranges = List.copyOf(ranges);
    }

    /** True when the text holds something that looks like a range (for the steps that do not expand them). */
    public static boolean hasRange(String text) {
        return RANGE.matcher(text).find();
    }

    /**
     * Parses a learner's ranges. A malformed range is a usage error naming the learner and the
     * option, e.g. "--learner 'weka.classifiers.functions.SMO -C 2^[-5:x]': option -C: ...".
     */
    public static OptionRanges parse(String text) {
        List<Range> ranges = new ArrayList<>();
        Matcher m = RANGE.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            requireNoBracket(text, previousEnd, m.start());
            String option = optionBefore(text, m.start());
            requireWholeValue(text, m.start(), m.end(), option);
            String base = m.group(1) == null ? null : m.group(1).substring(0, m.group(1).length() - 1);
            List<String> values = values(text, option, base, m.group(2));
            ranges.add(new Range(m.start(), m.end(), option, values));
            previousEnd = m.end();
        }
        requireNoBracket(text, previousEnd, text.length());
        return new OptionRanges(text, ranges);
    }

    /** The learner as written, ranges included. */
    public String text() {
        return text;
    }

    /** True when the learner has no range: it is one candidate, exactly as written. */
    public boolean isFixed() {
        return ranges.isEmpty();
    }

    /** The number of concrete learners, saturating at {@link Long#MAX_VALUE}. */
    public long size() {
        long n = 1;
        for (Range r : ranges) {
            try {
                n = Math.multiplyExact(n, r.values().size());
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /**
     * The concrete learner at this index of the expansion order (first range slowest): the text
     * with each range replaced by one of its values.
     */
    public String learner(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        String[] chosen = new String[ranges.size()];
        long rest = index;
        for (int i = ranges.size() - 1; i >= 0; i--) {
            List<String> values = ranges.get(i).values();
            chosen[i] = values.get((int) (rest % values.size()));
            rest /= values.size();
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = 0; i < ranges.size(); i++) {
            out.append(text, from, ranges.get(i).start()).append(chosen[i]);
            from = ranges.get(i).end();
        }
        return out.append(text.substring(from)).toString();
    }

    private static UserException error(String text, String option, String problem) {
        return UserException.badParameter("--learner '" + text + "': "
                + (option == null ? "" : "option " + option + ": ") + problem);
    }

    private static void requireNoBracket(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '[' || c == ']') {
                throw error(text, optionBefore(text, i), "'" + c + "' at column " + (i + 1) + " is not part of a range "
                        + "such as 2^[-5:5], [1:15:2] or [1,2,4,8]");
            }
        }
    }

    /** The last option name before this column, for messages; null when there is none. */
    private static String optionBefore(String text, int column) {
        Matcher m = OPTION.matcher(text.substring(0, column));
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        return last;
    }

    /**
     * A range replaces a whole option value: "-C 2^[-5:5]", or inside a nested option
     * "\"...RBFKernel -G 2^[-9:0]\"". "-C2^[..]" or "x[1,2]" is refused rather than half-expanded.
     */
    private static void requireWholeValue(String text, int start, int end, String option) {
        boolean before = start > 0 && (Character.isWhitespace(text.charAt(start - 1)) || text.charAt(start - 1) == '"');
        boolean after = end == text.length() || Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '"'
                || text.charAt(end) == '\\';
        if (!before || !after) {
            throw error(text, option, "a range must be a whole option value, e.g. -C 2^[-5:5]; got '"
                    + text.substring(start, end) + "' inside a longer word");
        }
    }

    private static List<String> values(String text, String option, String base, String body) {
        String written = (base == null ? "" : base + "^") + "[" + body + "]";
        if (body.contains(":")) {
            String[] parts = body.split(":", -1);
            if (parts.length > 3) {
                throw error(text, option, written + " has more than 3 parts; write [from:to] or [from:to:step]");
            }
            return base == null ? linear(text, option, written, parts) : powers(text, option, written, base, parts);
        }
        List<String> items = new ArrayList<>();
        for (String item : body.split(",", -1)) {
            String value = item.strip();
            if (value.isEmpty()) {
                throw error(text, option, written + " has an empty value; write [1,2,4] or [from:to:step]");
            }
            if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\')) {
                throw error(text, option, written + ": value '" + value + "' holds a space or a quote");
            }
            items.add(base == null ? value : power(text, option, written, base, exponent(text, option, written, value)));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String v : items) {
            if (!seen.add(v)) {
                throw error(text, option, written + " lists the value " + v + " twice");
            }
        }
        return items;
    }

    private static List<String> linear(String text, String option, String written, String[] parts) {
        BigDecimal from = number(text, option, written, parts[0], "start");
        BigDecimal to = number(text, option, written, parts[1], "end");
        BigDecimal step = parts.length == 3 ? number(text, option, written, parts[2], "step")
                : BigDecimal.valueOf(from.compareTo(to) <= 0 ? 1 : -1);
        List<BigDecimal> values = steps(text, option, written, from, to, step);
        return values.stream().map(OptionRanges::plain).toList();
    }

    private static List<String> powers(String text, String option, String written, String base, String[] parts) {
        int from = exponent(text, option, written, parts[0]);
        int to = exponent(text, option, written, parts[1]);
        int step = parts.length == 3 ? exponent(text, option, written, parts[2]) : (from <= to ? 1 : -1);
        List<String> out = new ArrayList<>();
        for (BigDecimal e : steps(text, option, written, BigDecimal.valueOf(from), BigDecimal.valueOf(to),
                BigDecimal.valueOf(step))) {
            out.add(power(text, option, written, base, e.intValueExact()));
        }
        return out;
    }

    /** from, from + step, ... up to and including to (when the step lands on it). */
    private static List<BigDecimal> steps(String text, String option, String written, BigDecimal from, BigDecimal to,
                                          BigDecimal step) {
        if (step.signum() == 0) {
            throw error(text, option, written + ": the step must not be 0");
        }
        BigDecimal span = to.subtract(from);
        if (span.signum() != 0 && span.signum() != step.signum()) {
            throw error(text, option, written + ": the step " + plain(step) + " does not lead from " + plain(from)
                    + " to " + plain(to));
        }
        BigInteger count = span.divideToIntegralValue(step).toBigInteger().add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(MAX_VALUES_PER_RANGE)) > 0) {
            throw error(text, option, written + " holds " + count + " values, more than " + MAX_VALUES_PER_RANGE);
        }
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            values.add(from.add(step.multiply(BigDecimal.valueOf(i))));
        }
        return values;
    }

    private static BigDecimal number(String text, String option, String written, String part, String role) {
        String s = part.strip();
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw error(text, option, written + ": the " + role + " '" + s + "' is not a number");
        }
    }

    private static int exponent(String text, String option, String written, String part) {
        String s = part.strip();
        if (!INTEGER.matcher(s).matches()) {
            throw error(text, option, written + ": the exponent '" + s + "' is not a whole number");
        }
        int e;
        try {
            e = Integer.parseInt(s);
        } catch (NumberFormatException tooLong) {
            e = Integer.MAX_VALUE;
        }
        if (Math.abs((long) e) > MAX_EXPONENT) {
            throw error(text, option, written + ": the exponent " + s + " is outside -" + MAX_EXPONENT + ".." + MAX_EXPONENT);
        }
        return e;
    }

    /** base^e written exactly: 1/2^k and 1/10^k are finite decimals. Only 2 and 10 are bases. */
    private static String power(String text, String option, String written, String base, int e) {
        if (!base.equals("2") && !base.equals("10")) {
            throw error(text, option, written + ": the base " + base + " is not 2 or 10");
        }
        BigDecimal b = new BigDecimal(base);
        BigDecimal value = e >= 0 ? b.pow(e) : BigDecimal.ONE.divide(b.pow(-e));
        return plain(value);
    }

    /** "1.50" and "1.5" are the same value: no trailing zeros, never an exponent. */
    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
