package org.exprflow.peaks;

import java.util.List;

import org.exprflow.core.UserException;

import picocli.CommandLine.Option;

/** Options that define the bins: size, step, and region / chromosomes / whole genome. */
public final class BinLayoutOptions {
    @Option(names = "--bin-size", required = true, paramLabel = "BP", description = "Window size in bases.")
    int binSize;

    @Option(names = "--step", paramLabel = "BP", description = "Distance between window starts (sliding windows); default = --bin-size.")
    Integer step;

    @Option(names = "--region", paramLabel = "CHROM:START-END", description = "Bin only this region (0-based, half-open), e.g. chr1:0-1000000.")
    String region;

    @Option(names = "--chromosomes", split = ",", paramLabel = "NAMES", description = "Bin only these chromosomes (comma-separated).")
    List<String> chromosomes;

    public BinLayout layout(ChromosomeSizes genome) {
        int s = step == null ? binSize : step;
        if (region != null && chromosomes != null) {
            throw UserException.badParameter("give --region or --chromosomes, not both");
        }
        if (region != null) {
            return BinLayout.region(genome, region, binSize, s);
        }
        if (chromosomes != null) {
            return BinLayout.chromosomes(genome, chromosomes, binSize, s);
        }
        return BinLayout.genome(genome, binSize, s);
    }
}
