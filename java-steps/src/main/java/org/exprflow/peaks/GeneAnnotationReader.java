package org.exprflow.peaks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.data.IdVersions;
import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * Reads genes from a GTF (the {@code gene} lines; id from the {@code gene_id} attribute; 1-based
 * closed coordinates) or a BED of gene bodies or TSSs (chrom, start, end, gene id, score, strand).
 * A GTF is recognised by its 9 columns with a {@code gene_id "..."} attribute. For a TSS BED each
 * "body" is the single TSS base, so body features then describe that base only.
 */
public final class GeneAnnotationReader {
    private static final Pattern GENE_ID = Pattern.compile("gene_id \"([^\"]+)\"");

    private GeneAnnotationReader() {
    }

    public static GeneAnnotation read(Path path, ChromosomeSizes genome, UnknownContigPolicy unknownContigs) {
        List<Gene> genes = new ArrayList<>();
        Map<String, Long> lineOf = new HashMap<>();
        long unknown = 0;
        try (TextInput in = TextInput.open(path)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                // GTF: 9 columns whose last holds key "value"; attributes. Told apart by the attribute
                // syntax, not by gene_id itself, so a gene line that lacks gene_id is named as such
                // instead of being misread as BED6.
                boolean gtf = f.length == 9 && (f[8].contains("\"") || f[8].contains(";"));
                if (gtf && !f[2].equals("gene")) {
                    continue;
                }
                if (!gtf && f.length < 6) {
                    throw in.error("expected a GTF line or BED6 (chrom, start, end, gene id, score, strand), found "
                            + f.length + " columns");
                }
                String id;
                long start;
                long end;
                String strand;
                try {
                    if (gtf) {
                        Matcher m = GENE_ID.matcher(f[8]);
                        if (!m.find()) {
                            throw in.error("GTF gene line has no gene_id attribute");
                        }
                        id = m.group(1);
                        start = Long.parseLong(f[3]) - 1;
                        end = Long.parseLong(f[4]);
                        strand = f[6];
                    } else {
                        id = f[3];
                        start = Long.parseLong(f[1]);
                        end = Long.parseLong(f[2]);
                        strand = f[5];
                    }
                } catch (NumberFormatException e) {
                    throw in.error("gene coordinates are not integers");
                }
                if (start < 0 || end <= start || end > Integer.MAX_VALUE) {
                    throw in.error("gene " + id + " has invalid coordinates " + start + "-" + end + " (0-based, half-open)");
                }
                if (!strand.equals("+") && !strand.equals("-") && !strand.equals(".")) {
                    throw in.error("strand '" + strand + "' is not +, - or .");
                }
                int contig = genome.resolve(f[0]);
                if (contig < 0) {
                    if (unknownContigs == UnknownContigPolicy.ERROR) {
                        throw in.error("contig '" + f[0] + "' is not in the chromosome-sizes file"
                                + " (use --unknown-contigs skip to drop such genes)");
                    }
                    unknown++;
                    continue;
                }
                String stripped = IdVersions.ENSEMBL_GENES.strip(id);
                Long previous = lineOf.putIfAbsent(stripped, in.lineNumber());
                if (previous != null) {
                    throw in.error("gene id " + stripped + " occurs twice after removing version suffixes (first on line "
                            + previous + ")");
                }
                genes.add(new Gene(stripped, contig, (int) start, (int) end, strand.charAt(0)));
            }
        }
        if (genes.isEmpty()) {
            throw UserException.badFile(path, "no genes on the contigs of the chromosome-sizes file");
        }
        return new GeneAnnotation(genes, unknown);
    }
}
