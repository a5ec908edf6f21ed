package org.exprflow.peaks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.data.IdVersions;
import org.exprflow.core.UserException;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * Reads gene TPMs from either
 * <ul>
 *   <li>an ENCODE RSEM {@code gene_quantifications.tsv} with a header: the {@code gene_id} and
 *       {@code TPM} columns are found by name, because column order differs between releases and
 *       copies; or</li>
 *   <li>a two-column file without a header: gene id, TPM.</li>
 * </ul>
 * The first line decides: a header names a {@code gene_id} column. Ids are version-stripped
 * ({@link GeneIds}); an id that occurs twice after stripping is an error naming both lines, since
 * silently keeping either value would give a wrong target.
 */
public final class RnaQuantificationReader {
    private RnaQuantificationReader() {
    }

    public static RnaQuantification read(Path path) {
        Map<String, Double> tpm = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        try (TextInput in = TextInput.open(path)) {
            String first = in.readLine();
            if (first == null) {
                throw UserException.badFile(path, "empty RNA quantification file");
            }
            List<String> header = Fields.split(first, '\t');
            int idColumn = header.indexOf("gene_id");
            int tpmColumn = header.indexOf("TPM");
            boolean hasHeader = idColumn >= 0;
            if (hasHeader && tpmColumn < 0) {
                throw UserException.badLine(path, 1, "header has a gene_id column but no TPM column");
            }
            if (!hasHeader) {
                idColumn = 0;
                tpmColumn = 1;
            }
            int width = Math.max(idColumn, tpmColumn) + 1;
            String line = hasHeader ? in.readLine() : first;
            while (line != null) {
                if (!line.isEmpty()) {
                    List<String> f = Fields.split(line, '\t');
                    if (f.size() < width) {
                        throw in.error("expected at least " + width + " tab-separated columns"
                                + (hasHeader ? " (as in the header)" : " (gene id, TPM)") + ", found " + f.size());
                    }
                    String id = IdVersions.ENSEMBL_GENES.strip(f.get(idColumn).trim());
                    Double value = Fields.parseNumber(f.get(tpmColumn));
                    // NA or NaN would drop the gene silently from every RNA statistic: refused like a negative TPM
                    if (value == null || value.isNaN() || value < 0) {
                        throw in.error("TPM '" + f.get(tpmColumn) + "' of gene " + id + " is not a non-negative number");
                    }
                    Long previous = lineOf.putIfAbsent(id, in.lineNumber());
                    if (previous != null) {
                        throw in.error("gene id " + id + " occurs twice after removing version suffixes (first on line "
                                + previous + ")");
                    }
                    tpm.put(id, value);
                }
                line = in.readLine();
            }
        }
        if (tpm.isEmpty()) {
            throw UserException.badFile(path, "no genes in the RNA quantification file");
        }
        return new RnaQuantification(path, tpm);
    }
}
