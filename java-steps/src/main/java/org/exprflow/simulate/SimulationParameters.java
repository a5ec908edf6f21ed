package org.exprflow.simulate;

import java.util.List;

import org.exprflow.core.UserException;

/**
 * What the simulator is asked to produce. Validated here, once, so that the generator can assume a
 * consistent design (every class has enough samples, the differential probes fit in the array).
 *
 * @param seed                  seed of every random draw; the same seed gives byte-identical files
 * @param samples               number of arrays (samples)
 * @param probes                number of probe sets, AFFX controls included
 * @param classes               number of leukaemia classes
 * @param differentialPerClass  probes planted as differentially expressed for each class
 * @param batches               processing batches; 0 = the default design (one per 12 samples, at most 3)
 */
public record SimulationParameters(long seed, int samples, int probes, int classes, int differentialPerClass,
                                   int batches) {

    /** The default batch design. */
    public SimulationParameters(long seed, int samples, int probes, int classes, int differentialPerClass) {
        this(seed, samples, probes, classes, differentialPerClass, 0);
    }

    /** Leukaemia subtypes used as class names, in the order classes are added. */
    public static final List<String> CLASS_NAMES = List.of("AML", "B-ALL", "T-ALL", "CLL", "CML", "MDS", "APL", "HCL");

    /** Every class needs at least this many samples, so that a stratified split can hold one out. */
    public static final int MIN_SAMPLES_PER_CLASS = 4;

    public SimulationParameters {
        if (classes < 2 || classes > CLASS_NAMES.size()) {
            throw UserException.badParameter("--classes must be between 2 and " + CLASS_NAMES.size() + ", got " + classes);
        }
        if (samples < MIN_SAMPLES_PER_CLASS * classes) {
            throw UserException.badParameter("--samples must be at least " + MIN_SAMPLES_PER_CLASS + " per class ("
                    + MIN_SAMPLES_PER_CLASS * classes + " for " + classes + " classes), got " + samples);
        }
        if (batches < 0) {
            throw UserException.badParameter("--batches must be 0 (default design) or positive, got " + batches);
        }
        if (differentialPerClass < 1) {
            throw UserException.badParameter("--differential must be at least 1, got " + differentialPerClass);
        }
        // Differential probes are drawn from the regular (non-control) probes; keep most probes null so
        // that classification needs feature selection rather than working on any probe.
        long needed = (long) AffymetrixProbeIds.controlCount(probes) + 2L * classes * differentialPerClass;
        if (probes < needed) {
            throw UserException.badParameter("--probes must be at least " + needed + " for " + classes + " classes with "
                    + differentialPerClass + " differential probes each, got " + probes);
        }
    }

    /** The number of batches: as given, or one per 12 samples, at most 3. */
    public int batchCount() {
        return batches > 0 ? batches : Math.max(1, Math.min(3, samples / 12));
    }

    public List<String> classNames() {
        return CLASS_NAMES.subList(0, classes);
    }
}
