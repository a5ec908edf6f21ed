package org.exprflow.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for version suffixes of ids, applied identically to every id of every input that is
 * matched by id (RNA quantifications and gene annotations in peaks; predictions, measurements and
 * both columns of an id map in score), so that ENSG00000141510.16 in a GENCODE-based file matches
 * ENSG00000141510.11 or ENSG00000141510 in another.
 * <ul>
 *   <li>{@link #ENSEMBL_GENES} (peaks: RNA quantifications and gene annotations): Ensembl gene ids;</li>
 *   <li>{@link #ENSEMBL} (score's default): only Ensembl ids (ENS, optional species letters, a type
 *       letter and digits: genes, transcripts, proteins) lose a trailing ".N"; other ids are left
 *       alone, because a dot in a symbol or probe id is not a version;</li>
 *   <li>{@link #ALWAYS}: any id ending in ".N" loses it (RefSeq NM_000546.6, etc.);</li>
 *   <li>{@link #NEVER}: ids are compared as written.</li>
 * </ul>
 * GENCODE's PAR_Y copies keep their suffix (ENSG00000002586.20_PAR_Y becomes ENSG00000002586_PAR_Y):
 * they are distinct rows and must not collide with the X-chromosome copy.
 */
public enum IdVersions {
    ENSEMBL(Pattern.compile("(ENS[A-Z]*\\d+)\\.\\d+(_PAR_Y)?")),
    /**
     * Ensembl gene ids only (ENS, optional species letters, G, digits), for inputs keyed by gene:
     * GENCODE's chrY PAR copies written ENSGR... keep their version there, as they always have.
     */
    ENSEMBL_GENES(Pattern.compile("(ENS[A-Z]*G\\d+)\\.\\d+(_PAR_Y)?")),
    ALWAYS(Pattern.compile("(.+?)\\.\\d+(_PAR_Y)?")),
    NEVER(null);

    private final Pattern versioned;

    IdVersions(Pattern versioned) {
        this.versioned = versioned;
    }

    /** The mode of a --strip-versions style flag: true = always, false = never, unset = Ensembl ids only. */
    public static IdVersions of(Boolean always) {
        return always == null ? ENSEMBL : always ? ALWAYS : NEVER;
    }

    public String strip(String id) {
        if (versioned == null) {
            return id;
        }
        Matcher m = versioned.matcher(id);
        if (!m.matches()) {
            return id;
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + m.group(2);
    }

    /** The mode as written in outputs ("ensembl", "always", "never"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
