package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.io.TextInput;

/**
 * The {@code --feature-annotation} table of import: feature id → symbol, Entrez id, Ensembl id,
 * description, for example a GPL annotation file ({@code ID_REF<TAB>Gene symbol}) or a probe-to-symbol
 * list ({@code probe_id<TAB>symbol}, one row per gene of a multi-gene probe). Tab-separated, or
 * comma-separated when the header has no tab; plain or gzip. The first column is the feature id; the
 * other columns are recognised by their header ({@link AnnotationColumns}), unknown columns are
 * ignored. A feature's values replace what the input file's own annotation gave; features the
 * table does not list keep theirs.
 *
 * <p>Refused, as one line naming the file and line: an empty file, a header without any annotation
 * column, a row with more fields than the header or an empty id, and a table that names none of the
 * dataset's features (the wrong platform's table, e.g. GPL96 for Hu6800 data).
 */
final class FeatureAnnotationTable {
    private FeatureAnnotationTable() {
    }

    /** The dataset with the table's annotation laid over its own; logs how many features it annotated. */
    static Dataset apply(Path file, Dataset data) {
        AnnotationColumns table = read(file);
        List<String> ids = data.featureIds();
        int matched = 0;
        for (String column : List.of(FeatureAnnotations.SYMBOL, FeatureAnnotations.ENTREZ, FeatureAnnotations.ENSEMBL,
                FeatureAnnotations.DESCRIPTION)) {
            matched = Math.max(matched, table.count(column, ids));
        }
        if (matched == 0) {
            throw UserException.badFile(file, "names none of the dataset's " + ids.size() + " feature ids (e.g. '"
                    + ids.get(0) + "'): is it the annotation of another platform?");
        }
        FeatureAnnotations merged = AnnotationColumns.overlay(data.featureAnnotations(), table.forFeatures(ids), ids.size());
        List<String> symbols = merged.column(FeatureAnnotations.SYMBOL);
        long withSymbol = symbols == null ? 0 : symbols.stream().filter(s -> s != null).count();
        Log.info("feature annotation: " + file.getFileName() + " annotates " + matched + " of " + ids.size()
                + " features; " + withSymbol + " have a gene symbol");
        return data.withFeatureAnnotations(merged);
    }

    static AnnotationColumns read(Path file) {
        AnnotationColumns out = new AnnotationColumns();
        try (TextInput in = TextInput.open(file)) {
            String header = in.readLine();
            if (header == null) {
                throw UserException.badFile(file, "is empty; expected a header: id, then symbol, entrez, ensembl or "
                        + "description columns");
            }
            DelimitedLine cells = new DelimitedLine(DelimitedLine.delimiterOf(header)).reset(header);
            List<String> names = cells.strippedCells();
            Map<Integer, String> wanted = new LinkedHashMap<>();
            List<String> found = new ArrayList<>();
            for (int c = 1; c < names.size(); c++) {
                String column = AnnotationColumns.columnOf(names.get(c));
                if (column != null && !wanted.containsValue(column)) {
                    wanted.put(c, column);
                    found.add(names.get(c));
                }
            }
            if (wanted.isEmpty()) {
                throw in.error("no annotation column in the header " + names + "; after the id column, name them "
                        + "symbol (or Gene Symbol, gene_name), entrez (ENTREZ_GENE_ID), ensembl or description (Gene Title)");
            }
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                cells.reset(line);
                if (cells.size() > names.size()) {
                    throw in.error("row has " + cells.size() + " fields, the header has " + names.size());
                }
                String id = cells.text(0).strip();
                if (id.isEmpty()) {
                    throw in.error("empty feature id in column 1");
                }
                // a short row (trailing empty cells left out) has no value for the missing columns
                for (Map.Entry<Integer, String> e : wanted.entrySet()) {
                    if (e.getKey() < cells.size()) {
                        out.add(e.getValue(), id, cells.text(e.getKey()));
                    }
                }
            }
            Log.info("feature annotation table " + file.getFileName() + ": columns " + String.join(", ", found));
            return out;
        }
    }
}
