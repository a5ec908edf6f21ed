package org.exprflow.peaks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.JsonOutput;
import org.exprflow.stepfile.PeaksQcJson;
import org.exprflow.stepfile.StepJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow peaks-qc}: summaries of the inputs of the chromatin analyses, to catch a wrong
 * genome build, a filtered or truncated file, or RNA ids that do not match the annotation before
 * any model is trained. Peaks on contigs absent from the sizes file are counted, not fatal.
 */
@Command(name = "peaks-qc",
        mixinStandardHelpOptions = true,
        description = {
            "QC of peak files and RNA quantifications. Peaks: count, fraction on primary contigs, contigs",
            "absent from --chrom-sizes, score/signalValue/width quantiles, fraction within 1 kb of a TSS",
            "(with --annotation). RNA: genes, genes with TPM > 1, TPM and log2(TPM + 1) quantiles, ids matched",
            "and unmatched in --annotation.",
            "TSV columns: section, name, metric, value; the JSON holds the same figures."
        })
public final class PeaksQcCommand extends StepCommand {
    static final int TSS_DISTANCE = 1000;

    @Option(names = "--peaks", arity = "1..*", paramLabel = "FILE", description = "Peak files.")
    List<Path> peaks = new ArrayList<>();

    @Option(names = "--names", arity = "1..*", paramLabel = "NAME", description = "Sample names, one per peak file.")
    List<String> names;

    @Option(names = "--rna", arity = "1..*", paramLabel = "FILE", description = "RNA quantification files.")
    List<Path> rna = new ArrayList<>();

    @Option(names = "--rna-names", arity = "1..*", paramLabel = "NAME",
            description = "Names of the RNA files, one per --rna file (default: the file names).")
    List<String> rnaNames;

    @Option(names = "--chrom-sizes", required = true, paramLabel = "FILE", description = "Chromosome sizes.")
    Path chromSizes;

    @Option(names = "--annotation", paramLabel = "FILE", description = "Genes (GTF or BED6), for TSS proximity and id matching.")
    Path annotation;

    @Option(names = "--output-tsv", required = true, paramLabel = "FILE")
    Path outputTsv;

    @Option(names = "--output-json", required = true, paramLabel = "FILE")
    Path outputJson;

    @Override
    protected void execute() {
        if (peaks.isEmpty() && rna.isEmpty()) {
            throw UserException.badParameter("give --peaks and/or --rna files");
        }
        ChromosomeSizes genome = ChromosomeSizes.read(chromSizes);
        GeneAnnotation genes = annotation == null ? null
                : GeneAnnotationReader.read(annotation, genome, UnknownContigPolicy.SKIP);
        TssIndex tss = genes == null ? null : new TssIndex(genes, genome.size());
        List<String> samples = PeakInputOptions.sampleNames(peaks, names);
        List<String> rnaSamples = rnaNames(rna, rnaNames);
        PeakReader reader = new PeakReader(genome, UnknownContigPolicy.SKIP, PeakFilter.NONE);
        StringBuilder tsv = new StringBuilder("section\tname\tmetric\tvalue\n");
        ObjectNode json = StepJson.PEAKS_QC.newDocument();
        ArrayNode peakEntries = json.putArray(PeaksQcJson.PEAKS);
        for (int i = 0; i < peaks.size(); i++) {
            PeakFile file = reader.read(samples.get(i), peaks.get(i));
            Metrics m = new Metrics("peaks", samples.get(i), tsv, peakEntries.addObject());
            peakMetrics(file, tss, m);
        }
        ArrayNode rnaEntries = json.putArray(PeaksQcJson.RNA);
        java.util.Set<String> annotated = new java.util.HashSet<>();
        if (genes != null) {
            genes.genes().forEach(g -> annotated.add(g.id()));
        }
        for (int i = 0; i < rna.size(); i++) {
            RnaQuantification q = RnaQuantificationReader.read(rna.get(i));
            Metrics m = new Metrics("rna", rnaSamples.get(i), tsv, rnaEntries.addObject());
            double[] tpm = q.tpm().values().stream().mapToDouble(Double::doubleValue).toArray();
            m.put("genes", tpm.length);
            m.put("detected_tpm_gt_1", java.util.Arrays.stream(tpm).filter(x -> x > 1).count());
            m.putQuantiles("tpm", tpm);
            // The models' target is log2(TPM + 1): its spread is what a report can draw (TPM itself
            // spans five orders of magnitude). Quantiles of the target's own values, not transformed
            // TPM quantiles, which differ wherever type 7 interpolates.
            m.putQuantiles("log2_tpm_plus_1", q.tpm().keySet().stream().mapToDouble(q::log2TpmPlusOne).toArray());
            if (genes != null) {
                long matched = q.tpm().keySet().stream().filter(annotated::contains).count();
                m.put("matched_annotation", matched);
                m.put("unmatched_annotation", tpm.length - matched);
                m.put("fraction_matched_annotation", (double) matched / tpm.length);
                m.put("annotation_genes_missing", annotated.stream().filter(id -> !q.tpm().containsKey(id)).count());
            }
        }
        try {
            AtomicOutput.writeString(outputTsv, tsv.toString());
            JsonOutput.write(outputJson, json);
        } catch (IOException e) {
            throw UserException.badParameter("cannot write QC output: " + e.getMessage());
        }
    }

