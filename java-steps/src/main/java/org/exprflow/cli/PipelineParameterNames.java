package org.exprflow.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Under the pipeline, a user error names what the user typed: the pipeline parameter
 * ({@code --allow_extra_samples}), not the step's own flag ({@code --allow-extra-samples}), which
 * the user never sees. The pipeline lists its parameters in the environment variable
 * {@value #ENVIRONMENT} of every task (conf/base.config's beforeScript exports it); outside it,
 * messages are left as they are, since a user of the step itself typed the step's flags.
 *
 * A flag becomes the parameter of the same name in snake case when the pipeline has one, or the
 * parameter in {@link #RENAMED} for the few steps whose flag and parameter are named differently;
 * any other flag (one the pipeline sets itself, such as {@code --fold}) is left alone.
 */
final class PipelineParameterNames {
    static final String ENVIRONMENT = "EXPRFLOW_PIPELINE_PARAMS";

    /** Step flags whose pipeline parameter has another name (conf/modules.config passes one as the other). */
    static final Map<String, String> RENAMED = Map.of(
            "missing-landmarks", "landmark_query_missing",
            "min-mapq", "count_min_mapq",
            "keep-duplicates", "count_keep_duplicates",
            "outer-repeats", "permutation_repeats");

    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\\w-])");

    private final Set<String> parameters;

    PipelineParameterNames(Set<String> parameters) {
        this.parameters = parameters;
    }

    /** The pipeline's parameters from the environment, or null when the step runs on its own. */
    static PipelineParameterNames fromEnvironment() {
        String listed = System.getenv(ENVIRONMENT);
        if (listed == null || listed.isBlank()) {
            return null;
        }
        return new PipelineParameterNames(Arrays.stream(listed.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /** The message with every step flag that is a pipeline parameter spelled as the parameter. */
    String translate(String message) {
        Matcher m = FLAG.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("--" + parameterOf(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String parameterOf(String flag) {
        String renamed = RENAMED.get(flag);
        if (renamed != null && parameters.contains(renamed)) {
            return renamed;
        }
        String snake = flag.replace('-', '_');
        return parameters.contains(snake) ? snake : flag;
    }

    /** The message as the user should read it: translated under the pipeline, else unchanged. */
    static String forUser(String message) {
        PipelineParameterNames names = fromEnvironment();
        return names == null || message == null ? message : names.translate(message);
    }
}
