package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.exprflow.core.UserException;
import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * Recognises the input format from the first meaningful line of the file (gzip is recognised by its
 * magic bytes by {@link TextInput}, so the file name does not matter). Only that line is read:
 * CuMiDa headers can be hundreds of kilobytes long, so sniffing many lines would cost real time.
 */
public final class FormatDetector {
    private static final String[] SOFT_ENTITIES = {"^DATABASE", "^SERIES", "^PLATFORM", "^SAMPLE", "^DATASET"};

    private FormatDetector() {
    }

    public static InputFormat detect(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                // blank lines and ARFF comments say nothing about the format
                if (t.isEmpty() || t.startsWith("%")) {
                    continue;
                }
                return classify(t);
            }
            throw UserException.badFile(file, "is empty");
        }
    }

    static InputFormat classify(String firstLine) {
        if (firstLine.toLowerCase(Locale.ROOT).startsWith("@relation")) {
            return InputFormat.ARFF;
        }
        for (String entity : SOFT_ENTITIES) {
            if (firstLine.startsWith(entity)) {
                return InputFormat.GEO_SOFT;
            }
        }
        if (firstLine.startsWith("!Series_")) {
            return InputFormat.GEO_MATRIX;
        }
        List<String> header = Fields.split(firstLine, firstLine.indexOf('\t') >= 0 ? '\t' : ',');
        if (header.size() >= 2 && header.get(0).strip().equalsIgnoreCase("samples")
                && header.get(1).strip().equalsIgnoreCase("type")) {
            return InputFormat.CUMIDA;
        }
        if (header.contains("Gene Description") && header.contains("Gene Accession Number") && header.contains("call")) {
            return InputFormat.GOLUB;
        }
        return InputFormat.TSV;
    }
}
