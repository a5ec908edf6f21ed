package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * A transcript-to-gene table as tximport takes it: first column the transcript id, second the gene
 * id; an optional third column is the gene symbol (kept as the genes' {@code symbol} annotation).
 * Tab or comma separated (decided by the first line). A first line whose first cell is a column
 * name (tx, txname, transcript, transcript_id, target_id, name, tx_id) is a header. A transcript
 * listed twice keeps its first row, as tximport's cleanTx2Gene does.
 */
public final class Tx2Gene {
    private static final Set<String> HEADER_NAMES =
            Set.of("tx", "txname", "transcript", "transcript_id", "target_id", "name", "tx_id", "transcript_name");

    private final Path file;
    private final Map<String, String> geneOf;
    private final Map<String, String> symbolOf;

    private Tx2Gene(Path file, Map<String, String> geneOf, Map<String, String> symbolOf) {
        this.file = file;
        this.geneOf = geneOf;
        this.symbolOf = symbolOf;
    }

    public static Tx2Gene read(Path file) {
        Map<String, String> geneOf = new HashMap<>();
        Map<String, String> symbolOf = new HashMap<>();
        try (TextInput in = TextInput.open(file)) {
            String line = in.readLine();
            while (line != null && line.isBlank()) {
                line = in.readLine();
            }
            if (line == null) {
                throw UserException.badFile(file, "is empty");
            }
            char delimiter = DelimitedLine.delimiterOf(line);
            if (HEADER_NAMES.contains(Fields.split(line, delimiter).get(0).strip().toLowerCase(Locale.ROOT))) {
                line = in.readLine();
            }
            for (; line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = Fields.split(line, delimiter);
                if (cells.size() < 2) {
                    throw in.error("expected a transcript id and a gene id (tab or comma separated)");
                }
                String tx = cells.get(0).strip();
                String gene = cells.get(1).strip();
                if (tx.isEmpty() || gene.isEmpty()) {
                    throw in.error("empty transcript or gene id");
                }
                if (geneOf.putIfAbsent(tx, gene) == null && cells.size() >= 3 && !cells.get(2).isBlank()) {
                    symbolOf.putIfAbsent(gene, cells.get(2).strip());
                }
            }
        }
        if (geneOf.isEmpty()) {
            throw UserException.badFile(file, "has no transcript rows");
        }
        return new Tx2Gene(file, geneOf, symbolOf);
    }

    /** The gene of a transcript, or null when the table does not list it. */
    public String gene(String transcript) {
        return geneOf.get(transcript);
    }

    /** The symbol given for a gene in the third column, or null. */
    public String symbol(String gene) {
        return symbolOf.get(gene);
    }

    public boolean hasSymbols() {
        return !symbolOf.isEmpty();
    }

    public Path file() {
        return file;
    }
}
