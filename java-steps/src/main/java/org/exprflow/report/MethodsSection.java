package org.exprflow.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.plot.Markup;
import org.exprflow.stepfile.MetricsJson;

/**
 * "Methods": a paragraph a reader can paste into a paper, written from this run's own records,
 * never as fixed text: the per-value normalisation as the normalise step recorded it, the
 * cross-sample transforms and the candidates as the final model recorded them (the description of
 * {@code exprflow inspect}), the outer folds, the bootstrap and the permutation test as evaluate's
 * metrics JSON recorded them, and the versions from the provenance JSON. A step the run did not use
 * is not mentioned, and only the references the text cites are listed.
 */
final class MethodsSection {
    /** The works the paragraph may cite: key, in-text citation, entry. */
    static final Map<String, String[]> REFERENCES = new LinkedHashMap<>();

    static {
        REFERENCES.put("varma", new String[] {"Varma and Simon 2006",
            "Varma S, Simon R. Bias in error estimation when using cross-validation for model selection. BMC Bioinformatics. 2006;7:91."});
        REFERENCES.put("hastie", new String[] {"Hastie, Tibshirani and Friedman 2009",
            "Hastie T, Tibshirani R, Friedman J. The Elements of Statistical Learning. 2nd ed. Springer; 2009. Section 7.10."});
        REFERENCES.put("efron", new String[] {"Efron and Tibshirani 1993",
            "Efron B, Tibshirani RJ. An Introduction to the Bootstrap. Chapman &amp; Hall; 1993."});
        REFERENCES.put("ojala", new String[] {"Ojala and Garriga 2010",
            "Ojala M, Garriga GC. Permutation tests for studying classifier performance. J Mach Learn Res. 2010;11:1833-1863."});
        REFERENCES.put("weka", new String[] {"Hall et al. 2009",
            "Hall M, Frank E, Holmes G, Pfahringer B, Reutemann P, Witten IH. The WEKA data mining software: an update. SIGKDD Explorations. 2009;11(1):10-18."});
        REFERENCES.put("bolstad", new String[] {"Bolstad et al. 2003",
            "Bolstad BM, Irizarry RA, Astrand M, Speed TP. A comparison of normalization methods for high density oligonucleotide array data based on variance and bias. Bioinformatics. 2003;19(2):185-193."});
        REFERENCES.put("combat", new String[] {"Johnson, Li and Rabinovic 2007",
            "Johnson WE, Li C, Rabinovic A. Adjusting batch effects in microarray expression data using empirical Bayes methods. Biostatistics. 2007;8(1):118-127."});
        REFERENCES.put("tmm", new String[] {"Robinson and Oshlack 2010",
            "Robinson MD, Oshlack A. A scaling normalization method for differential expression analysis of RNA-seq data. Genome Biology. 2010;11:R25."});
        REFERENCES.put("filter", new String[] {"Chen, Lun and Smyth 2016",
            "Chen Y, Lun ATL, Smyth GK. From reads to genes to pathways: differential expression analysis of RNA-Seq experiments using Rsubread and the edgeR quasi-likelihood pipeline. F1000Research. 2016;5:1438."});
        REFERENCES.put("vst", new String[] {"Love, Huber and Anders 2014",
            "Love MI, Huber W, Anders S. Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2. Genome Biology. 2014;15:550."});
    }

    /** What each cross-sample transform does, in the paragraph's words, and the reference it cites (or null). */
    private static final Map<String, String[]> TRANSFORMS = Map.of(
            "standardise", new String[] {"each sample standardised to mean 0 and standard deviation 1 over its features", null},
            "zscore", new String[] {"each feature z-scored with the training samples' mean and standard deviation", null},
            "quantile", new String[] {"quantile normalisation to the training samples' mean quantiles", "bolstad"},
            "combat", new String[] {"ComBat batch correction (parametric)", "combat"},
            "combat_np", new String[] {"ComBat batch correction (non-parametric)", "combat"},
            "combat_mean", new String[] {"ComBat batch correction (mean only)", "combat"},
            "filter_expr", new String[] {"edgeR's filterByExpr filter of lowly expressed genes", "filter"},
            "tmm_logcpm", new String[] {"TMM normalisation to log counts per million", "tmm"},
            "deseq_vst", new String[] {"DESeq2's variance-stabilising transformation", "vst"});

