package org.exprflow.count;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.Log;
import org.exprflow.core.SimulatorSeed;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow simulate-reads}: indexed BAM files with known counts ({@link ReadSimulator}), for
 * the count tests and bench/count-vs-references.sh. No module: test data only.
 */
@Command(name = "simulate-reads",
        mixinStandardHelpOptions = true,
        description = {
            "Write simulated coordinate-sorted, indexed BAM files (sampleN.bam + .bai; single-end, or paired",
            "with --paired) over regular regions (regions.bed, regions.saf, chrom.sizes), with their known",
            "counts: expected.tsv (default count filters) and expected.mapq20.tsv (also --min-mapq 20); read",
            "counts for single-end files, fragment counts (count --paired) for paired ones."
        })
public final class SimulateReadsCommand extends StepCommand {
    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Directory to write into (created if absent).")
    Path outputDir;

    @Mixin
    SimulatorSeed seed;

    @Option(names = "--samples", defaultValue = "2", description = "Number of BAM files (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--reads", defaultValue = "20000", paramLabel = "N",
            description = "Reads (with --paired: fragments) per file, before secondary/supplementary copies (default: ${DEFAULT-VALUE}).")
    long reads;

    @Option(names = "--contigs", defaultValue = "2", description = "Number of contigs (default: ${DEFAULT-VALUE}).")
    int contigs;

    @Option(names = "--contig-length", defaultValue = "1000000", paramLabel = "BP", description = "Length of each contig (default: ${DEFAULT-VALUE}).")
    int contigLength;

    @Option(names = "--paired", description = "Paired-end reads (two mates per fragment).")
    boolean paired;

    @Override
    protected void validateArguments() {
        if (samples < 1 || samples > 99) {
            throw UserException.badParameter("--samples must be 1..99, not " + samples);
        }
        if (reads < 1) {
            throw UserException.badParameter("--reads must be at least 1, not " + reads);
        }
        if (contigs < 1 || contigs > 100) {
            throw UserException.badParameter("--contigs must be 1..100, not " + contigs);
        }
        if (contigLength < 20_000) {
            throw UserException.badParameter("--contig-length must be at least 20000, not " + contigLength);
        }
    }

    @Override
    protected void execute() throws IOException {
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        Files.createDirectories(outputDir);
        List<String> names = new ArrayList<>();
        List<long[]> plain = new ArrayList<>();
        List<long[]> mapq = new ArrayList<>();
        ReadSimulator first = null;
        for (int s = 1; s <= samples; s++) {
            ReadSimulator sim = new ReadSimulator(seed.seed() * 1000 + s, contigs, contigLength, reads, paired);
            first = first == null ? sim : first;
            String name = "sample" + s;
            long[][] expected = sim.writeBam(outputDir.resolve(name + ".bam"));
            names.add(name);
            plain.add(expected[0]);
            mapq.add(expected[1]);
            Log.info("wrote " + name + ".bam: " + reads + (paired ? " fragments" : " reads"));
        }
        first.writeAnnotation(outputDir);
        first.writeExpected(outputDir.resolve("expected.tsv"), names, plain);
        first.writeExpected(outputDir.resolve("expected.mapq" + ReadSimulator.MAPQ_THRESHOLD + ".tsv"), names, mapq);
    }
}
