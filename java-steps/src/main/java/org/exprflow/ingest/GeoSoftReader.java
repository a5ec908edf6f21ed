package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.io.TextInput;

/**
 * Reads GEO SOFT sample data: a GSE family file ({@code GSExxx_family.soft.gz}) or a single-sample
 * GSM file, both made of {@code ^SAMPLE} blocks with {@code !Sample_<field> = value} lines and a
 * table between {@code !sample_table_begin} and {@code !sample_table_end} (ID_REF, VALUE, maybe
 * more columns; VALUE is used). GDS files ({@code ^DATASET}) are handed to {@link GdsSoftReader}.
 *
 * <p>A series can span several platforms (GSE781: HG-U133A and B), whose probes differ, so one
 * platform is read: {@code --platform}, or the one with most samples (ties: the smaller id), which
 * is logged. The chosen platform's own table (a family file's ^PLATFORM block) gives the probes'
 * gene symbols, Entrez ids and titles when it has such columns ({@link AnnotationColumns}). Samples are aligned by ID_REF; a probe a sample lacks is NA. Tables of other
 * platforms are skipped unparsed.
 */
public final class GeoSoftReader {
    private static final String TABLE_BEGIN = "!sample_table_begin";
    private static final String TABLE_END = "!sample_table_end";
    private static final String PLATFORM_TABLE_BEGIN = "!platform_table_begin";
    private static final String PLATFORM_TABLE_END = "!platform_table_end";

    private GeoSoftReader() {
    }

    /** One ^SAMPLE block; its values are indexed by the probe numbering of its platform. */
    private static final class Sample {
        final String id;
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> characteristics = new LinkedHashMap<>();
        String platform = "";
        int[] probes = new int[0];
        double[] values = new double[0];
        int size;

        Sample(String id) {
            this.id = id;
        }

        void add(int probe, double value) {
            if (size == probes.length) {
                probes = Arrays.copyOf(probes, Math.max(1024, size * 2));
                values = Arrays.copyOf(values, probes.length);
            }
            probes[size] = probe;
            values[size] = value;
            size++;
        }
    }

