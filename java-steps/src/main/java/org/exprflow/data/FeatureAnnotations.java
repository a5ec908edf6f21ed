package org.exprflow.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named string columns with one value per feature (null = not known), kept beside the feature ids:
 * a gene symbol for an Ensembl id, a gene length, a description. They travel with the dataset
 * through every step (subsetting features subsets them too), so whatever reports a feature can
 * name its gene. Column names are free; the well-known ones are constants here so that readers and
 * writers agree on them.
 */
public final class FeatureAnnotations {
    /** Gene symbol (HGNC for human), e.g. the {@code gene_name} column of nf-core/rnaseq. */
    public static final String SYMBOL = "symbol";
    /** Ensembl gene id, when the feature id is something else. */
    public static final String ENSEMBL = "ensembl";
    /** Entrez gene id. */
    public static final String ENTREZ = "entrez";
    /** Free-text description. */
    public static final String DESCRIPTION = "description";
    /** Feature length in bases (featureCounts' Length column). */
    public static final String LENGTH = "length";

    public static final FeatureAnnotations NONE = new FeatureAnnotations(Map.of(), 0);

    private final Map<String, List<String>> columns;

    /**
     * @param columns column name to one value per feature (copied; order kept)
     * @param featureCount the number of features every column must have
     */
    public FeatureAnnotations(Map<String, List<String>> columns, int featureCount) {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        columns.forEach((name, values) -> {
            if (values.size() != featureCount) {
                throw new IllegalArgumentException("feature annotation " + name + " has " + values.size()
                        + " values for " + featureCount + " features");
            }
            copy.put(name, Collections.unmodifiableList(new ArrayList<>(values)));
        });
        this.columns = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** Column name to values, in insertion order. */
    public Map<String, List<String>> columns() {
        return columns;
    }

    /** The column, or null when there is none of that name. */
    public List<String> column(String name) {
        return columns.get(name);
    }

    /** The symbol of feature j, or null when the dataset has no symbol column or none for j. */
    public String symbol(int feature) {
        List<String> symbols = columns.get(SYMBOL);
        return symbols == null ? null : symbols.get(feature);
    }

    /** The given features, in the given order. */
    public FeatureAnnotations subset(int[] features) {
        if (columns.isEmpty()) {
            return new FeatureAnnotations(Map.of(), features.length);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        columns.forEach((name, values) -> {
            List<String> sub = new ArrayList<>(features.length);
            for (int f : features) {
                sub.add(values.get(f));
            }
            out.put(name, sub);
        });
        return new FeatureAnnotations(out, features.length);
    }

    /** These columns checked against a dataset of featureCount features. */
    FeatureAnnotations requireSize(int featureCount) {
        for (Map.Entry<String, List<String>> e : columns.entrySet()) {
            if (e.getValue().size() != featureCount) {
                throw new IllegalArgumentException("feature annotation " + e.getKey() + " has " + e.getValue().size()
                        + " values for " + featureCount + " features");
            }
        }
        return this;
    }
}
