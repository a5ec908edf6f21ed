package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.ValueKind;
import org.exprflow.io.TextInput;

/**
 * Reads featureCounts output: {@code #} comment lines (the first records the command), the header
 * {@code Geneid Chr Start End Strand Length <bam>...}, then one row per meta-feature. Sample ids are
 * the BAM file names without directory and without the usual aligner suffixes ({@code .bam},
 * {@code .sorted}, STAR's {@code Aligned.sortedByCoord.out}); the full BAM paths are kept as the
 * sample annotation {@code bam}, so a samplesheet can rename samples by BAM path or file name. The
 * Length column becomes the feature annotation {@code length}.
 *
 * <p>featureCounts counts whole reads unless run with {@code --fraction} (multi-overlap or
 * multi-mapping reads split into fractions): a fractional value is an error unless the recorded
 * command has {@code --fraction}, in which case it is kept.
 */
public final class FeatureCountsReader {
    static final List<String> ANNOTATION_COLUMNS = List.of("Geneid", "Chr", "Start", "End", "Strand", "Length");
    /** Sample annotation holding each column's BAM path as featureCounts wrote it. */
    public static final String BAM_ANNOTATION = "bam";
    private static final String[] SUFFIXES = {".bam", ".cram", ".sam", "Aligned.sortedByCoord.out", "Aligned.out",
        ".sorted", ".markdup", ".dedup"};

    private FeatureCountsReader() {
    }

    static boolean isHeader(List<String> header) {
        return header.size() > ANNOTATION_COLUMNS.size()
                && header.subList(0, ANNOTATION_COLUMNS.size()).equals(ANNOTATION_COLUMNS);
    }

    /** "/data/HBR_1/HBR_1.sorted.bam" gives "HBR_1". */
    static String sampleName(String bamPath) {
        String n = bamPath.strip();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String s : SUFFIXES) {
                if (n.endsWith(s) && n.length() > s.length()) {
                    n = n.substring(0, n.length() - s.length());
                    stripped = true;
                }
            }
        }
        return n;
    }

    public static Dataset read(Path file) {
        try (TextInput in = TextInput.open(file)) {
            boolean fraction = false;
            String line = in.readLine();
            while (line != null && (line.isBlank() || line.startsWith("#"))) {
                if (line.startsWith("#") && (line.contains("\"--fraction\"") || line.contains(" --fraction"))) {
                    fraction = true;
                }
                line = in.readLine();
            }
            if (line == null) {
                throw UserException.badFile(file, "has no featureCounts header (Geneid, Chr, Start, End, Strand, Length, "
                        + "then one column per BAM)");
            }
            DelimitedLine cells = new DelimitedLine('\t').reset(line);
            int width = cells.size();
            List<String> header = cells.strippedCells();
            if (!isHeader(header)) {
                throw in.error("expected featureCounts' header Geneid, Chr, Start, End, Strand, Length, then one "
                        + "column per BAM file");
            }
            int first = ANNOTATION_COLUMNS.size();
            List<String> bams = header.subList(first, width);
            List<String> samples = new ArrayList<>();
            Map<String, String> bamOfSample = new HashMap<>();
            for (String bam : bams) {
                String sample = sampleName(bam);
                String before = bamOfSample.putIfAbsent(sample, bam);
                if (before != null) {
                    throw in.error("BAM columns '" + before + "' and '" + bam + "' both give the sample name '" + sample
                            + "'; give a samplesheet whose file column names the BAM paths");
                }
                samples.add(sample);
            }
            SampleIds.requireUniqueInHeader(samples, file, in.lineNumber(), first + 1);
            FeatureRows table = new FeatureRows(samples.size());
            List<String> lengths = new ArrayList<>();
            String tool = "featureCounts (run without --fraction)";
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                cells.reset(line);
                if (cells.size() != width) {
                    throw in.error("row has " + cells.size() + " fields, the header has " + width);
                }
                String gene = cells.text(0).strip();
                if (gene.isEmpty()) {
                    throw in.error("empty Geneid");
                }
                lengths.add(cells.text(first - 1).strip());
                double[] row = table.add(gene);
                for (int c = first; c < width; c++) {
                    String where = "feature '" + gene + "', sample '" + samples.get(c - first) + "'";
                    try {
                        row[c - first] = cells.number(c);
                    } catch (NumberFormatException e) {
                        throw in.error(where + ": '" + cells.text(c) + "' is not a number");
                    }
                    CountValues.require(in, row[c - first], cells.text(c), !fraction, tool, where);
                }
            }
            if (table.featureCount() == 0) {
                throw UserException.badFile(file, "has a header but no feature rows");
            }
            Map<String, List<String>> sampleAnnotations = new LinkedHashMap<>();
            sampleAnnotations.put(BAM_ANNOTATION, bams);
            return new Dataset(file.getFileName().toString(), samples, table.featureIds(),
                    FeatureIdType.guess(table.featureIds()), table.sampleMajor(), sampleAnnotations, List.of(),
                    ValueKind.COUNTS,
                    new FeatureAnnotations(Map.of(FeatureAnnotations.LENGTH, lengths), lengths.size()));
        }
    }
}
