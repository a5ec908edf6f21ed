package org.exprflow.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.exprflow.core.UserException;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.OptionHandler;
import weka.core.Randomizable;
import weka.core.SerializedObject;
import weka.core.Utils;

/**
 * The one factory for every Weka learner exprflow builds, classifiers and regressors alike
 * (classification, regression, landmark inference): a learner as users write it on Weka's command
 * line ("weka.classifiers.functions.SMO -M"), parsed once. Randomised learners get the run's seed
 * unless the options set {@code -S} themselves, so a learner is reproducible by default.
 *
 * @param text      the learner as the user typed it, for messages
 * @param className the Weka class
 * @param options   its options, as Weka's command line takes them
 */
public record WekaLearnerSpec(String text, String className, List<String> options) implements Serializable {

    public WekaLearnerSpec {
        options = List.copyOf(options);
    }

    /**
     * Parses and checks a learner: an unknown class or a bad option is a usage error now, before
     * any data are read.
     *
     * @param what names the learner in messages, e.g. "learner" or "--learner knn"
     */
    public static WekaLearnerSpec parse(String text, String what) {
        WekaLearnerSpec spec = split(text, what);
        spec.newInstance(0, what);
        return spec;
    }

    /**
     * A fresh learner for one fit, parsed and built in one step: building it is the check, so a fit
     * inside the inner loop does not build a second, throw-away learner as {@link #parse} would.
     */
    public static Classifier instantiate(String text, long seed, String what) {
        Prototype prototype = PROTOTYPES.computeIfAbsent(text, t -> Prototype.of(split(t, what), what));
        Classifier c = prototype.copy();
        if (c instanceof Randomizable r && !prototype.seedInOptions()) {
            r.setSeed((int) seed);
        }
        return c;
    }

    /**
     * Untrained learners by command line, each built once per process and kept serialised. Weka's
     * {@code forName} scans every class it knows for a name match on each call (and SMO's options
     * build its calibrator that way again), which was a fifth of the inner loop's CPU; a copy of
     * the serialised prototype ({@code AbstractClassifier.makeCopy}'s way) is the same untrained
     * learner for a fraction of that. The bytes are never mutated, so threads share them safely
     * and every fit gets a learner of its own (Weka learners are not thread-safe).
     */
    private static final ConcurrentHashMap<String, Prototype> PROTOTYPES = new ConcurrentHashMap<>();

    private record Prototype(SerializedObject bytes, boolean seedInOptions) {
        static Prototype of(WekaLearnerSpec spec, String what) {
            Classifier fresh = spec.newInstance(0, what);
            try {
                return new Prototype(new SerializedObject(fresh), spec.options().contains("-S"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot copy Weka learner '" + spec.text() + "'", e);
            }
        }

        Classifier copy() {
            try {
                return (Classifier) bytes.getObject();
            } catch (Exception e) {
                throw new IllegalStateException("cannot copy a Weka learner", e);
            }
        }
    }

    private static WekaLearnerSpec split(String text, String what) {
        String[] parts;
        try {
            parts = Utils.splitOptions(text);
        } catch (Exception e) {
            throw UserException.badParameter(what + ": cannot parse Weka options '" + text + "': " + e.getMessage());
        }
        if (OptionRanges.hasRange(text)) {
            // only train and permute (ModelOptions) expand ranges; elsewhere Weka would see "[1,2]" as a value
            throw UserException.badParameter(what + ": '" + text + "' holds an option range; ranges such as "
                    + "-C 2^[-5:5] are expanded only in train and permute's --learner");
        }
        if (parts.length == 0) {
            throw UserException.badParameter(what + ": empty; give a Weka class name such as " + ModelSpec.DEFAULT_LEARNER);
        }
        return new WekaLearnerSpec(text, parts[0], Arrays.asList(parts).subList(1, parts.length));
    }

    /** A fresh, untrained learner with the seed applied (unless the options set -S). */
    public Classifier newInstance(long seed, String what) {
        Classifier c;
        try {
            // forName consumes the array it is given: always pass a copy
            c = AbstractClassifier.forName(className, options.toArray(String[]::new));
        } catch (Exception e) {
            throw UserException.badParameter(what + ": invalid Weka learner '" + text + "': " + e.getMessage());
        }
        if (c instanceof Randomizable r && !options.contains("-S")) {
            r.setSeed((int) seed);
        }
        return c;
    }

    /**
     * The learner's canonical command line: its class and the options it reports itself
     * ({@link OptionHandler#getOptions()}), defaults and the applied seed included. Models record
     * this rather than what the user typed, so a model says exactly how it was configured.
     */
    public static String canonical(Classifier c) {
        if (c instanceof OptionHandler h) {
            String options = Utils.joinOptions(h.getOptions());
            return options.isEmpty() ? c.getClass().getName() : c.getClass().getName() + " " + options;
        }
        return c.getClass().getName();
    }
}
