package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow sample-overlap}: refuses training and test data that share sample ids. A sample
 * in both is scored by a model that trained on it, and the test accuracy means nothing (a run once
 * reported 1.0 that way). The pipeline runs it when it starts, before any task, whenever
 * {@code --input} and {@code --test_input} are both local files, so the refusal comes in a second
 * instead of after the training. The files are read by the same readers as {@code import}; ids
 * are compared as the files write them (samplesheets, which only label and filter, are not read).
 * Exit 0 and one log line when the two are disjoint, exit 2 naming the first shared ids otherwise.
 */
@Command(name = "sample-overlap", mixinStandardHelpOptions = true,
        description = "Refuse training and test expression files that share sample ids (exit 2).")
public final class SampleOverlapCommand extends StepCommand {
    /** How many shared ids the message names. */
    static final int SHOWN = 5;

    @Option(names = "--input", required = true, description = "Training expression file (any format import reads).")
    Path input;

    @Option(names = "--format", defaultValue = "auto", description = "Format of --input (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--test-input", required = true, description = "Test expression file.")
    Path testInput;

    @Option(names = "--test-format", defaultValue = "auto", description = "Format of --test-input (default: ${DEFAULT-VALUE}).")
    String testFormat;

    @Option(names = "--platform", description = "GEO platform to read from multi-platform SOFT files (default: most samples).")
    String platform;

    @Option(names = "--allow-option", defaultValue = "--allow-sample-overlap", hidden = true,
            description = "The option named in the refusal (the pipeline passes its own parameter's name).")
    String allowOption;

    @Override
    protected void execute() {
        List<String> train = sampleIds(input, format);
        List<String> test = sampleIds(testInput, testFormat);
        Set<String> trainSet = new LinkedHashSet<>(train);
        List<String> shared = new ArrayList<>();
        for (String id : test) {
            if (trainSet.contains(id)) {
                shared.add(id);
            }
        }
        if (!shared.isEmpty()) {
            throw UserException.badParameter(shared.size() + " of the " + test.size() + " test samples in " + testInput
                    + " are also training samples in " + input + " (" + String.join(", ", shared.subList(0, Math.min(SHOWN, shared.size())))
                    + (shared.size() > SHOWN ? ", ..." : "") + "): a model would be tested on samples it learned from;"
                    + " remove them from one file, or give " + allowOption + " to run anyway");
        }
        Log.info("training (" + train.size() + " samples) and test (" + test.size() + " samples) share no sample id");
    }

    private List<String> sampleIds(Path file, String fileFormat) {
        InputFormat f = ImportCommand.inputFormat(file, fileFormat);
        String gplOnly = f == InputFormat.GEO_SOFT ? platform : null;
        Dataset data = ImportCommand.read(file, f, new ReaderOptions(null, null, null, gplOnly, null), null,
                new PerSampleQuantifications.Options(StarStrand.AUTO, null, Tximport.CountsFromAbundance.NO, false, 0.05));
        return data.sampleIds();
    }
}
