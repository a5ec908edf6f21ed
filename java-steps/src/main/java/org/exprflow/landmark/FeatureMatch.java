package org.exprflow.landmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;

/**
 * Which dataset columns are landmarks and which are targets, matched by id of one type (probe,
 * symbol, Ensembl...). Listed ids absent from the dataset are counted, not fatal: D-GEX's maps name
 * probes of the whole HG-U133 family and a GPL96 study lacks some. An id that occurs in several
 * dataset columns is ambiguous (which probe is "the" gene?) and is left out and counted, never
 * guessed. A gene listed as both landmark and target stays a landmark: predicting an input from
 * itself would inflate every metric.
 *
 * @param landmarkColumns dataset columns of the landmarks, in list order
 * @param targetColumns   dataset columns of the targets, in list order (dataset order without a list)
 */
public record FeatureMatch(FeatureIdType idType, int[] landmarkColumns, int[] targetColumns,
                           int landmarksListed, int landmarksAbsent, int landmarksAmbiguous,
                           int targetsListed, int targetsAbsent, int targetsAmbiguous, int targetsAlsoLandmarks) {

    /**
     * @param targets null: every feature that is not a landmark (ambiguous ids excluded)
     */
    public static FeatureMatch match(Dataset data, GeneList landmarks, GeneList targets, FeatureIdType idType) {
        return match(data.name(), data.featureIdType(), data.featureIds(), landmarks, targets, idType);
    }

    /** The same, from a dataset file's header alone: landmark-fit matches before it reads any value. */
    public static FeatureMatch match(DatasetFile.Header header, GeneList landmarks, GeneList targets, FeatureIdType idType) {
        return match(header.name(), header.featureIdType(), header.featureIds(), landmarks, targets, idType);
    }

    private static FeatureMatch match(String datasetName, FeatureIdType datasetIdType, List<String> featureIds,
                                      GeneList landmarks, GeneList targets, FeatureIdType idType) {
        Map<String, Integer> column = new HashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (int j = 0; j < featureIds.size(); j++) {
            if (column.putIfAbsent(featureIds.get(j), j) != null) {
                repeated.add(featureIds.get(j));
            }
        }
        Resolved lm = resolve(landmarks.ids(idType), column, repeated, Set.of());
        if (lm.columns.size() < 2) {
            throw UserException.unsuitable("only " + lm.columns.size() + " of " + lm.listed + " landmarks ("
                    + landmarks.file() + ") are " + idType.name().toLowerCase() + " ids of dataset '" + datasetName
                    + "' (it has " + datasetIdType.name().toLowerCase() + " ids, e.g. '"
                    + (featureIds.isEmpty() ? "" : featureIds.get(0)) + "'); check --id-type");
        }
        Set<Integer> landmarkSet = new LinkedHashSet<>(lm.columns);
        Resolved tg;
        if (targets == null) {
            List<String> rest = new ArrayList<>();
            for (int j = 0; j < featureIds.size(); j++) {
                String id = featureIds.get(j);
                if (!landmarkSet.contains(j) && !repeated.contains(id)) {
                    rest.add(id);
                }
            }
            tg = resolve(rest, column, repeated, landmarkSet);
        } else {
            tg = resolve(targets.ids(idType), column, repeated, landmarkSet);
        }
        if (tg.columns.isEmpty()) {
            throw UserException.unsuitable("none of the " + tg.listed + " targets" + (targets == null ? "" : " (" + targets.file() + ")")
                    + " is a feature of dataset '" + datasetName + "' apart from the landmarks");
        }
        return new FeatureMatch(idType, toArray(lm.columns), toArray(tg.columns), lm.listed, lm.absent, lm.ambiguous,
                tg.listed, tg.absent, tg.ambiguous, tg.alsoLandmark);
    }

    /** The id type an --id-type option names: "auto" is the dataset's own. */
    public static FeatureIdType idType(String option, Dataset data) {
        return idType(option, data.featureIdType());
    }

    /** The id type an --id-type option names, given the dataset's own. */
    public static FeatureIdType idType(String option, FeatureIdType datasetIdType) {
        if (option.equalsIgnoreCase("auto")) {
            return datasetIdType;
        }
        try {
            return FeatureIdType.valueOf(option.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserException.badParameter("--id-type must be auto, probe, symbol, ensembl, entrez or other, got '" + option + "'");
        }
    }

    /** The dataset ids of the target columns, in order. */
    public List<String> targetIds(Dataset data) {
        List<String> out = new ArrayList<>(targetColumns.length);
        for (int c : targetColumns) {
            out.add(data.featureIds().get(c));
        }
        return out;
    }

    /** One line for the log: what was found, and what was not. */
    public String describe() {
        return "matched by " + idType.name().toLowerCase() + " id: " + landmarkColumns.length + " of " + landmarksListed
                + " landmarks (" + landmarksAbsent + " absent, " + landmarksAmbiguous + " ambiguous), "
                + targetColumns.length + " of " + targetsListed + " targets (" + targetsAbsent + " absent, " + targetsAmbiguous
                + " ambiguous, " + targetsAlsoLandmarks + " also landmarks)";
    }

    private record Resolved(List<Integer> columns, int listed, int absent, int ambiguous, int alsoLandmark) {
    }

    private static Resolved resolve(List<String> ids, Map<String, Integer> column, Set<String> repeated, Set<Integer> exclude) {
        Set<String> seen = new LinkedHashSet<>();
        List<Integer> cols = new ArrayList<>();
        int absent = 0;
        int ambiguous = 0;
        int excluded = 0;
        for (String id : ids) {
            if (!seen.add(id)) {
                continue; // a map may list a gene twice; it is one feature
            }
            Integer c = column.get(id);
            if (c == null) {
                absent++;
            } else if (repeated.contains(id)) {
                ambiguous++;
            } else if (exclude.contains(c)) {
                excluded++;
            } else {
                cols.add(c);
            }
        }
        return new Resolved(cols, seen.size(), absent, ambiguous, excluded);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
