package org.exprflow.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.SimulatorSeed;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow simulate}: writes a deterministic leukaemia-like microarray study in every input
 * format exprflow reads, plus samplesheet.csv and truth.tsv. The same options give byte-identical
 * files, which is what lets test-data/classify be checked against the simulator.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a simulated leukaemia microarray study (MAS5-like intensities, one degraded array,",
            "about 0.1%% missing values) in the formats exprflow imports. Always writes samplesheet.csv",
            "(sample,label,batch,group,split) and truth.tsv (planted differential probes and outlier)."
        })
public final class SimulateCommand extends StepCommand {

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Directory to write into (created if absent).")
    Path outputDir;

    @Mixin
    SimulatorSeed seed;

    @Option(names = "--samples", defaultValue = "60", description = "Number of samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--probes", defaultValue = "2000", description = "Number of probe sets, AFFX controls included (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--classes", defaultValue = "5", description = "Number of classes, 2-8: AML, B-ALL, T-ALL, CLL, CML, MDS, APL, HCL (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--differential", defaultValue = "20", paramLabel = "N", description = "Differential probes per class (default: ${DEFAULT-VALUE}).")
    int differential;

    @Option(names = "--batches", defaultValue = "0", paramLabel = "N",
            description = "Processing batches (samplesheet column batch), drawn per patient; 0: one per 12 samples, at most 3 "
                    + "(default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--formats", split = ",", defaultValue = "cumida,geo-matrix,geo-soft,golub,arff,tsv",
            description = "Comma-separated formats: cumida (cumida.csv), geo-matrix (series_matrix.txt.gz),"
                    + " geo-soft (family.soft.gz), golub (golub.csv, golub_labels.csv), arff (data.arff),"
                    + " tsv (matrix.tsv) (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Override
    protected void execute() {
        SimulationParameters parameters = new SimulationParameters(seed.seed(), samples, probes, classes, differential, batches);
        Set<OutputFormat> selected = EnumSet.noneOf(OutputFormat.class);
        for (String f : formats) {
            selected.add(OutputFormat.fromCliName(f));
        }
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw UserException.badParameter("--output-dir " + outputDir + " exists and is not a directory");
        }
        SimulatedStudy study = ExpressionSimulator.simulate(parameters);
        Log.info("simulated " + study.sampleCount() + " samples x " + study.probeCount() + " probes, "
                + classes + " classes, seed " + seed.seed());
        try {
            Files.createDirectories(outputDir);
            for (OutputFormat format : selected) {
                format.write(study, outputDir, seed.seed());
                Log.info("wrote " + format.cliName);
            }
            TsvMatrixWriter.writeSamplesheet(study, outputDir);
            TruthTableWriter.write(study, outputDir);
        } catch (IOException e) {
            throw UserException.badParameter("cannot write to --output-dir " + outputDir + ": " + e.getMessage());
        }
    }
}
