package org.exprflow.ingest;

/**
 * How a reader finds labels and which part of a file it reads.
 *
 * @param labelKey       GEO characteristics key ("disease state") or, for GDS files, subset type
 * @param labelField     GEO sample field ("title", "source_name_ch1", ...) used as the label text
 * @param labelMap       rules mapping the key's or field's text to labels (empty: text is the label)
 * @param platform       GEO platform to read from a multi-platform SOFT file (null: the largest)
 * @param classAttribute ARFF attribute holding the class (null: the last nominal attribute)
 */
public record ReaderOptions(String labelKey, String labelField, LabelMap labelMap, String platform,
                            String classAttribute) {

    public static ReaderOptions defaults() {
        return new ReaderOptions(null, null, LabelMap.none(), null, null);
    }

    public ReaderOptions {
        labelMap = labelMap == null ? LabelMap.none() : labelMap;
    }
}
