package org.exprflow.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.exprflow.core.UserException;
import org.exprflow.io.Fields;

/**
 * Reads the accessions of a samplesheet given with --accessions: either one accession per line, or a
 * CSV/TSV table with an {@code accession} column (case-insensitive). A file is a table when its first
 * non-comment line contains a comma or a tab, or is the single header "accession". Blank lines and lines starting with '#' are skipped.
 */
final class AccessionListReader {
    private AccessionListReader() {
    }

    static List<Accession> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserException.badFile(file, "cannot read the accession list: " + e.getMessage());
        }
        List<Accession> out = new ArrayList<>();
        int column = -1;
        char delimiter = 0;
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                // A one-column table has no delimiter: its header is just "accession".
                if (trimmed.indexOf('\t') >= 0 || trimmed.indexOf(',') >= 0 || trimmed.equalsIgnoreCase("accession")) {
                    delimiter = trimmed.indexOf('\t') >= 0 ? '\t' : ',';
                    column = accessionColumn(file, i + 1, Fields.split(trimmed, delimiter));
                    continue;
                }
            }
            String value = trimmed;
            if (delimiter != 0) {
                List<String> cells = Fields.split(trimmed, delimiter);
                if (cells.size() <= column) {
                    throw UserException.badLine(file, i + 1, "no value in the 'accession' column");
                }
                value = cells.get(column).strip();
            }
            Accession a = Accession.tryParse(value);
            if (a == null) {
                throw UserException.badLine(file, i + 1, Accession.describeInvalid(value));
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            throw UserException.badFile(file, "no accessions");
        }
        return out;
    }

    private static int accessionColumn(Path file, int line, List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).strip().toLowerCase(Locale.ROOT).equals("accession")) {
                return c;
            }
        }
        throw UserException.badLine(file, line, "a table needs an 'accession' column (header: " + String.join(",", header) + ")");
    }
}
