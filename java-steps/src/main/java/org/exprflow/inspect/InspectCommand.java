package org.exprflow.inspect;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.JsonOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints what a saved model holds: a classification model ({@code .xfm}, from train) or a landmark
 * model ({@code .xlm}, from landmark-fit): versions, training data, the chosen configuration with the
 * inner-CV score of every candidate, transforms, features and classes. A command users run by hand
 * (no Nextflow module); the text and the JSON are two renderings of one description
 * ({@link ModelDescription}), so they never disagree.
 *
 * <p>The JSON is plain JSON (sorted keys, canonical numbers: {@link JsonOutput}), not a step JSON kind
 * ({@code stepfile.StepJson}): no step reads it, and step kinds are the contracts between steps.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print what a saved model holds (a classification model .xfm from 'exprflow train', or a landmark "
                + "model .xlm from 'exprflow landmark-fit --output-model'): versions, training data and its checksum, "
                + "the chosen configuration and the inner-CV scores, transforms, features and classes.")
public final class InspectCommand extends StepCommand {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file (.xfm or .xlm).")
    Path model;

    @Option(names = "--json", description = "Print JSON (sorted keys) instead of text.")
    boolean json;

    @Option(names = "--first", defaultValue = "20", paramLabel = "N",
            description = "How many ids of each list (input features, landmarks, targets, training samples) to show "
                    + "(default: ${DEFAULT-VALUE}); the selected features are listed in full up to 200.")
    int first;

    @Option(names = "--all-features", description = "Show every id of every list (overrides --first).")
    boolean allFeatures;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path output;

    @Override
    protected void validateArguments() {
        if (first < 0) {
            throw UserException.badParameter("--first must be 0 or more, got " + first);
        }
    }

    @Override
    protected void execute() throws Exception {
        ObjectNode description = ModelDescription.of(model, allFeatures ? Integer.MAX_VALUE : first);
        String text = json ? JsonOutput.render(description) : DescriptionText.render(description);
        if (output != null) {
            AtomicOutput.writeString(output, text);
        } else {
            // UTF-8 whatever the platform's default (λ, ×); wraps System.out so a test can capture it
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.print(text);
            out.flush();
        }
    }
}
