package org.exprflow.report;

import static org.exprflow.stepfile.MetricsJson.*;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;

/**
 * How the CV folds were made (stratified, grouped by which column, or leave-one-batch-out) and, when
 * evaluate knew the batches, the held-out accuracy per batch, with a statement when ComBat's
 * own-batch fallback adjusted held-out batches that training never saw; and, when evaluate was told,
 * what the training fits did about unequal class sizes (--imbalance).
 */
final class BatchSection {
    private BatchSection() {
    }

    static boolean present(JsonNode metrics) {
        return metrics.has(CV_SCHEME) || metrics.has(BATCHES) || metrics.has(IMBALANCE);
    }

    /** What the training fits did about unequal class sizes (train's --imbalance), in a sentence. */
    static String imbalanceText(String handling) {
        return switch (handling) {
            case "none" -> "not adjusted (--imbalance none): every training sample counted once; the inner folds chose "
                    + "by balanced accuracy.";
            case "weights" -> "each fit's training samples were weighted by the inverse frequency of their class among "
                    + "those samples (--imbalance weights); held-out samples were scored unweighted.";
            case "smote" -> "SMOTE topped up the smaller classes of each fit with synthetic samples made from that fit's "
                    + "training samples only (--imbalance smote, Weka's SMOTE filter); held-out samples were never "
                    + "oversampled.";
            default -> handling;
        };
    }

    static String render(JsonNode metrics) {
        StringBuilder html = new StringBuilder("<section id=\"folds\">\n<h2>Folds and batches</h2>\n");
        JsonNode scheme = metrics.path(CV_SCHEME);
        if (scheme.isObject()) {
            String kind = scheme.path(CV_SCHEME_KIND).asText();
            String column = scheme.path(CV_GROUP_COLUMN).asText(null);
            String text = switch (kind) {
                case "stratified" -> "Stratified by class: every fold holds about the same share of each class.";
                case "grouped" -> "Grouped by '" + column + "': all samples with one value of it fall in the same fold "
                        + "(stratified by class as far as the groups allow).";
                case "leave_one_batch_out" -> "Leave-one-batch-out: each fold holds out one whole batch (column '"
                        + column + "'), so every held-out sample comes from a batch the model never saw in training.";
                default -> kind;
            };
            html.append("<p class=\"cv-scheme\">How the folds were made: ").append(Markup.escape(text)).append("</p>\n");
        }
        if (metrics.has(IMBALANCE)) {
            html.append("<p class=\"imbalance\">Class imbalance: ").append(Markup.escape(imbalanceText(
                    metrics.path(IMBALANCE).asText()))).append("</p>\n");
        }
        JsonNode batches = metrics.path(BATCHES);
        if (batches.isObject()) {
            html.append("<h3>Held-out accuracy by batch</h3>\n<table class=\"by-batch\">\n<thead><tr><th>batch</th>"
                    + "<th>samples</th><th>predictions</th><th>accuracy</th><th>balanced accuracy</th></tr></thead>\n<tbody>\n");
            for (JsonNode b : batches.path(BY_BATCH)) {
                html.append("<tr><td>").append(Markup.escape(b.path(BATCH).asText())).append("</td><td>")
                        .append(b.path(SAMPLES).asInt()).append("</td><td>").append(b.path(PREDICTIONS).asInt())
                        .append("</td><td>").append(Markup.fixed(JsonFile.number(b, ACCURACY), 3)).append("</td><td>")
                        .append(Markup.fixed(JsonFile.number(b, BALANCED_ACCURACY), 3)).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
            int unseen = batches.path(UNSEEN_IN_TRAINING).size();
            if (batches.path(OWN_BATCH_FALLBACK).asBoolean(false)) {
                html.append("<p class=\"fallback\"><strong>ComBat's own-batch fallback was used:</strong> in ").append(unseen)
                        .append(" (fold, batch) pair(s) the held-out batch had no training sample, so ComBat moved it onto "
                                + "the training pool with its own location and scale per gene, estimated from its samples' "
                                + "expression values alone (no labels). This is honest, but it removes class signal when the "
                                + "batch is confounded with the class (see the QC batch × class table).</p>\n");
            } else if (unseen > 0) {
                html.append("<p class=\"unseen\">In ").append(unseen)
                        .append(" (fold, batch) pair(s) the held-out batch had no training sample.</p>\n");
            }
        }
        return html.append("</section>\n").toString();
    }
}
