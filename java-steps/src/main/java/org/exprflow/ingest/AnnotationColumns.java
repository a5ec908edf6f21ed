package org.exprflow.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exprflow.data.FeatureAnnotations;

/**
 * Feature annotations keyed by feature id, as a GEO platform table or a {@code --feature-annotation}
 * table gives them, and the header names that say which column is which. GEO's annotated platforms
 * name them {@code Gene Symbol}, {@code ENTREZ_GENE_ID}, {@code Gene Title}; submitter tables and
 * GPL annotation files use {@code GENE_SYMBOL}, {@code Symbol}, {@code gene_name}, {@code Entrez}, and
 * so on. Matching ignores case, spaces, hyphens and underscores. Empty cells and GEO's {@code ---}
 * are unknown; a probe listed on several rows (one per gene) keeps every distinct value, joined with
 * {@code " /// "} as GEO joins them.
 */
final class AnnotationColumns {
    /** Normalised header name to annotation column. */
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String n : List.of("symbol", "genesymbol", "genename", "hgncsymbol", "genesymbols")) {
            NAMES.put(n, FeatureAnnotations.SYMBOL);
        }
        for (String n : List.of("entrez", "entrezgeneid", "entrezid", "entrezgene")) {
            NAMES.put(n, FeatureAnnotations.ENTREZ);
        }
        for (String n : List.of("ensembl", "ensemblid", "ensemblgeneid", "ensemblgene")) {
            NAMES.put(n, FeatureAnnotations.ENSEMBL);
        }
        for (String n : List.of("description", "genetitle", "genedescription", "definition")) {
            NAMES.put(n, FeatureAnnotations.DESCRIPTION);
        }
    }

    /** The annotation column a header names (symbol, entrez, ensembl, description), or null. */
    static String columnOf(String header) {
        String n = header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
        return NAMES.get(n);
    }

    /** Annotation column to (feature id to value), in the order the columns were first seen. */
    private final Map<String, Map<String, String>> values = new LinkedHashMap<>();

    void add(String column, String featureId, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.equals("---")) {
            return;
        }
        values.computeIfAbsent(column, c -> new HashMap<>()).merge(featureId, v,
                (a, b) -> List.of(a.split(" /// ")).contains(b) ? a : a + " /// " + b);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The columns found, for these feature ids (null where a feature has no value). */
    FeatureAnnotations forFeatures(List<String> featureIds) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        values.forEach((column, byId) -> {
            List<String> col = new ArrayList<>(featureIds.size());
            for (String id : featureIds) {
                col.add(byId.get(id));
            }
            columns.put(column, col);
        });
        return new FeatureAnnotations(columns, featureIds.size());
    }

    /** How many of these features have a value in the column. */
    int count(String column, List<String> featureIds) {
        Map<String, String> byId = values.getOrDefault(column, Map.of());
        int n = 0;
        for (String id : featureIds) {
            n += byId.containsKey(id) ? 1 : 0;
        }
        return n;
    }

    /**
     * The given annotations with these columns laid over them: a feature's value from here replaces
     * the existing one; a feature without one here keeps what it had.
     */
    static FeatureAnnotations overlay(FeatureAnnotations base, FeatureAnnotations top, int featureCount) {
        Map<String, List<String>> columns = new LinkedHashMap<>(base.columns());
        top.columns().forEach((name, values) -> {
            List<String> under = base.column(name);
            List<String> merged = new ArrayList<>(values.size());
            for (int j = 0; j < values.size(); j++) {
                String v = values.get(j);
                merged.add(v != null ? v : under == null ? null : under.get(j));
            }
            columns.put(name, merged);
        });
        return new FeatureAnnotations(columns, featureCount);
    }
}
