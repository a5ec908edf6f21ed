package org.exprflow.normalise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.exprflow.core.UserException;

/**
 * Parses the {@code --transforms} option of the train step, e.g. "quantile,zscore", into the chain of
 * cross-sample transforms, applied in the order given. "none" (alone) means no transform.
 */
public final class CrossSampleTransforms {
    /** The accepted names, in the order they are listed in error messages and help. */
    public static final List<String> NAMES = List.of(
            QuantileNormalisation.NAME, SampleStandardisation.NAME, FeatureZScore.NAME,
            ComBat.NAME, ComBat.NAME_NON_PARAMETRIC, ComBat.NAME_MEAN_ONLY, "none");

    private CrossSampleTransforms() {
    }

    public static List<CrossSampleTransform> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw UserException.badParameter("--transforms is empty; give a comma-separated list of "
                    + String.join(", ", NAMES));
        }
        List<String> names = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            names.add(part.trim().toLowerCase(Locale.ROOT));
        }
        if (names.contains("none")) {
            if (names.size() > 1) {
                throw UserException.badParameter("--transforms '" + spec + "': 'none' cannot be combined with other transforms");
            }
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<CrossSampleTransform> out = new ArrayList<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw UserException.badParameter("--transforms '" + spec + "' names '" + name + "' twice");
            }
            out.add(byName(name, spec));
        }
        return List.copyOf(out);
    }

    private static CrossSampleTransform byName(String name, String spec) {
        return switch (name) {
            case QuantileNormalisation.NAME -> new QuantileNormalisation();
            case SampleStandardisation.NAME -> new SampleStandardisation();
            case FeatureZScore.NAME -> new FeatureZScore();
            case ComBat.NAME -> new ComBat(ComBat.Form.PARAMETRIC);
            case ComBat.NAME_NON_PARAMETRIC -> new ComBat(ComBat.Form.NON_PARAMETRIC);
            case ComBat.NAME_MEAN_ONLY -> new ComBat(ComBat.Form.MEAN_ONLY);
            default -> throw UserException.badParameter("--transforms '" + spec + "': unknown transform '" + name
                    + "'; valid: " + String.join(", ", NAMES));
        };
    }
}
