package org.exprflow.count;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.peaks.BinLayout;
import org.exprflow.peaks.ChromosomeSizes;

import htsjdk.samtools.SAMSequenceDictionary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow count}: reads of coordinate-sorted, indexed BAM or CRAM files counted per bin,
 * per BED region or per gene of a GTF, through htsjdk. Read mode gives bedtools multicov's counts,
 * fragment mode ({@code --paired}) featureCounts' {@code -p --countReadPairs} counts, with the
 * matching flags (docs/architecture.md, "Read counting").
 */
@Command(name = "count",
        mixinStandardHelpOptions = true,
        description = {
            "Count the reads (or, with --paired, the fragments) of coordinate-sorted, indexed BAM/CRAM files",
            "per genomic bin, BED region or GTF gene. Writes a features x samples table (import --format tsv)."
        })
public final class CountCommand extends StepCommand {
    @Option(names = "--bam", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Coordinate-sorted BAM or CRAM files, each with its index (.bai/.csi/.crai) beside it.")
    List<Path> bams;

    @Option(names = "--names", arity = "1..*", paramLabel = "NAME", description = "Sample names, one per file (default: file names without .bam/.cram).")
    List<String> names;

    @Option(names = "--reference", paramLabel = "FASTA", description = "Indexed FASTA (.fai beside it) the CRAM files were written against.")
    Path reference;

    static final class Features {
        @Option(names = "--bin-size", paramLabel = "BP", description = "Count in windows of BP bases tiling every contig (last window truncated), as exprflow bin.")
        Integer binSize;

        @Option(names = "--regions", paramLabel = "BED", description = "Count in the regions of a BED or narrowPeak/broadPeak file (file order).")
        Path regions;

        @Option(names = "--gtf", paramLabel = "GTF", description = "Count per gene: the union of each gene_id's exon lines (featureCounts meta-features).")
        Path gtf;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Features what;

    @Option(names = "--chrom-sizes", paramLabel = "FILE",
            description = "With --bin-size: contigs and lengths from a chrom.sizes, .fai or .dict file (default: the first file's header).")
    Path chromSizes;

    @Option(names = "--step", paramLabel = "BP", description = "With --bin-size: distance between window starts (sliding windows); default = --bin-size.")
    Integer step;

    @Option(names = "--region", paramLabel = "CHROM:START-END",
            description = "With --bin-size: only the windows of this region (0-based, half-open), as exprflow bin and region-dataset lay them out.")
    String region;

    @Option(names = "--gtf-feature", defaultValue = "exon", paramLabel = "TYPE", description = "GTF feature type counted (default: ${DEFAULT-VALUE}).")
    String gtfFeature;

    @Option(names = "--gtf-attribute", defaultValue = "gene_id", paramLabel = "NAME", description = "GTF attribute grouping features (default: ${DEFAULT-VALUE}).")
    String gtfAttribute;

    @Option(names = "--paired", description = "Count fragments: the two mates of a pair once (featureCounts -p --countReadPairs).")
    boolean paired;

    @Option(names = "--multi-overlap", paramLabel = "each|skip",
            description = "A read/fragment overlapping several features: count it in each, or skip it "
                    + "(default: each for reads, as bedtools multicov; skip with --paired, as featureCounts without -O).")
    String multiOverlap;

    @Option(names = "--min-mapq", defaultValue = "0", paramLabel = "Q", description = "Minimum mapping quality; with --paired, one mate suffices (default: ${DEFAULT-VALUE}).")
    int minMapq;

    @Option(names = "--keep-duplicates", description = "Count reads flagged as duplicates (0x400; dropped by default).")
    boolean keepDuplicates;

    @Option(names = "--keep-secondary", description = "Count secondary alignments (0x100; dropped by default).")
    boolean keepSecondary;

    @Option(names = "--keep-supplementary", description = "Count supplementary alignments (0x800; dropped by default).")
    boolean keepSupplementary;

    @Option(names = "--keep-qc-fail", description = "Count reads failing platform QC (0x200; dropped by default).")
    boolean keepQcFail;

    @Option(names = "--blacklist", paramLabel = "BED", description = "Drop alignments (with --paired: fragments) overlapping these regions.")
    Path blacklist;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Count table, features x samples (.tsv or .tsv.gz).")
    Path output;

    @Option(names = "--output-xfd", paramLabel = "FILE", description = "Also write the counts as a dataset (samples x features).")
    Path outputXfd;

    private MultiOverlap overlapRule() {
        if (multiOverlap == null) {
            return paired ? MultiOverlap.SKIP : MultiOverlap.EACH;
        }
        return switch (multiOverlap) {
            case "each" -> MultiOverlap.EACH;
            case "skip" -> MultiOverlap.SKIP;
            default -> throw UserException.badParameter("--multi-overlap must be each or skip, not '" + multiOverlap + "'");
        };
    }

    @Override
    protected void validateArguments() {
        overlapRule();
        if (what.binSize != null && what.binSize < 1) {
            throw UserException.badParameter("--bin-size must be at least 1, not " + what.binSize);
        }
        if ((chromSizes != null || step != null || region != null) && what.binSize == null) {
            throw UserException.badParameter("--chrom-sizes, --step and --region go with --bin-size");
        }
        if (minMapq < 0 || minMapq > 255) {
            throw UserException.badParameter("--min-mapq must be in 0..255, not " + minMapq);
        }
        if (paired && (keepSecondary || keepSupplementary)) {
            throw UserException.badParameter("--paired counts fragments of primary alignments: --keep-secondary and --keep-supplementary do not apply");
        }
        sampleNames();
    }

    List<String> sampleNames() {
        List<String> out = new ArrayList<>();
        if (names != null && !names.isEmpty()) {
            if (names.size() != bams.size()) {
                throw UserException.badParameter("--names has " + names.size() + " names for " + bams.size() + " files");
            }
            out.addAll(names);
        } else {
            for (Path p : bams) {
                out.add(p.getFileName().toString().replaceFirst("(?i)\\.(bam|cram)$", ""));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String n : out) {
            if (n.isEmpty() || n.contains("\t") || !seen.add(n)) {
                throw UserException.badParameter("sample name '" + n + "' is empty, contains a tab or is used twice; give distinct --names");
            }
        }
        return out;
    }

    @Override
    protected void execute() throws IOException {
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        List<String> samples = sampleNames();
        CountFeatures features = features();
        Blacklist black = blacklist == null ? null : Blacklist.read(blacklist);
        ReadFilter filter = new ReadFilter(minMapq, keepDuplicates, keepSecondary, keepSupplementary, keepQcFail);
        ReadCounter counter = new ReadCounter(features, filter, black, overlapRule());
        Log.info(features.size() + " features; counting " + (paired ? "fragments" : "reads") + ", multi-overlap "
                + overlapRule().name().toLowerCase(Locale.ROOT) + ", " + filter);
        long[][] counts = new long[samples.size()][];
        for (int s = 0; s < samples.size(); s++) {
            counts[s] = new long[features.size()];
            try (AlignmentFile file = AlignmentFile.open(bams.get(s), reference)) {
                ReadCounter.Summary sum = paired ? counter.countFragments(file, counts[s]) : counter.countReads(file, counts[s]);
                if (sum.intervalsOnAbsentContigs() > 0) {
                    Log.warn(bams.get(s).getFileName() + ": " + sum.intervalsOnAbsentContigs()
                            + " feature intervals lie on contigs absent from its header (no reads there)");
                }
                Log.info(samples.get(s) + ": " + sum.examined() + " alignments read, " + sum.counted() + " "
                        + (paired ? "fragments" : "reads") + " counted");
            }
        }
        CountTableWriter.write(output, features, samples, counts);
        if (outputXfd != null) {
            DatasetFile.write(toDataset(features, samples, counts), outputXfd);
        }
    }

    private CountFeatures features() {
        if (what.regions != null) {
            return RegionFile.read(what.regions);
        }
        if (what.gtf != null) {
            return GtfGenes.read(what.gtf, gtfFeature, gtfAttribute);
        }
        ChromosomeSizes genome;
        if (chromSizes != null) {
            genome = ChromosomeSizes.read(chromSizes);
        } else {
            SAMSequenceDictionary dictionary;
            try (AlignmentFile first = AlignmentFile.open(bams.get(0), reference)) {
                dictionary = first.header().getSequenceDictionary();
            }
            if (dictionary.isEmpty()) {
                throw UserException.badFile(bams.get(0), "no @SQ lines in the header: give --chrom-sizes");
            }
            genome = ChromosomeSizes.of(bams.get(0), dictionary);
        }
        int s = step == null ? what.binSize : step;
        return new LayoutBins(region == null ? BinLayout.genome(genome, what.binSize, s) : BinLayout.region(genome, region, what.binSize, s));
    }

    private static Dataset toDataset(CountFeatures features, List<String> samples, long[][] counts) {
        List<String> ids = new ArrayList<>(features.size());
        for (int f = 0; f < features.size(); f++) {
            ids.add(features.id(f));
        }
        double[][] values = new double[samples.size()][features.size()];
        for (int s = 0; s < samples.size(); s++) {
            for (int f = 0; f < features.size(); f++) {
                values[s][f] = counts[s][f];
            }
        }
        FeatureIdType type = features.idsAreLoci() ? FeatureIdType.LOCUS : FeatureIdType.guess(ids);
        return new Dataset("counts", samples, ids, type, values, new LinkedHashMap<>(), List.of());
    }
}
