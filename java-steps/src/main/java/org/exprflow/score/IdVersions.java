package org.exprflow.score;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removal of version suffixes from ids, applied identically to every id of every input (predictions,
 * measurements, both columns of the id map), so that ENSG00000141510.16 in a GENCODE-based
 * prediction file matches ENSG00000141510.11 or ENSG00000141510 in an expression table.
 * <ul>
 *   <li>auto (default): only Ensembl ids (ENS, optional species letters, digits: genes, transcripts,
 *       proteins) lose a trailing ".N"; other ids are left alone, because a dot in a symbol or probe
 *       id is not a version;</li>
 *   <li>always (--strip-versions): any id ending in ".N" loses it (RefSeq NM_000546.6, etc.);</li>
 *   <li>never (--no-strip-versions): ids are compared as written.</li>
 * </ul>
 * GENCODE's PAR_Y copies keep their suffix (ENSG00000002586.20_PAR_Y becomes ENSG00000002586_PAR_Y):
 * they are distinct rows and must not collide with the X-chromosome copy.
 */
final class IdVersions {
    private static final Pattern ENSEMBL = Pattern.compile("(ENS[A-Z]*\\d+)\\.\\d+(_PAR_Y)?");
    private static final Pattern ANY = Pattern.compile("(.+?)\\.\\d+(_PAR_Y)?");

    private final Boolean mode;

    /** @param mode true = always, false = never, null = Ensembl ids only */
    IdVersions(Boolean mode) {
        this.mode = mode;
    }

    String strip(String id) {
        if (Boolean.FALSE.equals(mode)) {
            return id;
        }
        Pattern p = mode == null ? ENSEMBL : ANY;
        Matcher m = p.matcher(id);
        if (!m.matches()) {
            return id;
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + m.group(2);
    }

    /** The mode as written in the JSON output. */
    String label() {
        return mode == null ? "ensembl" : mode ? "always" : "never";
    }
}
