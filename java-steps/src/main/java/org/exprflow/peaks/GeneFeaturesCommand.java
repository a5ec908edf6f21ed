package org.exprflow.peaks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.Log;
import org.exprflow.core.DatasetOutput;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow gene-features}: design (b), learning across genes. One row per annotated gene,
 * features from each mark's peaks around its TSS and over its body, target log2(TPM + 1) in this
 * tissue. Marks are ordered by name, so the columns do not depend on the order of --mark options.
 */
@Command(name = "gene-features",
        mixinStandardHelpOptions = true,
        description = {
            "Design (b): genes x chromatin features of one tissue. Rows are the genes of --annotation (ids",
            "without version), annotated with chrom and strand; the target log2_tpm_plus_1 comes from --rna",
            "(NA for genes it lacks; no target without --rna). Identical options give identical feature ids",
            "for every tissue."
        })
public final class GeneFeaturesCommand extends StepCommand {
    public static final String TARGET = "log2_tpm_plus_1";

    @Option(names = "--mark", required = true, paramLabel = "NAME=FILE",
            description = "A mark's peak file (narrowPeak/broadPeak: signalValue is needed), e.g. --mark H3K4me3=f.bed.gz; repeatable.")
    Map<String, Path> marks;

    @Option(names = "--annotation", required = true, paramLabel = "FILE", description = "Genes: GTF, or BED6 of gene bodies or TSSs.")
    Path annotation;

    @Option(names = "--rna", paramLabel = "FILE", description = "RNA quantification of this tissue (RSEM gene_quantifications.tsv, or id<TAB>TPM).")
    Path rna;

    @Option(names = "--tissue", paramLabel = "NAME", description = "Tissue name: the dataset name and a 'tissue' annotation column.")
    String tissue;

    @Mixin
    PeakInputOptions input;

    @Option(names = "--windows", split = ",", defaultValue = "1000,5000,50000", paramLabel = "BP,...",
            description = "Half-widths of the TSS windows (default: ${DEFAULT-VALUE}).")
    int[] windows;

    @Option(names = "--flank-bins", defaultValue = "10", paramLabel = "N", description = "Strand-aware bins upstream and downstream (default: ${DEFAULT-VALUE}).")
    int flankBins;

    @Option(names = "--flank-bin-size", defaultValue = "1000", paramLabel = "BP", description = "Size of each flank bin (default: ${DEFAULT-VALUE}).")
    int flankBinSize;

    @Option(names = "--distance-scale", defaultValue = "10000", paramLabel = "BP",
            description = "Decay length of the distance-weighted signal (default: ${DEFAULT-VALUE}).")
    double distanceScale;

    @Mixin
    DatasetOutput output;

    @Override
    protected void execute() {
        for (int w : windows) {
            if (w < 0) {
                throw UserException.badParameter("--windows must be non-negative, not " + w);
            }
        }
        if (flankBins < 0 || flankBinSize <= 0 || !(distanceScale > 0)) {
            throw UserException.badParameter("--flank-bins must be >= 0, --flank-bin-size and --distance-scale > 0");
        }
        ChromosomeSizes genome = input.genome();
        GeneAnnotation annotated = GeneAnnotationReader.read(annotation, genome, input.unknownContigPolicy());
        if (annotated.unknownContigDropped() > 0) {
            Log.info(annotated.unknownContigDropped() + " genes dropped on contigs absent from " + input.chromSizes.getFileName());
        }
        List<Gene> genes = annotated.genes();
        GeneFeatureExtractor extractor = new GeneFeatureExtractor(windows, flankBins, flankBinSize, distanceScale);
        TreeMap<String, Path> sortedMarks = new TreeMap<>(marks);
        int per = extractor.featuresPerMark();
        double[][] values = new double[genes.size()][per * sortedMarks.size()];
        List<String> featureIds = new ArrayList<>();
        PeakReader reader = input.reader();
        int m = 0;
        for (Map.Entry<String, Path> mark : sortedMarks.entrySet()) {
            if (mark.getKey().isEmpty() || mark.getKey().contains(":")) {
                throw UserException.badParameter("--mark name '" + mark.getKey() + "' must be non-empty and without ':'");
            }
            PeakFile file = input.readLogged(reader, mark.getKey(), mark.getValue());
            if (file.peaks().size() > 0 && !file.peaks().hasSignal()) {
                throw UserException.unsuitable(mark.getValue() + ": mark " + mark.getKey()
                        + " needs a signalValue column (narrowPeak or broadPeak)");
            }
            featureIds.addAll(extractor.featureIds(mark.getKey()));
            for (int g = 0; g < genes.size(); g++) {
                extractor.extract(genes.get(g), file.peaks(), values[g], m * per);
            }
            m++;
        }
        List<String> ids = new ArrayList<>();
        List<String> chrom = new ArrayList<>();
        List<String> strand = new ArrayList<>();
        for (Gene g : genes) {
            ids.add(g.id());
            chrom.add(genome.name(g.contig()));
            strand.add(String.valueOf(g.strand()));
        }
        Map<String, List<String>> annotations = new LinkedHashMap<>();
        annotations.put("chrom", chrom);
        annotations.put("strand", strand);
        if (tissue != null) {
            annotations.put("tissue", java.util.Collections.nCopies(genes.size(), tissue));
        }
        List<Target> targets = new ArrayList<>();
        if (rna != null) {
            RnaQuantification quant = RnaQuantificationReader.read(rna);
            double[] y = new double[genes.size()];
            int missing = 0;
            for (int g = 0; g < genes.size(); g++) {
                y[g] = quant.log2TpmPlusOne(genes.get(g).id());
                missing += Double.isNaN(y[g]) ? 1 : 0;
            }
            Log.info((genes.size() - missing) + " of " + genes.size() + " annotated genes found in " + rna.getFileName());
            if (missing == genes.size()) {
                throw UserException.unsuitable(rna + ": none of the " + genes.size() + " gene ids of " + annotation.getFileName()
                        + " occurs in it (after removing version suffixes)");
            }
            targets.add(Target.numeric(TARGET, y));
        }
        Dataset dataset = new Dataset(tissue == null ? "gene-features" : tissue, ids, featureIds, FeatureIdType.OTHER,
                values, annotations, targets);
        try {
            DatasetFile.write(dataset, output.path());
        } catch (IOException e) {
            throw UserException.badParameter("cannot write --output " + output.path() + ": " + e.getMessage());
        }
        Log.info("wrote " + genes.size() + " genes x " + featureIds.size() + " features (" + sortedMarks.size() + " marks)");
    }
}
