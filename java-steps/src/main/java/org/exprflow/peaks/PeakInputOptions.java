package org.exprflow.peaks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;

import picocli.CommandLine.Option;

/**
 * Options shared by every step that reads peak files: the reference genome, the unknown-contig
 * policy and the peak filters. A Picocli mixin, so all peak steps spell them the same way.
 */
public final class PeakInputOptions {
    @Option(names = "--chrom-sizes", required = true, paramLabel = "FILE",
            description = "Chromosome sizes (name TAB length), e.g. hg38.chrom.sizes; defines contig names and order.")
    Path chromSizes;

    @Option(names = "--unknown-contigs", defaultValue = "error", paramLabel = "error|skip",
            description = "Peaks (and genes) on contigs absent from --chrom-sizes: error (default) or skip and report the count.")
    String unknownContigs;

    @Option(names = "--min-score", paramLabel = "X", description = "Keep peaks with score >= X (BED column 5; the seed project used 1000).")
    Double minScore;

    @Option(names = "--min-signal", paramLabel = "X", description = "Keep peaks with signalValue >= X (narrowPeak/broadPeak column 7).")
    Double minSignal;

    @Option(names = "--min-pvalue", paramLabel = "X", description = "Keep peaks with pValue (-log10) >= X (column 8).")
    Double minPValue;

    @Option(names = "--min-qvalue", paramLabel = "X", description = "Keep peaks with qValue (-log10) >= X (column 9).")
    Double minQValue;

    private ChromosomeSizes genome;

    public ChromosomeSizes genome() {
        if (genome == null) {
            genome = ChromosomeSizes.read(chromSizes);
        }
        return genome;
    }

    public UnknownContigPolicy unknownContigPolicy() {
        return UnknownContigPolicy.parse(unknownContigs);
    }

    public PeakFilter filter() {
        return new PeakFilter(nan(minScore), nan(minSignal), nan(minPValue), nan(minQValue));
    }

    public PeakReader reader() {
        return new PeakReader(genome(), unknownContigPolicy(), filter());
    }

    /** Reads one file and logs what was kept and dropped. */
    public PeakFile readLogged(PeakReader reader, String sample, Path path) {
        PeakFile file = reader.read(sample, path);
        PeakReadSummary s = file.summary();
        String message = "sample " + sample + ": " + s.kept() + " of " + s.records() + " peaks kept"
                + (s.filteredOut() > 0 ? ", " + s.filteredOut() + " below the filter thresholds" : "")
                + (s.unknownContigDropped() > 0 ? ", " + s.unknownContigDropped() + " dropped on contigs absent from "
                        + chromSizes.getFileName() : "");
        Log.info(message);
        return file;
    }

    private static double nan(Double x) {
        return x == null ? Double.NaN : x;
    }

    /**
     * Sample names: --names when given (one per file, unique), else the file names without
     * directory and peak/compression suffixes.
     */
    public static List<String> sampleNames(List<Path> files, List<String> names) {
        List<String> out = new ArrayList<>();
        if (names != null && !names.isEmpty()) {
            if (names.size() != files.size()) {
                throw UserException.badParameter("--names has " + names.size() + " names for " + files.size() + " files");
            }
            out.addAll(names);
        } else {
            for (Path p : files) {
                out.add(PeakReader.sampleName(p));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String n : out) {
            if (n.isEmpty() || n.contains("\t") || !seen.add(n)) {
                throw UserException.badParameter("sample name '" + n + "' is empty, contains a tab or is used twice;"
                        + " give distinct --names");
            }
        }
        return out;
    }
}
