package org.exprflow.peaks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.data.TargetChunk;
import org.exprflow.core.Log;
import org.exprflow.core.DatasetOutput;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow region-dataset}: design (a), learning across samples. The bins of one region are
 * the features, samples are the rows, and every gene whose TSS lies in the region is a numeric
 * target (log2(TPM + 1) of that sample). --targets-chunk writes a share of the genes so the
 * pipeline can scatter them; the features are the same in every chunk.
 */
@Command(name = "region-dataset",
        mixinStandardHelpOptions = true,
        description = {
            "Design (a): samples x region bins, with one numeric target per gene whose TSS lies in the",
            "region: log2(TPM + 1) from each sample's RNA file. Peak and RNA files are paired by position."
        })
public final class RegionDatasetCommand extends StepCommand {
    @Option(names = "--peaks", arity = "1..*", paramLabel = "FILE", description = "Peak file per sample.")
    List<Path> peaks;

    @Option(names = "--counts", paramLabel = "FILE",
            description = "Instead of --peaks: read counts of the samples' BAM files in the region's windows, the table of "
                    + "'exprflow count --bin-size B [--step S] --region R' (columns named by --names).")
    Path counts;

    @Option(names = "--rna", required = true, arity = "1..*", paramLabel = "FILE",
            description = "RNA quantification per sample, same order as --peaks (RSEM gene_quantifications.tsv, or id<TAB>TPM without header).")
    List<Path> rna;

    @Option(names = "--names", arity = "1..*", paramLabel = "NAME", description = "Sample names (default: peak file names).")
    List<String> names;

    @Option(names = "--annotation", required = true, paramLabel = "FILE", description = "Genes: GTF, or BED6 of gene bodies or TSSs.")
    Path annotation;

    @Mixin
    PeakInputOptions input;

    @Option(names = "--region", required = true, paramLabel = "CHROM:START-END", description = "The region (0-based, half-open).")
    String region;

    @Option(names = "--bin-size", required = true, paramLabel = "BP", description = "Window size in bases.")
    int binSize;

    @Option(names = "--step", paramLabel = "BP", description = "Distance between window starts; default = --bin-size.")
    Integer step;

    @Option(names = "--value", defaultValue = "count", paramLabel = "KIND",
            description = "binary, count, max-score, signal or coverage (default: ${DEFAULT-VALUE}).")
    String value;

    @Option(names = "--targets-chunk", paramLabel = "K/N",
            description = "Write only chunk K of N of the region's genes (contiguous, in TSS order); default: all.")
    String targetsChunk;

    @Mixin
    DatasetOutput output;

    @Override
    protected void validateArguments() {
        if ((peaks == null) == (counts == null)) {
            throw UserException.badParameter("give --peaks or --counts (one of them)");
        }
        if (counts != null && (names == null || names.size() != rna.size())) {
            throw UserException.badParameter("--counts needs --names, one per --rna file (the table's sample columns)");
        }
        if (counts != null && !value.equals("count")) {
            throw UserException.badParameter("--counts holds read counts: --value " + value + " does not apply");
        }
    }

    @Override
    protected void execute() {
        int sampleCount = peaks != null ? peaks.size() : names.size();
        if (rna.size() != sampleCount) {
            throw UserException.badParameter("--rna has " + rna.size() + " files for " + sampleCount + (peaks != null ? " --peaks files" : " --names"));
        }
        BinValue kind = BinValue.fromCliName(value);
        TargetChunk chunk = TargetChunk.parse(targetsChunk);
        List<String> samples = peaks != null ? PeakInputOptions.sampleNames(peaks, names) : List.copyOf(names);
        ChromosomeSizes genome = input.genome();
        BinLayout layout = BinLayout.region(genome, region, binSize, step == null ? binSize : step);
        if (layout.binCount() > DenseBinMatrix.MAX_BINS) {
            throw UserException.badParameter("the region has " + layout.binCount() + " bins, more than "
                    + DenseBinMatrix.MAX_BINS + "; use a smaller region or a larger --bin-size");
        }
        int contig = layout.segmentContig(0);
        GeneAnnotation genes = GeneAnnotationReader.read(annotation, genome, input.unknownContigPolicy());
        int regionStart = layout.localBinStart(0, 0);
        int regionEnd = layout.localBinEnd(0, layout.segmentBinCount(0) - 1);
        List<Gene> inRegion = genes.withTssIn(contig, regionStart, regionEnd);
        List<Gene> chosen = chunk.of(inRegion);
        Log.info(inRegion.size() + " genes have their TSS in " + region + "; writing targets for " + chosen.size()
                + " (chunk " + chunk.index() + "/" + chunk.count() + ")");
        if (chosen.isEmpty()) {
            Log.warn("no target genes in this chunk: the dataset has features but no targets");
        }

        PeakReader reader = input.reader();
        PeakBinner binner = new PeakBinner(layout, kind);
        List<SampleBins> binned = new ArrayList<>();
        List<SampleBins> counted = counts == null ? null : BinCountTable.read(counts, layout, samples);
        double[][] targetValues = new double[chosen.size()][samples.size()];
        for (int s = 0; s < samples.size(); s++) {
            binned.add(counted != null ? counted.get(s) : binner.bin(input.readLogged(reader, samples.get(s), peaks.get(s))));
            RnaQuantification quant = RnaQuantificationReader.read(rna.get(s));
            int missing = 0;
            for (int g = 0; g < chosen.size(); g++) {
                targetValues[g][s] = quant.log2TpmPlusOne(chosen.get(g).id());
                missing += Double.isNaN(targetValues[g][s]) ? 1 : 0;
            }
            if (missing > 0) {
                Log.warn("sample " + samples.get(s) + ": " + missing + " target genes are absent from " + rna.get(s).getFileName()
                        + " (their target is NA)");
            }
        }
        List<Target> targets = new ArrayList<>();
        for (int g = 0; g < chosen.size(); g++) {
            targets.add(Target.numeric(chosen.get(g).id(), targetValues[g]));
        }
        Dataset dataset = DenseBinMatrix.toDataset("region " + region, layout, binned, targets);
        try {
            DatasetFile.write(dataset, output.path());
        } catch (IOException e) {
            throw UserException.badParameter("cannot write --output " + output.path() + ": " + e.getMessage());
        }
        Log.info("wrote " + samples.size() + " samples x " + layout.binCount() + " bins, " + targets.size() + " targets");
    }
}
