package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.ValueKind;
import org.exprflow.io.TextInput;

/**
 * Reads a genes x samples matrix in nf-core/rnaseq's layout ({@code salmon.merged.gene_counts.tsv},
 * {@code ..._gene_counts_length_scaled.tsv}, {@code ..._gene_tpm.tsv}, and the same from
 * {@code star_rsem}): a header {@code gene_id<TAB>gene_name<TAB><sample>...}, then one row per
 * gene. The gene ids become the feature ids and the gene names the {@code symbol} annotation.
 *
 * <p>What the values are follows nf-core's file names: {@code *tpm*} is abundance, {@code *length*}
 * (without "count") is gene lengths, anything else (gene_counts, counts_scaled,
 * counts_length_scaled) is counts. Counts are checked as they are read: not missing, not negative;
 * salmon's estimated counts are fractional and are kept.
 */
public final class GeneMatrixReader {
    private GeneMatrixReader() {
    }

    /** The value kind nf-core's file name implies. */
    public static ValueKind kindFromName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.contains("tpm")) {
            return ValueKind.ABUNDANCE;
        }
        if (n.contains("length") && !n.contains("count")) {
            return ValueKind.EXPRESSION;
        }
        return ValueKind.COUNTS;
    }

    /** True when the header line is nf-core's: gene_id, gene_name, then at least one sample. */
    static boolean isHeader(List<String> header) {
        return header.size() >= 3 && header.get(0).strip().equals("gene_id") && header.get(1).strip().equals("gene_name");
    }

    public static Dataset read(Path file, ValueKind kind) {
        try (TextInput in = TextInput.open(file)) {
            String headerLine = in.readLine();
            while (headerLine != null && headerLine.isBlank()) {
                headerLine = in.readLine();
            }
            if (headerLine == null) {
                throw UserException.badFile(file, "is empty");
            }
            DelimitedLine cells = new DelimitedLine(DelimitedLine.delimiterOf(headerLine)).reset(headerLine);
            int width = cells.size();
            List<String> header = cells.strippedCells();
            if (!isHeader(header)) {
                throw in.error("expected nf-core/rnaseq's header gene_id, gene_name, then one column per sample");
            }
            List<String> samples = header.subList(2, width);
            SampleIds.requireUniqueInHeader(samples, file, in.lineNumber(), 3);
            FeatureRows table = new FeatureRows(samples.size());
            List<String> symbols = new ArrayList<>();
            boolean counts = kind == ValueKind.COUNTS;
            String line;
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
                    throw in.error("empty gene_id");
                }
                String symbol = cells.text(1).strip();
                symbols.add(symbol.isEmpty() ? null : symbol);
                double[] row = table.add(gene);
                for (int c = 2; c < width; c++) {
                    try {
                        row[c - 2] = cells.number(c);
                    } catch (NumberFormatException e) {
                        throw in.error("gene '" + gene + "', sample '" + samples.get(c - 2) + "': '" + cells.text(c)
                                + "' is not a number");
                    }
                    if (counts) {
                        CountValues.require(in, row[c - 2], cells.text(c), false, "salmon",
                                "gene '" + gene + "', sample '" + samples.get(c - 2) + "'");
                    }
                }
            }
            if (table.featureCount() == 0) {
                throw UserException.badFile(file, "has a header but no gene rows");
            }
            return new Dataset(file.getFileName().toString(), samples, table.featureIds(),
                    FeatureIdType.guess(table.featureIds()), table.sampleMajor(), Map.of(), List.of(), kind,
                    new FeatureAnnotations(Map.of(FeatureAnnotations.SYMBOL, symbols), symbols.size()));
        }
    }
}
