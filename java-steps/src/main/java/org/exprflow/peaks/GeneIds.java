package org.exprflow.peaks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gene-id normalisation used for every file (RNA quantifications and annotations alike), so that
 * GENCODE releases with different version suffixes still match: ENSG00000123456.5 becomes
 * ENSG00000123456. Ensembl's PAR_Y copies keep their suffix (ENSG00000002586.19_PAR_Y becomes
 * ENSG00000002586_PAR_Y): they are distinct rows in GENCODE and must not collide with the X copy.
 */
public final class GeneIds {
    private static final Pattern VERSIONED = Pattern.compile("(ENS[A-Z]*G\\d+)\\.\\d+(_PAR_Y)?");

    private GeneIds() {
    }

    public static String strip(String id) {
        Matcher m = VERSIONED.matcher(id);
        if (m.matches()) {
            return m.group(2) == null ? m.group(1) : m.group(1) + m.group(2);
        }
        return id;
    }
}