    private static final Pattern CANDIDATE = Pattern.compile("^(.*?) \\| top-k (\\S+)$");

    private MethodsSection() {
    }

    /** A methods paragraph needs at least the metrics of evaluate or the final model. */
    static boolean present(JsonNode metrics, JsonNode model) {
        return metrics != null || model != null;
    }

    static String render(JsonNode metrics, JsonNode model, List<JsonNode> normalise, JsonNode provenance) {
        Set<String> cited = new LinkedHashSet<>();
        List<String> sentences = new ArrayList<>();
        preprocessing(sentences, normalise);
        JsonNode config = model == null ? null : JsonFile.object(model, "chosen_configuration");
        if (model != null) {
            transforms(sentences, model, cited);
        }
        nestedCv(sentences, metrics, model, config, cited);
        software(sentences, model, provenance, cited);
        if (model != null) {
            finalModel(sentences, model, config);
        }
        if (metrics != null) {
            evaluation(sentences, metrics, cited);
        }
        StringBuilder html = new StringBuilder("<section id=\"methods\">\n<h2>Methods</h2>\n<p class=\"methods\">")
                .append(String.join(" ", sentences)).append("</p>\n");
        if (!cited.isEmpty()) {
            html.append("<ol class=\"references\">\n");
            cited.forEach(k -> html.append("<li>").append(REFERENCES.get(k)[1]).append("</li>\n"));
            html.append("</ol>\n");
        }
        return html.append("<p class=\"note\">Written from this run's own records (normalise summary, final model,"
                + " metrics, provenance); check it against your protocol before you use it.</p>\n</section>\n").toString();
    }

    private static String cite(Set<String> cited, String key) {
        cited.add(key);
        return REFERENCES.get(key)[0];
    }

    /** The per-value step, for the training data (the first summary) and any test data. */
    private static void preprocessing(List<String> sentences, List<JsonNode> normalise) {
        if (normalise == null) {
            return;
        }
        for (JsonNode s : normalise) {
            String dataset = Markup.escape(JsonFile.string(s, "dataset"));
            String log2 = JsonFile.string(s, "log2");
            String size = " (" + ReadableNumbers.count(JsonFile.number(s, "samples")) + " samples × "
                    + ReadableNumbers.count(JsonFile.number(s, "features")) + " features)";
            if (log2 != null && log2.startsWith("skipped")) {
                sentences.add("The counts of " + dataset + size + " were not transformed per value.");
                continue;
            }
            List<String> steps = new ArrayList<>();
            double floor = JsonFile.number(s, "floor");
            double ceiling = JsonFile.number(s, "ceiling");
            if (!Double.isNaN(floor)) {
                steps.add("values below " + ReadableNumbers.quantity(floor) + " were raised to it ("
                        + ReadableNumbers.count(JsonFile.number(s, "values_floored")) + " values)");
            }
            if (!Double.isNaN(ceiling)) {
                steps.add("values above " + ReadableNumbers.quantity(ceiling) + " were lowered to it ("
                        + ReadableNumbers.count(JsonFile.number(s, "values_ceilinged")) + " values)");
            }
            String mode = JsonFile.string(s, "log2_mode");
            if ("applied".equals(log2)) {
                steps.add("values were log2-transformed" + ("auto".equals(mode) ? " (chosen by GEO2R's rule)" : ""));
            } else if (log2 != null && log2.startsWith("not applied:")) {
                steps.add("log2 was not taken because " + ReadableNumbers.count(JsonFile.number(s, "values_non_positive_log2_refused"))
                        + " values were at or below zero");
            } else if (log2 != null && !"never".equals(mode)) {
                steps.add("values were kept on their scale (log2 not applied by GEO2R's rule)");
            } else if (log2 != null) {
                steps.add("values were kept on their scale");
            }
            double madeNa = JsonFile.number(s, "values_made_na");
            if (madeNa > 0) {
                steps.add(ReadableNumbers.count(madeNa) + " values at or below zero became missing under log2");
            }
            if (!steps.isEmpty()) {
                sentences.add("Per value, before any split, in " + dataset + size + ": " + String.join("; ", steps) + ".");
            }
        }
    }

