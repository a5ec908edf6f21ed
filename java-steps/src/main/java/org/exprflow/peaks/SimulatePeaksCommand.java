package org.exprflow.peaks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exprflow.core.Log;
import org.exprflow.core.SimulatorSeed;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow simulate-peaks}: writes the deterministic chromatin + expression study of
 * {@link PeakStudySimulator}; test-data/peaks is its output with the defaults.
 */
@Command(name = "simulate-peaks",
        mixinStandardHelpOptions = true,
        description = {
            "Write a simulated study for design (a): chrom.sizes (3 short chromosomes), genes.bed (24",
            "genes), per sample sampleNN.narrowPeak.gz and sampleNN.rna.tsv, and truth.tsv (which genes'",
            "expression follows their TSS peak signal)."
        })
public final class SimulatePeaksCommand extends StepCommand {
    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Directory to write into (created if absent).")
    Path outputDir;

    @Mixin
    SimulatorSeed seed;

    @Option(names = "--samples", defaultValue = "12", description = "Number of samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Override
    protected void execute() {
        if (samples < 2 || samples > 99) {
            throw UserException.badParameter("--samples must be 2..99, not " + samples);
        }
        try {
            Files.createDirectories(outputDir);
            new PeakStudySimulator(seed.seed(), samples).write(outputDir);
        } catch (IOException e) {
            throw UserException.badParameter("cannot write to --output-dir " + outputDir + ": " + e.getMessage());
        }
        Log.info("simulated " + samples + " samples, seed " + seed.seed());
    }
}
