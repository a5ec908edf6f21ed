package org.exprflow.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.ValueKind;
import org.exprflow.ingest.RsemGenesReader.RsemGenes;
import org.exprflow.ingest.StarReadsPerGeneReader.StarCounts;
import org.exprflow.ingest.TranscriptQuantReader.TranscriptQuant;

/**
 * Merges one quantification file per sample (STAR, salmon, kallisto, RSEM) into one genes x samples
 * dataset. Every file must hold the same genes (STAR, RSEM) or transcripts (salmon, kallisto); the
 * first file's order is kept, and a file whose gene set differs is an error naming it and a gene.
 */
public final class PerSampleQuantifications {
    /** Sample annotation recording the STAR count column used for each sample. */
    public static final String STAR_STRAND_ANNOTATION = "star_strand";

    /** What to take from the files. */
    public record Options(StarStrand starStrand, Path tx2gene, Tximport.CountsFromAbundance countsFromAbundance,
                          boolean tpm, double maxMissingTranscripts) {
    }

    private PerSampleQuantifications() {
    }

    public static Dataset read(InputFormat format, List<String> sampleIds, List<Path> files, Options options) {
        return switch (format) {
            case STAR -> star(sampleIds, files, options.starStrand());
            case SALMON -> transcripts(sampleIds, files, TranscriptQuantReader.Layout.SALMON, options);
            case KALLISTO -> transcripts(sampleIds, files, TranscriptQuantReader.Layout.KALLISTO, options);
            case RSEM -> rsem(sampleIds, files, options.tpm());
            default -> throw new IllegalArgumentException(format + " is not a per-sample format");
        };
    }

    private static Dataset star(List<String> sampleIds, List<Path> files, StarStrand given) {
        GeneColumns merged = new GeneColumns();
        List<String> strands = new ArrayList<>();
        for (int s = 0; s < files.size(); s++) {
            StarCounts counts = StarReadsPerGeneReader.read(files.get(s));
            StarStrand strand = given;
            double forward = counts.sum(1);
            double reverse = counts.sum(2);
            String sums = "sum of column 3 (forward) " + (long) forward + ", column 4 (reverse) " + (long) reverse;
            if (given == StarStrand.AUTO) {
                strand = StarStrand.infer(forward, reverse);
                Log.info("sample " + sampleIds.get(s) + ": STAR strand " + strand.cliName() + " (inferred: " + sums
                        + "; stranded when one is >= " + (int) StarStrand.STRANDED_RATIO + "x the other)");
                if (StarStrand.ambiguous(forward, reverse)) {
                    Log.warn("sample " + sampleIds.get(s) + ": strandedness is ambiguous (" + sums
                            + "); give --star-strand if the library is stranded");
                }
            } else {
                Log.info("sample " + sampleIds.get(s) + ": STAR strand " + strand.cliName() + " (given; " + sums + ")");
            }
            strands.add(strand.cliName());
            merged.add(files.get(s), counts.geneIds(), counts.column(strand));
        }
        if (strands.stream().distinct().count() > 1) {
            Log.warn("the samples' STAR strand calls differ: " + String.join(", ", strands));
        }
        Map<String, List<String>> annotations = new LinkedHashMap<>();
        annotations.put(STAR_STRAND_ANNOTATION, strands);
        return merged.dataset(sampleIds, annotations, ValueKind.COUNTS, FeatureAnnotations.NONE);
    }

    private static Dataset transcripts(List<String> sampleIds, List<Path> files, TranscriptQuantReader.Layout layout,
                                       Options options) {
        if (options.tx2gene() == null) {
            throw UserException.badParameter(layout.tool + " files hold transcripts: give --tx2gene (transcript id, "
                    + "gene id[, symbol]) to summarise them to genes as tximport does");
        }
        Tx2Gene tx2gene = Tx2Gene.read(options.tx2gene());
        List<TranscriptQuant> quants = new ArrayList<>();
        for (Path f : files) {
            quants.add(TranscriptQuantReader.read(f, layout));
        }
        Tximport.Result r = Tximport.summarise(quants, tx2gene, options.countsFromAbundance(),
                options.maxMissingTranscripts());
        Log.info("tximport (" + layout.tool + "): " + quants.get(0).ids().size() + " transcripts to "
                + r.geneIds().size() + " genes; values: "
                + (options.tpm() ? "abundance (summed TPM)" : "counts, countsFromAbundance = " + options.countsFromAbundance().rName));
        FeatureAnnotations annotations = FeatureAnnotations.NONE;
        if (tx2gene.hasSymbols()) {
            List<String> symbols = r.geneIds().stream().map(tx2gene::symbol).toList();
            annotations = new FeatureAnnotations(Map.of(FeatureAnnotations.SYMBOL, symbols), symbols.size());
        }
        double[][] values = options.tpm() ? r.abundance() : r.counts();
        return new Dataset("quantifications", sampleIds, r.geneIds(), FeatureIdType.guess(r.geneIds()), values,
                Map.of(), List.of(), options.tpm() ? ValueKind.ABUNDANCE : ValueKind.COUNTS, annotations);
    }

    private static Dataset rsem(List<String> sampleIds, List<Path> files, boolean tpm) {
        GeneColumns merged = new GeneColumns();
        for (Path f : files) {
            RsemGenes genes = RsemGenesReader.read(f);
            merged.add(f, genes.geneIds(), tpm ? genes.tpm() : genes.expectedCount());
        }
        return merged.dataset(sampleIds, Map.of(), tpm ? ValueKind.ABUNDANCE : ValueKind.COUNTS, FeatureAnnotations.NONE);
    }

    /** Per-sample gene columns, checked against the first file's genes and put in its order. */
    static final class GeneColumns {
        private Path firstFile;
        private List<String> genes;
        private Map<String, Integer> index;
        private final List<double[]> columns = new ArrayList<>();

        void add(Path file, List<String> fileGenes, double[] values) {
            if (genes == null) {
                firstFile = file;
                genes = fileGenes;
                index = new HashMap<>();
                for (int g = 0; g < genes.size(); g++) {
                    if (index.putIfAbsent(genes.get(g), g) != null) {
                        throw UserException.badFile(file, "gene '" + genes.get(g) + "' appears twice");
                    }
                }
                columns.add(values);
                return;
            }
            double[] ordered = new double[genes.size()];
            boolean[] seen = new boolean[genes.size()];
            for (int g = 0; g < fileGenes.size(); g++) {
                Integer at = index.get(fileGenes.get(g));
                if (at == null) {
                    throw UserException.badFile(file, "gene '" + fileGenes.get(g) + "' is not in " + firstFile
                            + ": every sample's file must hold the same genes (same annotation)");
                }
                if (seen[at]) {
                    throw UserException.badFile(file, "gene '" + fileGenes.get(g) + "' appears twice");
                }
                seen[at] = true;
                ordered[at] = values[g];
            }
            for (int g = 0; g < seen.length; g++) {
                if (!seen[g]) {
                    throw UserException.badFile(file, "lacks gene '" + genes.get(g) + "' of " + firstFile
                            + ": every sample's file must hold the same genes (same annotation)");
                }
            }
            columns.add(ordered);
        }

        Dataset dataset(List<String> sampleIds, Map<String, List<String>> annotations, ValueKind kind,
                        FeatureAnnotations featureAnnotations) {
            double[][] values = columns.toArray(double[][]::new);
            return new Dataset("quantifications", sampleIds, genes, FeatureIdType.guess(genes), values, annotations,
                    List.of(), kind, featureAnnotations);
        }
    }
}
