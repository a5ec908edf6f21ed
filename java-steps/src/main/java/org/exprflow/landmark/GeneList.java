package org.exprflow.landmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.exprflow.core.UserException;
import org.exprflow.data.FeatureIdType;
import org.exprflow.io.TextInput;

/**
 * A list of genes (landmarks or targets) as one of three files people actually have:
 * <ul>
 * <li>the LINCS L1000 export (clue.io {@code landmark_genes.txt}): a tab-separated header naming
 * {@code Symbol} and {@code Entrez ID} columns, one gene per row;</li>
 * <li>a D-GEX map ({@code map_lm.txt}, {@code map_tg.txt}): three whitespace-separated columns
 * without header — symbol, Ensembl gene id, HG-U133 probe id;</li>
 * <li>a plain list: one id per line (any id type; {@code #} starts a comment).</li>
 * </ul>
 * Each file offers ids of some types only (a symbol list cannot be matched to probes); {@link #ids}
 * refuses a type the file does not carry with one line saying which types it has.
 */
public final class GeneList {
    /** A D-GEX map row: symbol, ENSG id, probe id; recognised by the Ensembl column. */
    private static final Pattern MAP_ROW = Pattern.compile("\\S+\\s+ENS[A-Z]*G\\d+(\\.\\d+)?\\s+\\S+");

    public enum Layout { L1000, DGEX_MAP, PLAIN }

    private final Path file;
    private final Layout layout;
    private final Map<FeatureIdType, List<String>> idsByType;

    private GeneList(Path file, Layout layout, Map<FeatureIdType, List<String>> idsByType) {
        this.file = file;
        this.layout = layout;
        this.idsByType = idsByType;
    }

    public static GeneList read(Path file) {
        List<String> lines = new ArrayList<>();
        try (TextInput in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        if (lines.isEmpty()) {
            throw UserException.badFile(file, "gene list is empty");
        }
        Map<FeatureIdType, List<String>> ids = new EnumMap<>(FeatureIdType.class);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int symbol = indexOfIgnoreCase(header, "Symbol");
        if (symbol >= 0) {
            int entrez = indexOfIgnoreCase(header, "Entrez ID");
            List<String> symbols = new ArrayList<>();
            List<String> entrezIds = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if (f.length <= Math.max(symbol, entrez)) {
                    throw UserException.badLine(file, i + 1, "row has " + f.length + " fields, the header has " + header.size());
                }
                symbols.add(f[symbol].strip());
                if (entrez >= 0) {
                    entrezIds.add(f[entrez].strip());
                }
            }
            ids.put(FeatureIdType.SYMBOL, symbols);
            if (entrez >= 0) {
                ids.put(FeatureIdType.ENTREZ, entrezIds);
            }
            return new GeneList(file, Layout.L1000, ids);
        }
        if (MAP_ROW.matcher(lines.get(0).strip()).matches()) {
            List<String> symbols = new ArrayList<>();
            List<String> ensembl = new ArrayList<>();
            List<String> probes = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).strip().split("\\s+");
                if (f.length != 3) {
                    throw UserException.badLine(file, i + 1, "a D-GEX map row has 3 columns (symbol, Ensembl id, probe), found " + f.length);
                }
                symbols.add(f[0]);
                ensembl.add(f[1].replaceFirst("\\.\\d+$", "")); // dataset Ensembl ids carry no version
                probes.add(f[2]);
            }
            ids.put(FeatureIdType.SYMBOL, symbols);
            ids.put(FeatureIdType.ENSEMBL, ensembl);
            ids.put(FeatureIdType.PROBE, probes);
            return new GeneList(file, Layout.DGEX_MAP, ids);
        }
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.contains("\t") || t.contains(",")) {
                throw UserException.badLine(file, i + 1, "a plain gene list has one id per line; this line has several fields "
                        + "(give an L1000 export with a Symbol column or a 3-column D-GEX map)");
            }
            plain.add(t);
        }
        // The type of a plain list is whatever the user's ids are: it matches any dataset id type.
        for (FeatureIdType t : FeatureIdType.values()) {
            ids.put(t, plain);
        }
        return new GeneList(file, Layout.PLAIN, ids);
    }

    public Layout layout() {
        return layout;
    }

    public Path file() {
        return file;
    }

    /** The ids of the given type, in file order; a user error when the file does not carry that type. */
    public List<String> ids(FeatureIdType type) {
        List<String> out = idsByType.get(type);
        if (out == null) {
            throw UserException.badParameter(file + ": this " + layout.name().toLowerCase().replace('_', ' ')
                    + " list gives " + idsByType.keySet().stream().map(t -> t.name().toLowerCase()).toList()
                    + " ids, not " + type.name().toLowerCase() + " ids; choose --id-type or use a map with that column");
        }
        return out;
    }

    /**
     * Row by row, the id of type {@code to} for each id of type {@code from} (a list's columns name
     * the same gene on each row). An id of {@code from} that names two different genes is left out:
     * which one it means cannot be known.
     */
    public Map<String, String> translation(FeatureIdType from, FeatureIdType to) {
        List<String> a = ids(from);
        List<String> b = ids(to);
        Map<String, String> out = new java.util.HashMap<>();
        java.util.Set<String> conflicting = new java.util.HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).isEmpty() || b.get(i).isEmpty()) {
                continue;
            }
            String before = out.putIfAbsent(a.get(i), b.get(i));
            if (before != null && !before.equals(b.get(i))) {
                conflicting.add(a.get(i));
            }
        }
        out.keySet().removeAll(conflicting);
        return out;
    }

    private static int indexOfIgnoreCase(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