    /** The cross-sample transforms and the feature ranking, as the final model recorded them. */
    private static void transforms(List<String> sentences, JsonNode model, Set<String> cited) {
        List<String> parts = new ArrayList<>();
        for (JsonNode t : JsonFile.list(model, "transforms")) {
            String name = JsonFile.string(t, "name");
            String[] known = TRANSFORMS.get(name);
            parts.add(known == null ? "the " + Markup.escape(name) + " transform"
                    : known[0] + (known[1] == null ? "" : " (" + cite(cited, known[1]) + ")"));
        }
        List<String> ks = new ArrayList<>(new LinkedHashSet<>(candidates(model).values()));
        if (ks.isEmpty()) {
            double k = JsonFile.number(JsonFile.object(model, "chosen_configuration"), "top_k");
            if (!Double.isNaN(k)) {
                ks.add(ReadableNumbers.count(k));
            }
        }
        boolean ranked = ks.stream().anyMatch(k -> !k.equals("0"));
        String text = "Everything fitted across samples was fitted on the training samples of each fit only and applied"
                + " unchanged to its held-out samples: " + (parts.isEmpty() ? "no cross-sample transform" : String.join(", then ", parts));
        if (ranked) {
            text += "; then the features were ranked by the one-way ANOVA F statistic on the same training samples and the"
                    + " top k kept (k " + (ks.size() == 1 ? "= " + kText(ks.get(0))
                            : "∈ {" + String.join(", ", ks.stream().map(MethodsSection::kText).toList()) + "}") + ")";
        }
        sentences.add(text + ".");
    }

