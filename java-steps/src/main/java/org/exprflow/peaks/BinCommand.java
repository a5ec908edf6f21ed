package org.exprflow.peaks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.DatasetFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow bin}: counts (or other values of) peaks in fixed windows for many samples in one
 * process, giving the same counts as bedtools makewindows + intersect -c. Samples are read and
 * binned one at a time and kept only as sparse non-zero bins, so memory grows with the number of
 * occupied bins, not with genome size times samples.
 */
@Command(name = "bin",
        mixinStandardHelpOptions = true,
        description = {
            "Bin the peaks of many samples into fixed (or sliding) windows. Writes a sparse long table",
            "(chrom, start, end, sample, value; only non-zero bins; sorted by chromosome-sizes order, start,",
            "then sample in command-line order), and optionally the bins as a dense .xfd dataset (samples x",
            "bins, LOCUS feature ids) for a region."
        })
public final class BinCommand extends StepCommand {
    @Option(names = "--peaks", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Peak files: BED3-6, narrowPeak or broadPeak; plain, gzip or bgzip; any order.")
    List<Path> peaks;

    @Option(names = "--names", arity = "1..*", paramLabel = "NAME", description = "Sample names, one per peak file (default: file names).")
    List<String> names;

    @Mixin
    PeakInputOptions input;

    @Mixin
    BinLayoutOptions bins;

    @Option(names = "--value", defaultValue = "count", paramLabel = "KIND",
            description = "Bin value: binary, count, max-score, signal (summed signalValue) or coverage (bases covered) (default: ${DEFAULT-VALUE}).")
    String value;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Sparse long table (.tsv or .tsv.gz).")
    Path output;

    @Option(names = "--output-xfd", paramLabel = "FILE", description = "Also write the bins as a dense dataset (at most "
            + DenseBinMatrix.MAX_BINS + " bins: use with --region).")
    Path outputXfd;

    @Override
    protected void execute() {
        BinValue kind = BinValue.fromCliName(value);
        List<String> samples = PeakInputOptions.sampleNames(peaks, names);
        BinLayout layout = bins.layout(input.genome());
        if (outputXfd != null && layout.binCount() > DenseBinMatrix.MAX_BINS) {
            throw UserException.badParameter("--output-xfd: " + layout.binCount() + " bins is more than "
                    + DenseBinMatrix.MAX_BINS + "; restrict with --region or a larger --bin-size");
        }
        Log.info(layout.binCount() + " windows of " + layout.binSize() + " bp, step " + layout.step() + ", value " + kind.cliName);
        PeakReader reader = input.reader();
        PeakBinner binner = new PeakBinner(layout, kind);
        List<SampleBins> binned = new ArrayList<>();
        for (int i = 0; i < peaks.size(); i++) {
            binned.add(binner.bin(input.readLogged(reader, samples.get(i), peaks.get(i))));
        }
        try {
            BinTableWriter.write(output, layout, binned);
            if (outputXfd != null) {
                DatasetFile.write(DenseBinMatrix.toDataset("bins", layout, binned, List.of()), outputXfd);
            }
        } catch (IOException e) {
            throw UserException.badParameter("cannot write output: " + e.getMessage());
        }
        long nonZero = binned.stream().mapToLong(SampleBins::nonZeroCount).sum();
        Log.info("wrote " + nonZero + " non-zero (bin, sample) rows for " + samples.size() + " samples");
    }
}