    /** The RNA files' names: --rna-names, or the file names (the default of earlier versions). */
    private static List<String> rnaNames(List<Path> files, List<String> names) {
        if (names == null || names.isEmpty()) {
            return files.stream().map(f -> f.getFileName().toString()).toList();
        }
        if (names.size() != files.size()) {
            throw UserException.badParameter("--rna-names has " + names.size() + " names for " + files.size() + " --rna files");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (n.isEmpty() || n.contains("\t") || !seen.add(n)) {
                throw UserException.badParameter("RNA name '" + n + "' is empty, contains a tab or is used twice;"
                        + " give distinct --rna-names");
            }
        }
        return names;
    }

    private static void peakMetrics(PeakFile file, TssIndex tss, Metrics m) {
        PeakSet p = file.peaks();
        PeakReadSummary s = file.summary();
        m.put("peaks", s.records());
        m.put("on_known_contigs", s.kept());
        m.put("unknown_contig", s.unknownContigDropped());
        m.put("fraction_primary_contigs", s.records() == 0 ? Double.NaN : (double) s.onPrimaryContigs() / s.records());
        double[] score = new double[p.size()];
        double[] signal = new double[p.size()];
        double[] width = new double[p.size()];
        long nearTss = 0;
        for (int i = 0; i < p.size(); i++) {
            score[i] = p.score(i);
            signal[i] = p.signal(i);
            width[i] = p.end(i) - p.start(i);
            if (tss != null && tss.near(p.contig(i), p.start(i), p.end(i), TSS_DISTANCE)) {
                nearTss++;
            }
        }
        m.putQuantiles("score", score);
        m.putQuantiles("signal", signal);
        m.putQuantiles("width", width);
        if (tss != null) {
            m.put("fraction_within_1kb_of_tss", p.size() == 0 ? Double.NaN : (double) nearTss / p.size());
        }
    }

    /** Writes each metric to the TSV and to the current JSON object at once, so the two never disagree. */
    private static final class Metrics {
        private final String section;
        private final String name;
        private final StringBuilder tsv;
        private final ObjectNode json;

        Metrics(String section, String name, StringBuilder tsv, ObjectNode json) {
            this.section = section;
            this.name = name;
            this.tsv = tsv;
            this.json = json;
            json.put(PeaksQcJson.NAME, name);
        }

        void put(String metric, double value) {
            tsv.append(section).append('\t').append(name).append('\t').append(metric).append('\t')
                    .append(Canonical.number(value)).append('\n');
            json.put(metric, value);
        }

        void put(String metric, long value) {
            put(metric, (double) value);
        }

        void putQuantiles(String prefix, double[] values) {
            double[] q = Quantiles.of(values);
            for (int k = 0; k < q.length; k++) {
                put(prefix + "_" + Quantiles.NAMES[k], q[k]);
            }
        }
    }
}
