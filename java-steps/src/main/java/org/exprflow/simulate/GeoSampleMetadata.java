package org.exprflow.simulate;

import java.util.List;

/**
 * The MIAME fields that both GEO formats (series matrix and family SOFT) show for a sample, so the
 * two describe the same samples with the same words. Labels are given the GEO way, as
 * "key: value" characteristics ("disease state: AML"), which the importer's --label-key reads.
 */
final class GeoSampleMetadata {
    /** Fixed dates: real GEO files carry them, and fixed ones keep the output deterministic. */
    static final String STATUS = "Public on Jan 05 2026";
    static final String SUBMISSION_DATE = "Jan 02 2026";
    static final String LAST_UPDATE_DATE = "Jan 05 2026";
    static final String DATA_PROCESSING =
            "MAS 5.0 signal (Affymetrix Microarray Suite 5.0), global scaling to target intensity 500";
    static final String LABEL_KEY = "disease state";

    private GeoSampleMetadata() {
    }

    static String title(SimulatedStudy study, int s) {
        return study.labels().get(s) + " patient " + study.patients().get(s) + ", " + study.tissues().get(s);
    }

    static String sourceName(SimulatedStudy study, int s) {
        return study.tissues().get(s) + " mononuclear cells";
    }

    /** The characteristics_ch1 values, in the order GEO lists them (one line each). */
    static List<String> characteristics(SimulatedStudy study, int s) {
        return List.of(
                LABEL_KEY + ": " + study.labels().get(s),
                "tissue: " + study.tissues().get(s),
                "patient: " + study.patients().get(s),
                "processing batch: " + study.batches().get(s));
    }

    static String description(SimulatedStudy study, int s) {
        return "Simulated hybridisation " + (s + 1) + " of " + study.sampleCount() + " (exprflow simulate)";
    }

    /**
     * MAS5-style detection call from the signal. Real calls come from perfect-match/mismatch probe
     * pairs, which are not simulated; a threshold near background gives the same look (mostly A below
     * ~60, P above ~90).
     */
    static String detectionCall(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value < 60 ? "A" : value < 90 ? "M" : "P";
    }
}
