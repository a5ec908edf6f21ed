package org.exprflow.landmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;

import org.exprflow.core.Log;
import org.exprflow.core.SimulatorSeed;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureMatrixText;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow simulate-landmark}: writes {@link LandmarkSimulator}'s study as files the pipeline
 * reads: expression.tsv.gz (features × samples, 3 decimals: log2 intensities need no more),
 * query_landmarks.tsv.gz and query_targets.tsv.gz (further samples: landmarks to predict from, and
 * the true targets to check the predictions against),
 * landmarks.txt and targets.txt (one probe id per line) and truth.tsv (each target's kind, the
 * landmarks or programs it reads, and its weights); its kind column is a --target-groups file for
 * landmark-summary. The gzip bytes are reproducible ({@link AtomicOutput#writeGzipText}).
 */
@Command(name = "simulate-landmark", mixinStandardHelpOptions = true,
        description = "Write a simulated landmark/target expression study (linear and non-linear targets) for landmark-fit.")
public final class SimulateLandmarkCommand extends StepCommand {

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Directory to write into (created if absent).")
    Path outputDir;

    @Mixin
    SimulatorSeed seed;

    @Option(names = "--samples", defaultValue = "200", description = "Samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--landmarks", defaultValue = "978", description = "Landmark genes (default: ${DEFAULT-VALUE}, as L1000).")
    int landmarks;

    @Option(names = "--targets", defaultValue = "40", description = "Target genes (default: ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--nonlinear-fraction", defaultValue = "0.5", description = "Share of non-linear targets (default: ${DEFAULT-VALUE}).")
    double nonlinearFraction;

    @Option(names = "--query-samples", defaultValue = "20",
            description = "Further samples written apart, as new profiles for landmark-predict: their landmarks in "
                    + "query_landmarks.tsv.gz and their true targets in query_targets.tsv.gz (default: ${DEFAULT-VALUE}).")
    int querySamples;

    @Override
    protected void execute() {
        LandmarkSimulator.Parameters p;
        try {
            p = new LandmarkSimulator.Parameters(seed.seed(), samples, landmarks, targets, nonlinearFraction, querySamples);
        } catch (IllegalArgumentException e) {
            throw UserException.badParameter(e.getMessage());
        }
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw UserException.badParameter("--output-dir " + outputDir + " exists and is not a directory");
        }
        LandmarkSimulator.Study study = LandmarkSimulator.simulate(p);
        try {
            Files.createDirectories(outputDir);
            writeMatrix(study.data(), outputDir.resolve("expression.tsv.gz"));
            if (querySamples > 0) {
                int[] lm = java.util.stream.IntStream.range(0, landmarks).toArray();
                int[] tg = java.util.stream.IntStream.range(landmarks, landmarks + targets).toArray();
                writeMatrix(study.query().subsetFeatures(lm), outputDir.resolve("query_landmarks.tsv.gz"));
                writeMatrix(study.query().subsetFeatures(tg), outputDir.resolve("query_targets.tsv.gz"));
            }
            AtomicOutput.writeString(outputDir.resolve("landmarks.txt"), String.join("\n", study.landmarkIds()) + "\n");
            AtomicOutput.writeString(outputDir.resolve("targets.txt"), String.join("\n", study.targetIds()) + "\n");
            AtomicOutput.writeText(outputDir.resolve("truth.tsv"), w -> {
                w.write("target\tkind\tinput_a\tinput_b\tinput_c\tweight_a\tweight_b\tweight_c\n");
                for (LandmarkSimulator.TargetTruth t : study.truth()) {
                    w.write(t.id() + "\t" + t.kind().name().toLowerCase(Locale.ROOT) + "\t" + input(t, t.a()) + "\t"
                            + input(t, t.b()) + "\t" + input(t, t.c()) + "\t"
                            + Canonical.number(t.wa()) + "\t" + Canonical.number(t.wb()) + "\t" + Canonical.number(t.wc()) + "\n");
                }
            });
        } catch (IOException e) {
            throw UserException.badParameter("cannot write to --output-dir " + outputDir + ": " + e.getMessage());
        }
        Log.info("simulated " + samples + " samples x " + landmarks + " landmarks + " + targets + " targets, seed " + seed.seed());
    }

    /** What a target reads: a landmark id (linear targets) or a program, program1.. (non-linear). */
    private static String input(LandmarkSimulator.TargetTruth t, int index) {
        return t.kind() == LandmarkSimulator.Kind.LINEAR ? LandmarkSimulator.landmarkId(index) : "program" + (index + 1);
    }

    private static void writeMatrix(Dataset d, Path file) throws IOException {
        AtomicOutput.writeGzipText(file, Deflater.DEFAULT_COMPRESSION,
                w -> FeatureMatrixText.write(w, d, "probe", x -> String.format(Locale.ROOT, "%.3f", x)));
    }
}
