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
        String first = firstMeaningfulLine(file);
        if (first == null) {
            throw UserException.badFile(file, "is empty");
        }
        refuseMarkup(file, first);
        return classify(first);
    }

    /**
     * Refuses a web page saved in place of the data (a download's error page, a GEO HTML view): it
     * would otherwise be read as a one-column table and fail later with a confusing message. Run
     * for every input, whichever format was given or detected.
     */
    public static void requireNotMarkup(Path file) {
        String first = firstMeaningfulLine(file);
        if (first != null) {
            refuseMarkup(file, first);
        }
    }

    private static void refuseMarkup(Path file, String first) {
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<head")
                || lower.startsWith("<?xml") || lower.startsWith("<body")) {
            throw UserException.badFile(file, "is not expression data: it looks like "
                    + (lower.startsWith("<?xml") ? "XML" : "HTML") + " (a web page saved instead of the file?)");
        }
    }

    private static String firstMeaningfulLine(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                // blank lines and ARFF comments say nothing about the format (a line starting
                // with '#' does: featureCounts' first line records its command)
                if (!t.isEmpty() && !t.startsWith("%")) {
                    return t;
                }
            }
            return null;
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
        if (firstLine.startsWith("# Program:featureCounts")) {
            return InputFormat.FEATURECOUNTS;
        }
        if (StarReadsPerGeneReader.isFirstLine(firstLine)) {
            return InputFormat.STAR;
        }
        List<String> header = Fields.split(firstLine, firstLine.indexOf('\t') >= 0 ? '\t' : ',');
        List<String> names = header.stream().map(String::strip).toList();
        if (FeatureCountsReader.isHeader(names)) {
            return InputFormat.FEATURECOUNTS;
        }
        if (TranscriptQuantReader.Layout.SALMON.matches(names)) {
            return InputFormat.SALMON;
        }
        if (TranscriptQuantReader.Layout.KALLISTO.matches(names)) {
            return InputFormat.KALLISTO;
        }
        if (RsemGenesReader.isHeader(names)) {
            return InputFormat.RSEM;
        }
        if (GeneMatrixReader.isHeader(names)) {
            return InputFormat.GENE_MATRIX;
        }
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
