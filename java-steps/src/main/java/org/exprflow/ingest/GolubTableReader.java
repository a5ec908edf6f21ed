package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.data.FeatureIdType;
import org.exprflow.io.TextInput;

/**
 * Reads the Golub et al. (1999) leukemia tables: genes are rows; the columns are
 * {@code Gene Description}, {@code Gene Accession Number}, then for each patient a value column
 * named by the patient number followed by its {@code call} column (P/A/M detection call). The
 * feature id is the accession number; sample ids are the patient numbers, in file order (the
 * training file lists patients 28-33 after 34-38). The call columns are checked but not kept.
 * Labels are not in this file: they come from a samplesheet (actual.csv). Each probe keeps its
 * description and the gene symbol it names ({@link DescriptionSymbols}) as feature annotations.
 */
public final class GolubTableReader {
    private static final String DESCRIPTION = "Gene Description";
    private static final String ACCESSION = "Gene Accession Number";
    private static final String CALL = "call";

    private GolubTableReader() {
    }

    /** The description column, and the symbol each description names ({@link DescriptionSymbols}); logged. */
    static FeatureAnnotations annotations(List<String> descriptions) {
        List<String> symbols = new ArrayList<>(descriptions.size());
        int named = 0;
        for (String d : descriptions) {
            String symbol = DescriptionSymbols.symbol(d);
            symbols.add(symbol);
            named += symbol == null ? 0 : 1;
        }
        Log.info("feature annotation: " + named + " of " + descriptions.size()
                + " probes have a gene symbol in the description column");
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put(FeatureAnnotations.SYMBOL, symbols);
        columns.put(FeatureAnnotations.DESCRIPTION, descriptions);
        return new FeatureAnnotations(columns, descriptions.size());
    }

    public static Dataset read(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw UserException.badFile(file, "is empty");
            }
            DelimitedLine cells = new DelimitedLine(DelimitedLine.delimiterOf(headerLine)).reset(headerLine);
            int width = cells.size();
            if (width < 4 || !cells.text(0).strip().equals(DESCRIPTION) || !cells.text(1).strip().equals(ACCESSION)) {
                throw in.error("expected the header '" + DESCRIPTION + "', '" + ACCESSION
                        + "', then value/call column pairs");
            }
            if ((width - 2) % 2 != 0) {
                throw in.error("after the two gene columns the header has " + (width - 2)
                        + " columns; expected value/call pairs");
            }
            List<String> patients = new ArrayList<>();
            Map<String, Integer> patientColumns = new HashMap<>();
            for (int c = 2; c < width; c += 2) {
                String value = cells.text(c).strip();
                String call = cells.text(c + 1).strip();
                if (value.equalsIgnoreCase(CALL) || !call.equalsIgnoreCase(CALL)) {
                    throw in.error("columns " + (c + 1) + " and " + (c + 2) + " are '" + value + "', '" + call
                            + "'; expected a patient value column followed by its 'call' column");
                }
                if (value.isEmpty()) {
                    throw in.error("empty patient id in column " + (c + 1));
                }
                Integer before = patientColumns.putIfAbsent(value, c + 1);
                if (before != null) {
                    throw in.error("duplicate sample id '" + value + "' in columns " + before + " and " + (c + 1));
                }
                patients.add(value);
            }
            FeatureRows table = new FeatureRows(patients.size());
            List<String> descriptions = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                cells.reset(line);
                if (cells.size() != width) {
                    throw in.error("row has " + cells.size() + " fields, the header has " + width);
                }
                String accession = cells.text(1).strip();
                double[] row = table.add(accession);
                String description = cells.text(0).strip();
                descriptions.add(description.isEmpty() ? null : description);
                for (int p = 0; p < patients.size(); p++) {
                    int c = 2 + 2 * p;
                    try {
                        row[p] = cells.number(c);
                    } catch (NumberFormatException e) {
                        throw in.error("gene '" + accession + "', patient '" + patients.get(p) + "' (column " + (c + 1)
                                + "): '" + cells.text(c) + "' is not a number");
                    }
                    String call = cells.text(c + 1).strip();
                    if (!(call.equals("P") || call.equals("A") || call.equals("M"))) {
                        throw in.error("gene '" + accession + "', patient '" + patients.get(p) + "' (column " + (c + 2)
                                + "): call '" + call + "' is not P, A or M");
                    }
                }
            }
            if (table.featureCount() == 0) {
                throw UserException.badFile(file, "has a header but no gene rows");
            }
            Map<String, List<String>> noAnnotations = new LinkedHashMap<>();
            return new Dataset(file.getFileName().toString(), patients, table.featureIds(),
                    FeatureIdType.guess(table.featureIds()), table.sampleMajor(), noAnnotations, List.of())
                    .withFeatureAnnotations(annotations(descriptions));
        }
    }
}
