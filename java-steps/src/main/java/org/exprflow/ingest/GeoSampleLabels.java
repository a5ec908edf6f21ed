package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Target;

/**
 * Labels for GEO samples, shared by the series-matrix and SOFT readers. The label text comes from a
 * characteristics key ({@code --label-key "disease state"}; for GDS files a subset type) or from a
 * sample field ({@code --label-field title}), and is then mapped through {@code --label-map} rules
 * when any are given. GEO submitters describe samples inconsistently (GSE781's titles and source
 * names disagree for some samples), so exprflow never guesses which field holds the class.
 */
final class GeoSampleLabels {
    /** The name of the target that labels read from a data file get. */
    static final String TARGET_NAME = "label";

    private GeoSampleLabels() {
    }

    /** The normalised name of a GEO sample field: "!Sample_source_name_ch1" and "Source_Name_ch1" give "source_name_ch1". */
    static String fieldName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("!")) {
            n = n.substring(1);
        }
        if (n.startsWith("sample_")) {
            n = n.substring("sample_".length());
        }
        return n;
    }

    /**
     * The label target, or null when the user asked for no labels.
     *
     * @param fields per sample: normalised field name to text
     * @param keys   per sample: characteristics key (or GDS subset type) to value
     */
    static Target labels(Path file, List<Map<String, String>> fields, List<Map<String, String>> keys,
                         ReaderOptions options) {
        List<String> texts;
        String source;
        if (options.labelKey() != null) {
            texts = lookup(keys, options.labelKey().strip(), file, "characteristics key or subset type",
                    "--label-key");
            source = "key '" + options.labelKey() + "'";
        } else if (options.labelField() != null) {
            texts = lookup(fields, fieldName(options.labelField()), file, "sample field", "--label-field");
            source = "field '" + fieldName(options.labelField()) + "'";
        } else {
            if (!options.labelMap().isEmpty()) {
                throw UserException.badParameter("--label-map needs --label-key or --label-field to say which text to map");
            }
            return null;
        }
        List<String> labels = new ArrayList<>(texts.size());
        int unlabelled = 0;
        for (String text : texts) {
            String label = options.labelMap().isEmpty() ? text : options.labelMap().apply(text);
            if (label == null || label.isEmpty()) {
                unlabelled++;
                label = null;
            }
            labels.add(label);
        }
        if (unlabelled > 0) {
            Log.warn(unlabelled + " of " + texts.size() + " samples have no label from " + source
                    + (options.labelMap().isEmpty() ? "" : " (no value, or no --label-map rule matched)"));
        }
        return Target.nominal(TARGET_NAME, labels);
    }

    private static List<String> lookup(List<Map<String, String>> perSample, String key, Path file, String what,
                                       String option) {
        List<String> out = new ArrayList<>(perSample.size());
        boolean any = false;
        for (Map<String, String> m : perSample) {
            String v = m.get(key);
            if (v == null) {
                for (Map.Entry<String, String> e : m.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(key)) {
                        v = e.getValue();
                        break;
                    }
                }
            }
            any |= v != null;
            out.add(v);
        }
        if (!any) {
            Set<String> available = new LinkedHashSet<>();
            perSample.forEach(m -> available.addAll(m.keySet()));
            throw UserException.badParameter(option + " '" + key + "': no sample in " + file + " has that "
                    + what + "; available: " + (available.isEmpty() ? "none" : String.join(", ", available)));
        }
        return out;
    }
}
