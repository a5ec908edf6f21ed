package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;

/**
 * A parsed samplesheet: per sample id, its label columns and its other (annotation) columns, with
 * the line each sample came from so that mismatches can be reported at their line.
 */
public final class Samplesheet {
    private final Path file;
    private final List<String> sampleIds;
    private final List<Long> lines;
    private final Map<String, List<String>> labelColumns;
    private final Map<String, List<String>> annotationColumns;

    Samplesheet(Path file, List<String> sampleIds, List<Long> lines, Map<String, List<String>> labelColumns,
                Map<String, List<String>> annotationColumns) {
        this.file = file;
        this.sampleIds = List.copyOf(sampleIds);
        this.lines = List.copyOf(lines);
        this.labelColumns = labelColumns;
        this.annotationColumns = annotationColumns;
    }

    public List<String> sampleIds() {
        return sampleIds;
    }

    public Path file() {
        return file;
    }

    /** The line each sample's row is on, in row order. */
    public List<Long> lines() {
        return lines;
    }

    /** An annotation (non-label) column's values in row order, or null when there is none of that name. */
    public List<String> column(String name) {
        return annotationColumns.get(name);
    }

    /**
     * The same samplesheet without one annotation column: the file column of a per-sample import
     * names inputs, and a path is no annotation.
     */
    public Samplesheet withoutColumn(String name) {
        Map<String, List<String>> rest = new java.util.LinkedHashMap<>(annotationColumns);
        rest.remove(name);
        return new Samplesheet(file, sampleIds, lines, labelColumns, rest);
    }

    /**
     * The dataset with this samplesheet's labels as its targets (replacing any labels read from the
     * data file, one nominal target per label column) and its other columns added as annotations
     * (replacing data-file annotations of the same name). Data samples the samplesheet does not
     * name get no label and NA annotations, with one warning giving their count.
     *
     * @param allowExtraSamples when false, a samplesheet row naming a sample absent from the data is
     *                          an error at its line (usually a typo); when true such rows are
     *                          skipped with a warning (one samplesheet for several data files)
     */
    public Dataset applyTo(Dataset data, boolean allowExtraSamples) {
        int[] rowOfSample = new int[data.sampleCount()];
        java.util.Arrays.fill(rowOfSample, -1);
        int extra = 0;
        for (int r = 0; r < sampleIds.size(); r++) {
            int s = data.sampleIndex(sampleIds.get(r));
            if (s < 0) {
                if (!allowExtraSamples) {
                    throw UserException.badLine(file, lines.get(r), "sample '" + sampleIds.get(r)
                            + "' is not in the data file (pass --allow-extra-samples if the samplesheet covers "
                            + "other files too)");
                }
                extra++;
                continue;
            }
            rowOfSample[s] = r;
        }
        if (extra > 0) {
            Log.warn(extra + " samplesheet rows name samples that are not in the data file; they are ignored");
        }
        int unmatched = 0;
        for (int r : rowOfSample) {
            if (r < 0) {
                unmatched++;
            }
        }
        if (unmatched > 0) {
            Log.warn(unmatched + " of " + data.sampleCount() + " samples are not in samplesheet " + file
                    + ": they get no label");
        }
        List<Target> targets = new ArrayList<>();
        labelColumns.forEach((name, values) -> targets.add(Target.nominal(name, reorder(values, rowOfSample))));
        Map<String, List<String>> annotations = new LinkedHashMap<>(data.annotations());
        annotationColumns.forEach((name, values) -> annotations.put(name, reorder(values, rowOfSample)));
        return data.withTargets(targets).withAnnotations(annotations);
    }

    private static List<String> reorder(List<String> values, int[] rowOfSample) {
        List<String> out = new ArrayList<>(rowOfSample.length);
        for (int r : rowOfSample) {
            String v = r < 0 ? null : values.get(r);
            out.add(v == null || v.isEmpty() ? null : v);
        }
        return out;
    }
}
