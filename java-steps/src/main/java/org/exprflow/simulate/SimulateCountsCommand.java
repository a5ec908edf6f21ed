package org.exprflow.simulate;

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
 * {@code exprflow simulate-counts}: a deterministic negative-binomial RNA-seq count study (see
 * {@link CountStudySimulator}) written as an nf-core gene count matrix, a featureCounts table and
 * per-sample salmon quant.sf files with their tx2gene table (see {@link CountStudyWriter}).
 */
@Command(name = "simulate-counts",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write a simulated RNA-seq count study: negative-binomial counts with log-normal library sizes,",
            "DESeq2-like dispersions (asymptotic + extra-Poisson / mean), differential genes between classes",
            "and a batch effect (normal offsets on the log2 scale). Files: salmon.merged.gene_counts.tsv",
            "(nf-core layout), featureCounts.txt, salmon/<sample>/quant.sf, tx2gene.tsv, samplesheet.csv,",
            "samplesheet_salmon.csv (with the quant.sf paths) and truth.tsv. Same options, same bytes."
        })
public final class SimulateCountsCommand extends StepCommand {

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Directory to write into (created if absent).")
    Path outputDir;

    @Mixin
    SimulatorSeed seed;

    @Option(names = "--samples", defaultValue = "24", description = "Number of samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--genes", defaultValue = "2000", description = "Number of genes (default: ${DEFAULT-VALUE}).")
    int genes;

    @Option(names = "--classes", defaultValue = "2", description = "Number of classes, 2-8 (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--differential", defaultValue = "100", paramLabel = "N", description = "Differential genes (default: ${DEFAULT-VALUE}).")
    int differential;

    @Option(names = "--log2-fold-change", defaultValue = "1.5", description = "Size of a differential gene's log2 fold change (default: ${DEFAULT-VALUE}).")
    double log2FoldChange;

    @Option(names = "--batches", defaultValue = "2", description = "Number of batches, crossed with the classes (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--batch-sd", defaultValue = "0.5", description = "SD of the per-gene batch offsets on the log2 scale (default: ${DEFAULT-VALUE}).")
    double batchSd;

    @Option(names = "--library-size", defaultValue = "2e7", description = "Median library size in reads (default: ${DEFAULT-VALUE}).")
    double librarySize;

    @Option(names = "--library-sdlog", defaultValue = "0.25", description = "SD of the log library sizes (default: ${DEFAULT-VALUE}).")
    double librarySdlog;

    @Option(names = "--asymptotic-dispersion", defaultValue = "0.05", description = "Dispersion trend a0 in a0 + a1 / mean (default: ${DEFAULT-VALUE}).")
    double asymptoticDispersion;

    @Option(names = "--extra-poisson", defaultValue = "2", description = "Dispersion trend a1 in a0 + a1 / mean (default: ${DEFAULT-VALUE}).")
    double extraPoisson;

    @Option(names = "--gzip-quant", description = "Write salmon/<sample>/quant.sf.gz (deterministic gzip) instead of quant.sf.")
    boolean gzipQuant;

    @Override
    protected void validateArguments() {
        if (samples < 2 || genes < 1) {
            throw UserException.badParameter("--samples must be at least 2 and --genes at least 1");
        }
        if (classes < 2 || classes > 8 || classes > samples) {
            throw UserException.badParameter("--classes must be 2-8 and at most --samples, got " + classes);
        }
        if (batches < 1 || batches > samples) {
            throw UserException.badParameter("--batches must be 1 to --samples, got " + batches);
        }
        if (differential < 0 || differential > genes) {
            throw UserException.badParameter("--differential must be 0 to --genes, got " + differential);
        }
        for (double v : new double[] {batchSd, librarySdlog, asymptoticDispersion, extraPoisson}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw UserException.badParameter("--batch-sd, --library-sdlog, --asymptotic-dispersion and "
                        + "--extra-poisson must be finite and >= 0");
            }
        }
        if (!(librarySize >= 1) || Double.isInfinite(librarySize) || !Double.isFinite(log2FoldChange)) {
            throw UserException.badParameter("--library-size must be >= 1 and --log2-fold-change finite");
        }
    }

    @Override
    protected void execute() {
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw UserException.badParameter("--output-dir " + outputDir + " exists and is not a directory");
        }
        CountStudy study = CountStudySimulator.simulate(new CountStudySimulator.Parameters(seed.seed(), samples, genes,
                classes, differential, log2FoldChange, batches, batchSd, librarySize, librarySdlog,
                asymptoticDispersion, extraPoisson));
        Log.info("simulated " + samples + " samples x " + genes + " genes, " + classes + " classes, " + batches
                + " batches, " + differential + " differential genes, seed " + seed.seed());
        try {
            Files.createDirectories(outputDir);
            CountStudyWriter.writeAll(study, outputDir, gzipQuant);
        } catch (IOException e) {
            throw UserException.badParameter("cannot write to --output-dir " + outputDir + ": " + e.getMessage());
        }
    }
}
