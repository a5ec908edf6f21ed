package org.exprflow.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;

/**
 * The units that folds are made of: single samples, or whole groups (e.g. all arrays of one patient)
 * when a group column is given. A group's stratum is its most frequent label (alphabetically first
 * on ties), so grouped folds stay roughly stratified. A numeric target has a single stratum: folds
 * are then balanced by size only.
 */
public final class FoldUnits {
    private FoldUnits() {
    }

    public static List<FoldAssigner.Unit> of(Dataset data, Target labels, String groupColumn) {
        List<FoldAssigner.Unit> units = new ArrayList<>();
        if (groupColumn == null) {
            for (int i = 0; i < data.sampleCount(); i++) {
                units.add(new FoldAssigner.Unit(data.sampleId(i), stratum(labels, i), List.of(data.sampleId(i))));
            }
            return units;
        }
        List<String> groups = data.annotation(groupColumn);
        if (groups == null) {
            throw UserException.badParameter("--group-column '" + groupColumn + "' is not a samplesheet column of '"
                    + data.name() + "'; columns: " + data.annotations().keySet());
        }
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < data.sampleCount(); i++) {
            String g = groups.get(i);
            if (g == null || g.isEmpty()) {
                throw UserException.unsuitable("sample " + data.sampleId(i) + " has no value in group column " + groupColumn);
            }
            members.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            Map<String, Integer> labelCount = new TreeMap<>();
            List<String> samples = new ArrayList<>();
            for (int i : e.getValue()) {
                labelCount.merge(stratum(labels, i), 1, Integer::sum);
                samples.add(data.sampleId(i));
            }
            String stratum = null;
            int best = -1;
            for (Map.Entry<String, Integer> lc : labelCount.entrySet()) {
                if (lc.getValue() > best) {
                    best = lc.getValue();
                    stratum = lc.getKey();
                }
            }
            units.add(new FoldAssigner.Unit(e.getKey(), stratum, samples));
        }
        return units;
    }

    private static String stratum(Target labels, int i) {
        return labels.isNominal() ? labels.label(i) : "all";
    }
}
