package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * Reads one sample's RSEM {@code genes.results}: columns found by name ({@code gene_id},
 * {@code expected_count}, {@code TPM}; ENCODE's copies order them differently). expected_count is
 * fractional and kept as it is, as tximport keeps it for {@code type = "rsem"} gene-level input.
 */
public final class RsemGenesReader {
    /** One sample's genes, in file order. */
    public record RsemGenes(Path file, List<String> geneIds, double[] expectedCount, double[] tpm) {
    }

    private RsemGenesReader() {
    }

    static boolean isHeader(List<String> header) {
        return header.contains("gene_id") && header.contains("expected_count") && header.contains("TPM")
                && header.contains("effective_length");
    }

    public static RsemGenes read(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw UserException.badFile(file, "is empty");
            }
            DelimitedLine cells = new DelimitedLine('\t').reset(headerLine);
            List<String> header = cells.strippedCells();
            if (!isHeader(header)) {
                throw in.error("expected an RSEM genes.results header (gene_id, transcript_id(s), length, "
                        + "effective_length, expected_count, TPM, FPKM)");
            }
            int width = header.size();
            int idColumn = header.indexOf("gene_id");
            int countColumn = header.indexOf("expected_count");
            int tpmColumn = header.indexOf("TPM");
            List<String> genes = new ArrayList<>();
            TranscriptQuantReader.DoubleColumn counts = new TranscriptQuantReader.DoubleColumn();
            TranscriptQuantReader.DoubleColumn tpm = new TranscriptQuantReader.DoubleColumn();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                cells.reset(line);
                if (cells.size() != width) {
                    throw in.error("row has " + cells.size() + " fields, the header has " + width);
                }
                String gene = cells.text(idColumn).strip();
                if (gene.isEmpty()) {
                    throw in.error("empty gene_id");
                }
                genes.add(gene);
                counts.add(value(in, cells, countColumn, gene, "expected_count"));
                tpm.add(value(in, cells, tpmColumn, gene, "TPM"));
            }
            if (genes.isEmpty()) {
                throw UserException.badFile(file, "has a header but no gene rows");
            }
            return new RsemGenes(file, genes, counts.toArray(), tpm.toArray());
        }
    }

    private static double value(TextInput in, DelimitedLine cells, int column, String gene, String name) {
        String where = "gene '" + gene + "', " + name;
        double v;
        try {
            v = cells.number(column);
        } catch (NumberFormatException e) {
            throw in.error(where + ": '" + cells.text(column) + "' is not a number");
        }
        CountValues.require(in, v, cells.text(column), false, "RSEM", where);
        return v;
    }
}
