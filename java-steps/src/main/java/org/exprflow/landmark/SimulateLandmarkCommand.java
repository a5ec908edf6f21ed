package org.exprflow.landmark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.exprflow.cli.Log;
import org.exprflow.cli.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow simulate-landmark}: writes {@link LandmarkSimulator}'s study as files the pipeline
 * reads: expression.tsv.gz (features × samples, 3 decimals: log2 intensities need no more),
 * landmarks.txt and targets.txt (one probe id per line) and truth.tsv (each target's kind and
 * landmarks). The gzip header has no name or time (java.util.zip), so the bytes are reproducible.
 */
@Command(name = "simulate-landmark", mixinStandardHelpOptions = true,
        description = "Write a simulated landmark/target expression study (linear and non-linear targets) for landmark-fit.")
public final class SimulateLandmarkCommand implements Runnable {

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Directory to write into (created if absent).")
    Path outputDir;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--samples", defaultValue = "200", description = "Samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--landmarks", defaultValue = "978", description = "Landmark genes (default: ${DEFAULT-VALUE}, as L1000).")
    int landmarks;

    @Option(names = "--targets", defaultValue = "40", description = "Target genes (default: ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--nonlinear-fraction", defaultValue = "0.5", description = "Share of non-linear targets (default: ${DEFAULT-VALUE}).")
    double nonlinearFraction;

    @Override
    public void run() {
        LandmarkSimulator.Parameters p;
        try {
            p = new LandmarkSimulator.Parameters(seed, samples, landmarks, targets, nonlinearFraction);
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
            AtomicOutput.writeString(outputDir.resolve("landmarks.txt"), String.join("\n", study.landmarkIds()) + "\n");
            AtomicOutput.writeString(outputDir.resolve("targets.txt"), String.join("\n", study.targetIds()) + "\n");
            AtomicOutput.writeText(outputDir.resolve("truth.tsv"), w -> {
                w.write("target\tkind\tlandmark_a\tlandmark_b\tlandmark_c\tweight_a\tweight_b\tweight_c\n");
                for (LandmarkSimulator.TargetTruth t : study.truth()) {
                    w.write(t.id() + "\t" + t.kind().name().toLowerCase(Locale.ROOT) + "\t" + LandmarkSimulator.landmarkId(t.a()) + "\t"
                            + LandmarkSimulator.landmarkId(t.b()) + "\t" + LandmarkSimulator.landmarkId(t.c()) + "\t"
                            + Canonical.number(t.wa()) + "\t" + Canonical.number(t.wb()) + "\t" + Canonical.number(t.wc()) + "\n");
                }
            });
        } catch (IOException e) {
            throw UserException.badParameter("cannot write to --output-dir " + outputDir + ": " + e.getMessage());
        }
        Log.info("simulated " + samples + " samples x " + landmarks + " landmarks + " + targets + " targets, seed " + seed);
    }

    private static void writeMatrix(Dataset d, Path file) throws IOException {
        AtomicOutput.writeBytes(file, out -> {
            GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
            Writer w = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder("probe");
            for (String s : d.sampleIds()) {
                sb.append('\t').append(s);
            }
            w.write(sb.append('\n').toString());
            for (int j = 0; j < d.featureCount(); j++) {
                sb.setLength(0);
                sb.append(d.featureIds().get(j));
                for (int i = 0; i < d.sampleCount(); i++) {
                    sb.append('\t').append(String.format(Locale.ROOT, "%.3f", d.value(i, j)));
                }
                w.write(sb.append('\n').toString());
            }
            w.flush();
            gzip.finish();
        });
    }
}
