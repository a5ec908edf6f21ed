package org.exprflow.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the report's HTML in tests: its plots by SVG class, and counts of a fragment. */
final class ReportHtml {
    private ReportHtml() {
    }

    /** The SVG plots whose class attribute is exactly {@code svgClass} (e.g. "plot", "plot scatter"), in page order. */
    static List<String> plots(String html, String svgClass) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg class=\"" + Pattern.quote(svgClass) + "\".*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** How often {@code part} occurs in {@code text}, overlaps included. */
    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
