package org.exprflow.peaks;

import java.nio.file.Path;
import java.util.Map;

/**
 * TPM per gene (version-stripped ids, file order) of one RNA-seq quantification.
 */
public record RnaQuantification(Path source, Map<String, Double> tpm) {
    /** log2(TPM + 1) of a gene, or NaN when the file does not have it. */
    public double log2TpmPlusOne(String geneId) {
        Double v = tpm.get(geneId);
        return v == null ? Double.NaN : Math.log(v + 1) / Math.log(2);
    }
}
