package org.exprflow.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.stepfile.DgexSummary;
import org.exprflow.landmark.LandmarkFit;
import org.exprflow.landmark.LandmarkLearner;
import org.exprflow.landmark.TargetGroups;
import org.exprflow.plot.Markup;
import org.exprflow.plot.SvgScatterPlot;
import org.exprflow.stepfile.TargetMetricsTable;

/**
 * The landmark-to-target section (D-GEX), from the outputs of {@code exprflow landmark-summary}:
 * <ul>
 * <li>per evaluation set, the D-GEX table: every learner side by side with its mean MAE ± SD across
 * targets (z-score units), RMSE, Pearson r, the relative improvement over the baseline (linear
 * regression) and the number of targets it predicts better than the baseline; repeated per group
 * of targets when the summary has groups, with the lowest MAE of each group marked;</li>
 * <li>per target, the baseline's MAE against the best other learner's on the test set, coloured by
 * group: points below the diagonal are targets that learner predicts better.</li>
 * </ul>
 */
final class LandmarkSection {

    /** landmark-summary's outputs: the D-GEX summary, and the per-target table (with its groups) or null. */
    record Results(DgexSummary summary, TargetMetricsTable targets) {
    }

    private LandmarkSection() {
    }

    /**
     * The report's opening line: on the test set (else validation), all targets, whether the best
     * learner (lowest mean MAE, the baseline and the training mean aside) beats the baseline, by how much,
     * and the training mean's MAE as the floor, e.g. "Test samples, 40 targets: ridge:100 beats the
     * baseline linear: mean MAE 0.520 against 0.750 (30.7% lower), better on 35 of 40 targets; the training
     * mean's MAE is 0.980." Null without the baseline's line.
     */
    static String headline(Results results) {
        DgexSummary summary = results.summary();
        String baseline = summary.baseline();
        for (String set : List.of(LandmarkFit.TEST, LandmarkFit.VALIDATION)) {
            DgexSummary.Line base = baseline == null ? null : summary.line(set, DgexSummary.ALL, baseline);
            if (base == null || Double.isNaN(base.maeMean())) {
                continue;
            }
            DgexSummary.Line best = summary.lines().stream()
                    .filter(l -> l.set().equals(set) && l.group().equals(DgexSummary.ALL))
                    .filter(l -> !l.learner().equals(baseline) && !l.learner().equals(LandmarkLearner.MEAN) && !Double.isNaN(l.maeMean()))
                    .min((a, b) -> Double.compare(a.maeMean(), b.maeMean())).orElse(null);
            StringBuilder line = new StringBuilder(set.equals(LandmarkFit.TEST) ? "Test samples" : "Validation samples")
                    .append(", ").append(base.targets()).append(base.targets() == 1 ? " target: " : " targets: ");
            if (best == null) {
                line.append("the baseline <code>").append(Markup.escape(baseline)).append("</code> has mean MAE ")
                        .append(number(base.maeMean()));
            } else {
                boolean beats = best.maeMean() < base.maeMean();
                line.append("<code>").append(Markup.escape(best.learner())).append("</code> <strong>")
                        .append(beats ? "beats" : "does not beat").append("</strong> the baseline <code>")
                        .append(Markup.escape(baseline)).append("</code>: mean MAE ").append(number(best.maeMean()))
                        .append(" against ").append(number(base.maeMean()));
                if (base.maeMean() > 0) {
                    line.append(" (").append(Markup.fixed(100 * Math.abs(base.maeMean() - best.maeMean()) / base.maeMean(), 1))
                            .append("% ").append(beats ? "lower" : "higher").append(')');
                }
                line.append(", better on ").append(best.betterThanBaseline()).append(" of ").append(best.targets()).append(" targets");
            }
            DgexSummary.Line mean = summary.line(set, DgexSummary.ALL, LandmarkLearner.MEAN);
            if (mean != null && !baseline.equals(LandmarkLearner.MEAN) && !Double.isNaN(mean.maeMean())) {
                line.append("; the training mean's MAE is ").append(number(mean.maeMean()));
            }
            return line.append('.').toString();
        }
        return null;
    }