    /** Candidate (learner) -> its k, in grid order, from the final model's inner-CV scores. */
    private static Map<String, String> candidates(JsonNode model) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode s : JsonFile.list(model, "inner_cv_scores")) {
            String c = JsonFile.string(s, "candidate");
            Matcher m = c == null ? null : CANDIDATE.matcher(c);
            if (m != null && m.matches()) {
                out.put(c, m.group(2));
            }
        }
        return out;
    }

    private static void nestedCv(List<String> sentences, JsonNode metrics, JsonNode model, JsonNode config, Set<String> cited) {
        JsonNode folds = metrics == null ? null : JsonFile.object(JsonFile.object(JsonFile.object(metrics, MetricsJson.SETS_KEY), "cv"), "model");
        folds = folds == null ? null : JsonFile.object(folds, MetricsJson.FOLDS);
        double count = folds == null ? Double.NaN : JsonFile.number(folds, MetricsJson.COUNT);
        double candidates = config == null ? Double.NaN : JsonFile.number(config, "candidates");
        boolean selection = candidates > 1;
        if (!Double.isNaN(count)) {
            int repeats = Math.max(1, JsonFile.list(folds, MetricsJson.REPEATS).size());
            long perRepeat = Math.round(count / repeats);
            JsonNode scheme = JsonFile.object(metrics, MetricsJson.CV_SCHEME);
            String kind = JsonFile.string(scheme, MetricsJson.CV_SCHEME_KIND);
            String group = JsonFile.string(scheme, "group_column");
            String outer = "leave_one_batch_out".equals(kind) ? "leave-one-batch-out cross-validation (" + perRepeat + " folds, one per batch)"
                    : ("grouped".equals(kind) ? "grouped " : "stratified ") + perRepeat + "-fold cross-validation"
                            + (repeats > 1 ? " repeated " + repeats + " times" : "")
                            + ("grouped".equals(kind) && group != null ? " (the samples of one " + Markup.escape(group)
                                    + " always in the same fold)" : "");
            sentences.add("Performance was estimated by " + (selection ? "nested cross-validation (" + cite(cited, "varma") + ")"
                    + " with an outer " : "") + outer + ".");
        }
        if (config == null) {
            return;
        }
        if (!selection) {
            String candidate = JsonFile.string(config, "candidate");
            sentences.add("A single configuration" + (candidate == null ? "" : ", " + Markup.escape(candidate)
                    + " with k = " + kLabel(JsonFile.number(config, "top_k")) + ",")
                    + " was fitted on each training set, so no inner selection took place.");
            return;
        }
        Map<String, String> grid = candidates(model);
        Set<String> learners = new LinkedHashSet<>();
        Set<String> ks = new LinkedHashSet<>();
        grid.forEach((c, k) -> {
            Matcher m = CANDIDATE.matcher(c);
            if (m.matches()) {
                learners.add(m.group(1));
            }
            ks.add(k);
        });
        String search = JsonFile.string(config, "search");
        String rule = JsonFile.string(config, "selection_rule");
        String what = ReadableNumbers.count(candidates) + " candidate configurations"
                + (learners.isEmpty() ? "" : " (learners {" + String.join("; ", learners.stream().map(Markup::escape).toList())
                        + "}" + (ks.isEmpty() ? "" : " × k ∈ {" + String.join(", ", ks.stream().map(MethodsSection::kText).toList()) + "}") + ")")
                + (search != null && !"grid".equals(search) ? ", drawn by " + Markup.escape(search) : "");
        double innerRepeats = JsonFile.number(config, "inner_repeats");
        String inner = "an inner " + kLabel(JsonFile.number(config, "inner_folds")) + "-fold cross-validation"
                + (innerRepeats > 1 ? " repeated " + kLabel(innerRepeats) + " times" : "");
        String choice = "one_se".equals(rule)
                ? "by the one-standard-error rule (" + cite(cited, "hastie") + "): the first candidate in grid order whose mean"
                        + " inner balanced accuracy was within one standard error of the best"
                : "best".equals(rule) ? "as the one with the best mean inner balanced accuracy"
                : "by the rule " + Markup.escape(String.valueOf(rule));
        sentences.add("In every training set, " + what + " were scored by " + inner + " on that set's samples only, and one was chosen "
                + choice + ".");
    }

    /** A k as recorded (text): "0" is every feature. */
    private static String kText(String k) {
        return k.equals("0") ? "all" : k;
    }

    private static String kLabel(double k) {
        return Double.isNaN(k) ? "NA" : k == 0 ? "all" : ReadableNumbers.count(k);
    }

    private static void software(List<String> sentences, JsonNode model, JsonNode provenance, Set<String> cited) {
        List<JsonNode> weka = provenance == null ? List.of() : JsonFile.list(JsonFile.object(provenance, "software"), "weka");
        String wekaVersion = !weka.isEmpty() ? weka.get(0).asText()
                : model == null ? null : JsonFile.string(JsonFile.object(model, "versions"), "weka");
        if (wekaVersion == null && model == null) {
            return;
        }
        String exprflow = provenance == null ? null : JsonFile.string(provenance, "pipeline_version");
        String nextflow = provenance == null ? null : JsonFile.string(provenance, "nextflow_version");
        sentences.add("The classifiers are those of Weka" + (wekaVersion == null ? "" : " " + Markup.escape(wekaVersion))
                + " (" + cite(cited, "weka") + "), run by exprflow" + (exprflow == null ? "" : " " + Markup.escape(exprflow))
                + (nextflow == null ? "" : " under Nextflow " + Markup.escape(nextflow)) + ".");
    }

    private static void finalModel(List<String> sentences, JsonNode model, JsonNode config) {
        String candidate = JsonFile.string(config, "candidate");
        if (candidate == null) {
            return;
        }
        double samples = JsonFile.number(JsonFile.object(model, "training_data"), "samples");
        String imbalance = JsonFile.string(config, "imbalance");
        String calibration = JsonFile.string(config, "calibration");
        double seed = JsonFile.number(config, "seed");
        sentences.add("The final model was chosen and fitted the same way on all " + ReadableNumbers.count(samples)
                + " training samples: " + Markup.escape(candidate) + " with k = " + kLabel(JsonFile.number(config, "top_k"))
                + (imbalance != null && !"none".equals(imbalance) ? ", class imbalance handled by " + Markup.escape(imbalance)
                        + " inside every fit" : "")
                + (calibration != null && !"none".equals(calibration) ? ", probabilities calibrated (" + Markup.escape(calibration) + ")" : "")
                + (Double.isNaN(seed) ? "" : "; random seed " + ReadableNumbers.count(seed)) + ".");
    }

    private static void evaluation(List<String> sentences, JsonNode metrics, Set<String> cited) {
        JsonNode model = JsonFile.object(JsonFile.object(JsonFile.object(metrics, MetricsJson.SETS_KEY), "cv"), "model");
        if (model.isEmpty()) {
            model = JsonFile.object(JsonFile.object(JsonFile.object(metrics, MetricsJson.SETS_KEY), "test"), "model");
        }
        if (model.isEmpty()) {
            return;
        }
        sentences.add("Performance is the balanced accuracy (mean recall over classes) of the pooled held-out predictions,"
                + " beside ZeroR, which always predicts the majority class of its training set.");
        double testSamples = JsonFile.number(JsonFile.object(JsonFile.object(JsonFile.object(metrics, MetricsJson.SETS_KEY), "test"),
                "model"), MetricsJson.SAMPLES);
        if (testSamples > 0 && JsonFile.object(JsonFile.object(metrics, MetricsJson.SETS_KEY), "cv").has("model")) {
            sentences.add("The final model was then scored on " + ReadableNumbers.count(testSamples)
                    + " test samples that took no part in training or selection.");
        }
        JsonNode interval = JsonFile.object(model, MetricsJson.INTERVAL);
        double replicates = JsonFile.number(interval, MetricsJson.REPLICATES);
        if (!Double.isNaN(replicates)) {
            double level = JsonFile.number(interval, MetricsJson.LEVEL);
            sentences.add("Intervals are " + (Double.isNaN(level) ? "" : Markup.fixed(100 * level, 0) + "% ")
                    + "percentile bootstrap intervals (" + cite(cited, "efron") + ") over the pooled held-out predictions, "
                    + ReadableNumbers.count(replicates) + " replicates.");
        }
        JsonNode permutation = JsonFile.object(model, MetricsJson.PERMUTATION);
        double n = JsonFile.number(permutation, MetricsJson.COUNT);
        double repeats = JsonFile.number(permutation, MetricsJson.PERMUTATION_REPEATS);
        if (n > 0 && repeats >= 1) {
            // the permutations reran fewer outer repeats than the CV estimate pools: say which statistic p is for
            sentences.add("Significance was tested by rerunning the whole procedure on the first "
                    + (repeats == 1 ? "outer repeat" : ReadableNumbers.count(repeats) + " outer repeats") + " for each of "
                    + ReadableNumbers.count(n) + " random permutations of the class labels, p = (1 + number of permutations "
                    + "scoring at least the observed balanced accuracy of the same " + (repeats == 1 ? "repeat" : "repeats")
                    + ", " + ReadableNumbers.score(JsonFile.number(permutation, MetricsJson.PERMUTATION_OBSERVED))
                    + ") / (N + 1) (" + cite(cited, "ojala") + ").");
        } else if (n > 0) {
            sentences.add("Significance was tested by rerunning the whole procedure on " + ReadableNumbers.count(n)
                    + " random permutations of the class labels, p = (1 + number of permutations scoring at least the"
                    + " observed balanced accuracy) / (N + 1) (" + cite(cited, "ojala") + ").");
        } else {
            sentences.add("No permutation test was run.");
        }
    }
}
