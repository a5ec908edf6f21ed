package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * Reads STAR's {@code ReadsPerGene.out.tab} ({@code --quantMode GeneCounts}): four summary lines
 * (N_unmapped, N_multimapping, N_noFeature, N_ambiguous), then one line per gene with exactly four
 * tab-separated columns: gene id, unstranded count, count on the gene's strand, count on the
 * opposite strand. No header. Counts are whole, non-negative numbers.
 */
public final class StarReadsPerGeneReader {
    static final List<String> SUMMARY = List.of("N_unmapped", "N_multimapping", "N_noFeature", "N_ambiguous");
    private static final int COLUMNS = 4;

    private StarReadsPerGeneReader() {
    }

    /** The three count columns of one file, gene order as in the file. */
    public record StarCounts(Path file, List<String> geneIds, double[][] columns) {
        /** Sum over genes of one count column (0 unstranded, 1 forward, 2 reverse). */
        public double sum(int column) {
            double s = 0;
            for (double v : columns[column]) {
                s += v;
            }
            return s;
        }

        public double[] column(StarStrand strand) {
            return columns[strand.column - 1];
        }
    }

    static boolean isFirstLine(String line) {
        return line.startsWith("N_unmapped\t");
    }

    public static StarCounts read(Path file) {
        try (TextInput in = TextInput.open(file)) {
            List<String> genes = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            DelimitedLine cells = new DelimitedLine('\t');
            String line;
            int summary = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                cells.reset(line);
                if (cells.size() != COLUMNS) {
                    throw in.error("STAR ReadsPerGene line has " + cells.size() + " tab-separated columns; expected "
                            + COLUMNS + " (gene, unstranded, forward, reverse)");
                }
                String id = cells.text(0).strip();
                if (summary < SUMMARY.size()) {
                    if (!id.equals(SUMMARY.get(summary))) {
                        throw in.error("expected STAR's summary line " + SUMMARY.get(summary) + ", found '" + id
                                + "' (is this a ReadsPerGene.out.tab file?)");
                    }
                    summary++;
                    continue;
                }
                if (id.isEmpty()) {
                    throw in.error("empty gene id");
                }
                double[] row = new double[COLUMNS - 1];
                for (int c = 1; c < COLUMNS; c++) {
                    String where = "gene '" + id + "', column " + (c + 1);
                    try {
                        row[c - 1] = cells.number(c);
                    } catch (NumberFormatException e) {
                        throw in.error(where + ": '" + cells.text(c) + "' is not a number");
                    }
                    CountValues.require(in, row[c - 1], cells.text(c), true, "STAR", where);
                }
                genes.add(id);
                rows.add(row);
            }
            if (summary < SUMMARY.size()) {
                throw UserException.badFile(file, "is not a STAR ReadsPerGene.out.tab file: it lacks the four N_ summary lines");
            }
            if (genes.isEmpty()) {
                throw UserException.badFile(file, "has STAR's summary lines but no gene rows");
            }
            double[][] columns = new double[COLUMNS - 1][genes.size()];
            for (int g = 0; g < genes.size(); g++) {
                for (int c = 0; c < COLUMNS - 1; c++) {
                    columns[c][g] = rows.get(g)[c];
                }
            }
            return new StarCounts(file, genes, columns);
        }
    }
}