    /** The numbers of the opening line: three decimals (NA when undefined). */
    private static String number(double x) {
        return Markup.fixed(x, 3);
    }

    /** Lines for the run summary at the top of the page. */
    static Map<String, String> summaryRows(Results results) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        DgexSummary.Line base = results.summary().line(LandmarkFit.TEST, results.summary().baseline());
        if (base != null) {
            out.put("targets scored (test)", String.valueOf(base.targets()));
        }
        out.put("learners", String.join(", ", results.summary().lines().stream().map(DgexSummary.Line::learner).distinct().toList()));
        // ridge:auto chooses λ per target on the validation samples: the median and how many kept the mean.
        for (DgexSummary.Line l : results.summary().lines()) {
            if (l.set().equals(LandmarkFit.TEST) && l.group().equals(DgexSummary.ALL) && !Double.isNaN(l.targetsAtMean())) {
                out.put("λ chosen by " + l.learner(), "median " + ReadableNumbers.quantity(l.lambdaMedian())
                        + " on the validation samples; training mean kept for " + (long) l.targetsAtMean() + " of " + l.targets() + " targets");
            }
        }
        List<String> groups = results.summary().groups().stream().filter(g -> !g.equals(DgexSummary.ALL)).toList();
        if (!groups.isEmpty()) {
            out.put("target groups", String.join(", ", groups));
        }
        return out;
    }

    static String render(Results results) {
        DgexSummary summary = results.summary();
        TargetMetricsTable targets = results.targets();
        StringBuilder html = new StringBuilder("<section id=\"landmark\">\n<h2>Landmark-to-target inference (D-GEX)</h2>\n");
        html.append("<p class=\"note\">Errors are in z-score units of each target's training samples (D-GEX's units). ")
                .append("Relative improvement = (MAE<sub>").append(Markup.escape(summary.baseline())).append("</sub> − MAE) / MAE<sub>")
                .append(Markup.escape(summary.baseline())).append("</sub> on the mean MAEs across targets, as in D-GEX; ")
                .append("\"better\" counts the targets a learner predicts with a lower MAE than ")
                .append(Markup.escape(summary.baseline())).append(". The training mean (<code>mean</code>) is the floor.</p>\n");
        for (String set : List.of(LandmarkFit.TEST, LandmarkFit.VALIDATION)) {
            List<DgexSummary.Line> lines = summary.lines().stream().filter(l -> l.set().equals(set)).toList();
            if (!lines.isEmpty()) {
                table(html, set, lines, summary.groups());
            }
        }
        if (targets != null) {
            scatter(html, summary, targets, TargetGroups.of(targets.groupOf()));
        }
        return html.append("</section>\n").toString();
    }

    private static void table(StringBuilder html, String set, List<DgexSummary.Line> lines, List<String> groups) {
        html.append("<h3>").append(Markup.escape(set)).append(" samples</h3>\n<table class=\"landmark\">\n<thead><tr>")
                .append("<th>targets</th><th>learner</th><th>n</th><th>MAE ± SD</th><th>RMSE</th><th>Pearson r</th>")
                .append("<th>vs baseline</th><th>better than baseline</th></tr></thead>\n<tbody>\n");
        for (String group : groups) {
            List<DgexSummary.Line> inGroup = lines.stream().filter(l -> l.group().equals(group)).toList();
            double best = inGroup.stream().mapToDouble(DgexSummary.Line::maeMean).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
            for (DgexSummary.Line l : inGroup) {
                html.append(l.maeMean() == best ? "<tr class=\"best\">" : "<tr>")
                        .append("<td>").append(Markup.escape(group)).append("</td>")
                        .append("<td class=\"learner\">").append(Markup.escape(l.learner())).append("</td>")
                        .append("<td>").append(l.targets()).append("</td>")
                        .append("<td>").append(Markup.fixed(l.maeMean(), 4)).append(" ± ").append(Markup.fixed(l.maeSd(), 4)).append("</td>")
                        .append("<td>").append(Markup.fixed(l.rmseMean(), 4)).append("</td>")
                        .append("<td>").append(Markup.fixed(l.pearsonMean(), 3)).append("</td>")
                        .append("<td>").append(percent(l.relativeImprovement())).append("</td>")
                        .append("<td>").append(l.betterThanBaseline()).append(" of ").append(l.targets()).append("</td></tr>\n");
            }
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Per target on the test set: baseline MAE (x) against the best other learner's (y). */
    private static void scatter(StringBuilder html, DgexSummary summary, TargetMetricsTable targets, TargetGroups groups) {
        String baseline = summary.baseline();
        DgexSummary.Line bestLine = summary.lines().stream()
                .filter(l -> l.set().equals(LandmarkFit.TEST) && l.group().equals(DgexSummary.ALL))
                .filter(l -> !l.learner().equals(baseline) && !l.learner().equals(LandmarkLearner.MEAN) && !Double.isNaN(l.maeMean()))
                .min((a, b) -> Double.compare(a.maeMean(), b.maeMean())).orElse(null);
        if (bestLine == null || baseline == null) {
            return;
        }
        String best = bestLine.learner();
        Map<String, Double> baseMae = new HashMap<>();
        Map<String, Double> bestMae = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (TargetMetricsTable.Row r : targets.rows()) {
            if (!r.set().equals(LandmarkFit.TEST) || Double.isNaN(r.mae())) {
                continue;
            }
            if (r.learner().equals(baseline)) {
                baseMae.put(r.target(), r.mae());
                order.add(r.target()); // the table is sorted by target: a stable drawing order
            } else if (r.learner().equals(best)) {
                bestMae.put(r.target(), r.mae());
            }
        }
        List<String> groupNames = groups.groups();
        List<double[]> points = new ArrayList<>();
        List<Integer> colour = new ArrayList<>();
        for (String t : order) {
            Double y = bestMae.get(t);
            if (y != null && points.size() < RegressionSection.MAX_POINTS) {
                points.add(new double[] {baseMae.get(t), y});
                String g = groups.groupOf(t);
                colour.add(g == null ? groupNames.size() : groupNames.indexOf(g));
            }
        }
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        int[] g = groupNames.isEmpty() ? null : colour.stream().mapToInt(Integer::intValue).toArray();
        html.append("<div class=\"figures\"><figure>\n")
                .append(SvgScatterPlot.render(x, y, g, "MAE, " + baseline, "MAE, " + best,
                        "Test set, one point per target: below the diagonal, " + best + " is better"))
                .append("<figcaption>").append(points.size()).append(" targets (test set): MAE of <code>").append(Markup.escape(best))
                .append("</code>, the learner with the lowest mean MAE, against <code>").append(Markup.escape(baseline)).append("</code>.");
        if (g != null) {
            html.append(" Colours: ");
            for (int i = 0; i < groupNames.size(); i++) {
                html.append(i == 0 ? "" : ", ").append("<span style=\"color:").append(Markup.colour(i)).append("\">●</span> ")
                        .append(Markup.escape(groupNames.get(i)));
            }
            if (colour.contains(groupNames.size())) {
                html.append(", <span style=\"color:").append(Markup.colour(groupNames.size())).append("\">●</span> no group");
            }
            html.append('.');
        }
        html.append("</figcaption>\n</figure></div>\n");
    }

    private static String percent(double x) {
        return Double.isNaN(x) ? "NA" : (x > 0 ? "+" : "") + Markup.fixed(100 * x, 1) + "%";
    }
}
