package org.exprflow.download;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files of an ENCODE experiment to fetch: released files only, and each given criterion must
 * match (case-insensitively). --file-format matches either file_type ("bed narrowPeak") or
 * file_format ("bed", "tsv", "bam"), because users know one or the other; an absent criterion
 * matches anything.
 */
record EncodeFileFilter(String fileFormat, String outputType, String assembly) {

    boolean matches(EncodeFileRecord f) {
        return f.released()
                && (fileFormat == null || fileFormat.equalsIgnoreCase(f.fileType()) || fileFormat.equalsIgnoreCase(f.fileFormat()))
                && (outputType == null || outputType.equalsIgnoreCase(f.outputType()))
                && (assembly == null || assembly.equalsIgnoreCase(f.assembly()));
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("status released");
        if (fileFormat != null) {
            parts.add("--file-format '" + fileFormat + "'");
        }
        if (outputType != null) {
            parts.add("--output-type '" + outputType + "'");
        }
        if (assembly != null) {
            parts.add("--assembly '" + assembly + "'");
        }
        return String.join(", ", parts);
    }
}
