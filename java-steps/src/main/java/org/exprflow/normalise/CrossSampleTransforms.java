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
            ComBat.NAME, ComBat.NAME_NON_PARAMETRIC, ComBat.NAME_MEAN_ONLY,
            FilterByExpr.NAME, TmmLogCpm.NAME, DeseqVst.NAME, "none");

    /**
     * The transforms that read raw counts. They come first in the list, in this order (a filter, then
     * at most one normalisation), before every per-sample or per-feature step: those would turn the
     * counts into something a count transform must not read.
     */
    static final List<String> COUNT_TRANSFORMS = List.of(FilterByExpr.NAME, TmmLogCpm.NAME, DeseqVst.NAME);

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
        requireCountTransformsFirst(names, spec);
        return List.copyOf(out);
    }

    /** Count transforms first, the filter before the normalisation, one normalisation at most. */
    private static void requireCountTransformsFirst(List<String> names, String spec) {
        int previousRank = -1;
        boolean countsLeft = true;
        for (String name : names) {
            int rank = COUNT_TRANSFORMS.indexOf(name);
            if (rank < 0) {
                countsLeft = false;
                continue;
            }
            if (!countsLeft) {
                throw UserException.badParameter("--transforms '" + spec + "': the count transform '" + name
                        + "' must come before every other transform (they no longer give counts)");
            }
            if (rank > 0 && previousRank > 0) {
                throw UserException.badParameter("--transforms '" + spec + "': give one count normalisation, not '"
                        + COUNT_TRANSFORMS.get(previousRank) + "' and '" + name + "'");
            }
            if (rank < previousRank) {
                throw UserException.badParameter("--transforms '" + spec + "': '" + name + "' must come before '"
                        + COUNT_TRANSFORMS.get(previousRank) + "' (it reads raw counts)");
            }
            previousRank = rank;
        }
    }

    private static CrossSampleTransform byName(String name, String spec) {
        return switch (name) {
            case QuantileNormalisation.NAME -> new QuantileNormalisation();
            case SampleStandardisation.NAME -> new SampleStandardisation();
            case FeatureZScore.NAME -> new FeatureZScore();
            case ComBat.NAME -> new ComBat(ComBat.Form.PARAMETRIC);
            case ComBat.NAME_NON_PARAMETRIC -> new ComBat(ComBat.Form.NON_PARAMETRIC);
            case ComBat.NAME_MEAN_ONLY -> new ComBat(ComBat.Form.MEAN_ONLY);
            case FilterByExpr.NAME -> new FilterByExpr();
            case TmmLogCpm.NAME -> new TmmLogCpm();
            case DeseqVst.NAME -> new DeseqVst();
            default -> throw UserException.badParameter("--transforms '" + spec + "': unknown transform '" + name
                    + "'; valid: " + String.join(", ", NAMES));
        };
    }
}
