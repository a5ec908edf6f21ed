package org.exprflow.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.exprflow.core.UserException;

/**
 * Ordered {@code REGEX=LABEL} rules that turn free-text GEO fields (titles, source names) into class
 * labels. A rule matches when its regular expression is found anywhere in the text; the first
 * matching rule wins, so specific rules go before general ones. Text no rule matches stays
 * unlabelled. The text is split at the last '=', so a regex may itself contain '='.
 */
public final class LabelMap {
    private record Rule(Pattern pattern, String label) {
    }

    private final List<Rule> rules;

    private LabelMap(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static LabelMap parse(List<String> specs) {
        List<Rule> rules = new ArrayList<>();
        if (specs != null) {
            for (String spec : specs) {
                int eq = spec.lastIndexOf('=');
                if (eq <= 0 || eq == spec.length() - 1) {
                    throw UserException.badParameter("--label-map '" + spec + "' must be REGEX=LABEL");
                }
                try {
                    rules.add(new Rule(Pattern.compile(spec.substring(0, eq)), spec.substring(eq + 1)));
                } catch (PatternSyntaxException e) {
                    throw UserException.badParameter("--label-map '" + spec + "': bad regular expression: "
                            + e.getDescription());
                }
            }
        }
        return new LabelMap(rules);
    }

    public static LabelMap none() {
        return new LabelMap(List.of());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The label of the first rule whose pattern is found in the text; null when none matches. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        for (Rule r : rules) {
            if (r.pattern().matcher(text).find()) {
                return r.label();
            }
        }
        return null;
    }
}
