package org.exprflow.simulate;

import java.util.List;

import org.exprflow.io.Canonical;

/**
 * One simulated microarray study, held in memory so that every output format writes exactly the
 * same values and annotations. Intensities are MAS5-like linear signals already rounded to one
 * decimal (as GEO publishes them), so a reader of any format recovers the same numbers.
 *
 * @param probeIds      probe-set ids, in array order
 * @param sampleIds     GSM-like sample accessions, in series order
 * @param classNames    the classes, in the order they were defined
 * @param labels        class of each sample
 * @param patients      patient id of each sample; pairs of samples share one (grouped CV)
 * @param tissues       "bone marrow" or "peripheral blood", per sample
 * @param batches       processing batch of each sample
 * @param splits        "train" or "test", stratified by class, whole patients at a time
 * @param intensities   [sample][probe] linear intensities, NaN for NA
 * @param differential  the planted differential probes
 * @param outlierSample index of the one degraded array
 */
record SimulatedStudy(List<String> probeIds, List<String> sampleIds, List<String> classNames, List<String> labels,
                      List<String> patients, List<String> tissues, List<String> batches, List<String> splits,
                      double[][] intensities, List<DifferentialProbe> differential, int outlierSample) {

    /** Accessions of the fictitious GEO series and platform the GEO formats describe. */
    static final String SERIES_ACCESSION = "GSE990001";
    static final String PLATFORM_ACCESSION = "GPL990001";
    static final String PLATFORM_TITLE = "[HG-U133A-like] exprflow simulated Affymetrix 3' expression array";
    static final String SERIES_TITLE = "Simulated gene expression profiles of leukaemia subtypes (exprflow test data)";

    /** A probe whose expression differs in one class compared with all other classes. */
    record DifferentialProbe(int probe, String className, double log2FoldChange) {
    }

    int sampleCount() {
        return sampleIds.size();
    }

    int probeCount() {
        return probeIds.size();
    }

    double intensity(int sample, int probe) {
        return intensities[sample][probe];
    }

    /** The intensity as text, with {@code missing} for NA (each format has its own NA spelling). */
    String intensityText(int sample, int probe, String missing) {
        double v = intensities[sample][probe];
        return Double.isNaN(v) ? missing : Canonical.number(v);
    }
}