    public static Dataset read(Path file, ReaderOptions options) {
        if (isDataset(file)) {
            return GdsSoftReader.read(file, options);
        }
        List<Sample> samples = new ArrayList<>();
        Map<String, Map<String, Integer>> probesByPlatform = new HashMap<>();
        Map<String, Long> sampleLines = new HashMap<>();
        Map<String, AnnotationColumns> platformAnnotations = new HashMap<>();
        try (TextInput in = TextInput.open(file)) {
            Sample current = null;
            String currentPlatform = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("^")) {
                    current = null;
                    currentPlatform = line.startsWith("^PLATFORM") ? entityId(line) : null;
                    if (line.startsWith("^SAMPLE")) {
                        String id = entityId(line);
                        if (id.isEmpty()) {
                            throw in.error("^SAMPLE line without an accession");
                        }
                        Long before = sampleLines.putIfAbsent(id, in.lineNumber());
                        if (before != null) {
                            throw in.error("duplicate sample '" + id + "' (first on line " + before + ")");
                        }
                        current = new Sample(id);
                        samples.add(current);
                    }
                } else if (current != null && line.startsWith("!Sample_")) {
                    addField(current, line);
                } else if (currentPlatform != null && line.startsWith(PLATFORM_TABLE_BEGIN)) {
                    platformAnnotations.put(currentPlatform, readPlatformTable(in, currentPlatform));
                } else if (current != null && line.startsWith(TABLE_BEGIN)) {
                    boolean wanted = options.platform() == null || options.platform().equals(current.platform);
                    readTable(in, current, wanted
                            ? probesByPlatform.computeIfAbsent(current.platform, p -> new LinkedHashMap<>()) : null);
                }
            }
            if (in.lineNumber() == 0) {
                throw UserException.badFile(file, "is empty");
            }
        }
        if (samples.isEmpty()) {
            throw UserException.badFile(file, "has no ^SAMPLE blocks");
        }
        String platform = choosePlatform(samples, options.platform());
        List<Sample> chosen = samples.stream().filter(s -> s.platform.equals(platform)).toList();
        Dataset data = assemble(file, chosen, probesByPlatform.getOrDefault(platform, Map.of()), options);
        AnnotationColumns annotation = platformAnnotations.get(platform);
        if (annotation == null || annotation.isEmpty()) {
            return data;
        }
        Log.info("feature annotation: " + annotation.count(FeatureAnnotations.SYMBOL, data.featureIds()) + " of "
                + data.featureCount() + " probes have a gene symbol in the " + platform + " platform table");
        return data.withFeatureAnnotations(annotation.forFeatures(data.featureIds()));
    }

    /**
     * The annotation columns of a ^PLATFORM table ({@link AnnotationColumns}: Gene Symbol,
     * ENTREZ_GENE_ID, Gene Title, ...), keyed by its ID column; a table without them gives none.
     */
    private static AnnotationColumns readPlatformTable(TextInput in, String platform) {
        AnnotationColumns out = new AnnotationColumns();
        String header = in.readLine();
        if (header == null) {
            throw UserException.badLine(in.path(), in.lineNumber(), "file ends right after " + PLATFORM_TABLE_BEGIN);
        }
        List<String> names = new DelimitedLine('\t').reset(header).strippedCells();
        int idColumn = names.indexOf("ID");
        Map<Integer, String> wanted = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String column = AnnotationColumns.columnOf(names.get(c));
            if (column != null && !wanted.containsValue(column)) {
                wanted.put(c, column);
            }
        }
        DelimitedLine cells = new DelimitedLine('\t');
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(PLATFORM_TABLE_END)) {
                return out;
            }
            if (idColumn < 0 || wanted.isEmpty() || line.isBlank()) {
                continue;
            }
            cells.reset(line);
            if (cells.size() <= idColumn) {
                continue; // a short row names no probe; the platform table only annotates
            }
            String id = cells.text(idColumn).strip();
            for (Map.Entry<Integer, String> e : wanted.entrySet()) {
                if (e.getKey() < cells.size()) {
                    out.add(e.getValue(), id, cells.text(e.getKey()));
                }
            }
        }
        throw UserException.badLine(in.path(), in.lineNumber(), "platform " + platform + ": file ends without "
                + PLATFORM_TABLE_END + " (truncated download?)");
    }

    /** True when the first entity after ^DATABASE is a ^DATASET (a GDS file). */
    private static boolean isDataset(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("^") && !line.startsWith("^DATABASE")) {
                    return line.startsWith("^DATASET");
                }
            }
            return false;
        }
    }

    static String entityId(String line) {
        int eq = line.indexOf('=');
        return eq < 0 ? "" : line.substring(eq + 1).strip();
    }

    private static void addField(Sample sample, String line) {
        int eq = line.indexOf('=');
        String name = GeoSampleLabels.fieldName(eq < 0 ? line : line.substring(0, eq));
        String value = eq < 0 ? "" : line.substring(eq + 1).strip();
        sample.fields.merge(name, value, (a, b) -> a + "; " + b);
        if (name.equals("platform_id")) {
            sample.platform = value;
        } else if (name.startsWith("characteristics_ch") && !value.isEmpty()) {
            int colon = value.indexOf(':');
            String key = colon > 0 ? value.substring(0, colon).strip() : name;
            sample.characteristics.putIfAbsent(key, colon > 0 ? value.substring(colon + 1).strip() : value);
        }
    }

    /** Reads the table of one sample; with probeIndex null (another platform) only skips it. */
    private static void readTable(TextInput in, Sample sample, Map<String, Integer> probeIndex) {
        String header = in.readLine();
        if (header == null) {
            throw UserException.badLine(in.path(), in.lineNumber(), "file ends right after " + TABLE_BEGIN);
        }
        DelimitedLine cells = new DelimitedLine('\t').reset(header);
        int idColumn = -1;
        int valueColumn = -1;
        for (int c = 0; c < cells.size(); c++) {
            String name = cells.text(c).strip();
            if (name.equals("ID_REF") && idColumn < 0) {
                idColumn = c;
            } else if (name.equals("VALUE") && valueColumn < 0) {
                valueColumn = c;
            }
        }
        if (probeIndex != null && (idColumn < 0 || valueColumn < 0)) {
            throw in.error("sample " + sample.id + ": table header needs ID_REF and VALUE columns");
        }
        int width = cells.size();
        BitSet seen = new BitSet();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(TABLE_END)) {
                return;
            }
            if (probeIndex == null || line.isBlank()) {
                continue;
            }
            cells.reset(line);
            if (cells.size() != width) {
                throw in.error("sample " + sample.id + ": row has " + cells.size() + " fields, the table header has "
                        + width);
            }
            String probe = cells.text(idColumn).strip();
            Integer index = probeIndex.get(probe);
            if (index == null) {
                index = probeIndex.size();
                probeIndex.put(probe, index);
            }
            if (seen.get(index)) {
                throw in.error("sample " + sample.id + ": ID_REF '" + probe + "' appears twice");
            }
            seen.set(index);
            double value;
            try {
                value = cells.number(valueColumn);
            } catch (NumberFormatException e) {
                throw in.error("sample " + sample.id + ", probe '" + probe + "': VALUE '" + cells.text(valueColumn)
                        + "' is not a number");
            }
            sample.add(index, value);
        }
        throw UserException.badLine(in.path(), in.lineNumber(), "sample " + sample.id + ": file ends without "
                + TABLE_END + " (truncated download?)");
    }

    private static String choosePlatform(List<Sample> samples, String requested) {
        Map<String, Integer> counts = new TreeMap<>();
        samples.forEach(s -> counts.merge(s.platform, 1, Integer::sum));
        String summary = counts.entrySet().stream()
                .map(e -> (e.getKey().isEmpty() ? "(none)" : e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        if (requested != null) {
            if (!counts.containsKey(requested)) {
                throw UserException.badParameter("--platform " + requested + ": no sample is on that platform; "
                        + "samples per platform: " + summary);
            }
            Log.info("platform: " + requested + " (given; samples per platform: " + summary + ")");
            return requested;
        }
        // TreeMap order makes ties go to the smaller platform id, so the choice never depends on sample order
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        Log.info("platform: " + best + " (most samples; samples per platform: " + summary
                + (counts.size() > 1 ? "; choose another with --platform" : "") + ")");
        return best;
    }

    private static Dataset assemble(Path file, List<Sample> samples, Map<String, Integer> probeIndex,
                                    ReaderOptions options) {
        if (probeIndex.isEmpty()) {
            throw UserException.badFile(file, "the samples of the chosen platform have no table rows");
        }
        int nf = probeIndex.size();
        List<String> sampleIds = new ArrayList<>();
        double[][] values = new double[samples.size()][];
        int incomplete = 0;
        for (int s = 0; s < samples.size(); s++) {
            Sample sample = samples.get(s);
            sampleIds.add(sample.id);
            double[] row = new double[nf];
            Arrays.fill(row, Double.NaN);
            for (int i = 0; i < sample.size; i++) {
                row[sample.probes[i]] = sample.values[i];
            }
            if (sample.size < nf) {
                incomplete++;
            }
            values[s] = row;
        }
        if (incomplete > 0) {
            Log.warn(incomplete + " samples lack some of the " + nf + " probes of their platform; those values are NA");
        }
        List<String> featureIds = new ArrayList<>(probeIndex.keySet());
        List<Map<String, String>> fields = samples.stream().map(s -> s.fields).toList();
        List<Map<String, String>> characteristics = samples.stream().map(s -> s.characteristics).toList();
        Map<String, List<String>> annotations = new LinkedHashMap<>();
        annotations.put("title", samples.stream().map(s -> s.fields.get("title")).toList());
        annotations.put("source_name_ch1", samples.stream().map(s -> s.fields.get("source_name_ch1")).toList());
        annotations.put("platform_id", samples.stream().map(s -> s.platform).toList());
        Set<String> keys = new LinkedHashSet<>();
        characteristics.forEach(m -> keys.addAll(m.keySet()));
        for (String key : keys) {
            annotations.putIfAbsent(key, samples.stream().map(s -> s.characteristics.get(key)).toList());
        }
        Target label = GeoSampleLabels.labels(file, fields, characteristics, options);
        return new Dataset(file.getFileName().toString(), sampleIds, featureIds, FeatureIdType.guess(featureIds),
                values, annotations, label == null ? List.of() : List.of(label));
    }
}
