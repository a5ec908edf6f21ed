package org.exprflow.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;

/**
 * The batch of each sample (scan date, lab, run): the annotation {@value #ANNOTATION} of a dataset.
 * Import copies the samplesheet column chosen by {@code --batch-column} into it, so every later step
 * (split, QC, the model's ComBat, evaluate) finds the batches under one name and needs no option.
 */
public final class Batches {
    /** The annotation that holds each sample's batch. */
    public static final String ANNOTATION = "batch";

    private Batches() {
    }

    /** Each sample's batch (null where a sample has none), or null when the dataset has no batches. */
    public static String[] of(Dataset data) {
        List<String> column = data.annotation(ANNOTATION);
        return column == null ? null : column.toArray(new String[0]);
    }

    /**
     * Each sample's batch, refusing a dataset without batches or a sample without one.
     *
     * @param why what needs the batches, for the error message (e.g. "--transforms combat")
     */
    public static String[] require(Dataset data, String why) {
        String[] batches = of(data);
        if (batches == null) {
            throw UserException.unsuitable(why + " needs the batch of every sample, and '" + data.name()
                    + "' has none: give the samplesheet a batch column (import --batch-column, default '"
                    + ANNOTATION + "')");
        }
        for (int i = 0; i < batches.length; i++) {
            if (batches[i] == null || batches[i].isEmpty()) {
                throw UserException.unsuitable(why + " needs the batch of every sample; sample '" + data.sampleId(i)
                        + "' of '" + data.name() + "' has none");
            }
        }
        return batches;
    }

    /**
     * The dataset with the annotation {@code column} copied to {@value #ANNOTATION} (a no-op when
     * the column is already that one).
     *
     * @param required true when the user named the column: its absence is then an error
     */
    public static Dataset fromColumn(Dataset data, String column, boolean required) {
        List<String> values = data.annotation(column);
        if (values == null) {
            if (required) {
                throw UserException.badParameter("--batch-column '" + column + "' is not a samplesheet column of '"
                        + data.name() + "'; columns: " + data.annotations().keySet());
            }
            return data;
        }
        if (column.equals(ANNOTATION)) {
            return data;
        }
        Map<String, List<String>> annotations = new LinkedHashMap<>(data.annotations());
        annotations.put(ANNOTATION, values);
        return data.withAnnotations(annotations);
    }
}
