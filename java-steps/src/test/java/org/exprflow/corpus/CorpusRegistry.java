package org.exprflow.corpus;

import java.util.List;

import org.exprflow.ingest.InputFormat;
import org.exprflow.stepfile.StepJson;

/**
 * Every reader of user or step input, and the corpus folder that holds its cases. This is the one
 * place to extend when a reader is added: a line here naming the folder and what it covers (the
 * reader class, its {@link InputFormat}, its step-file kind or {@link StepJson} kind), and a folder
 * {@code src/test/resources/corpus/<folder>/} with a {@code cases.tsv}. {@link CorpusCoverageTest}
 * fails while an input format, a step-file kind read by a step, a step JSON kind or a class named
 * {@code *Reader} has no entry, or an entry has too few cases.
 */
final class CorpusRegistry {
    /** A corpus folder and the readers (classes, enum constants, step-file kinds as strings) its cases exercise. */
    record Entry(String folder, List<Object> covers) {
    }

    static Entry entry(String folder, Object... covers) {
        return new Entry(folder, List.of(covers));
    }

    static final List<Entry> ENTRIES = List.of(
            entry("cumida", InputFormat.CUMIDA, "org.exprflow.ingest.CumidaCsvReader"),
            entry("geo-matrix", InputFormat.GEO_MATRIX, "org.exprflow.ingest.GeoSeriesMatrixReader"),
            entry("geo-soft", InputFormat.GEO_SOFT, "org.exprflow.ingest.GeoSoftReader", "org.exprflow.ingest.GdsSoftReader"),
            entry("golub", InputFormat.GOLUB, "org.exprflow.ingest.GolubTableReader"),
            entry("arff", InputFormat.ARFF, "org.exprflow.ingest.ArffReader"),
            entry("tsv", InputFormat.TSV, "org.exprflow.ingest.TsvMatrixReader", "org.exprflow.data.FeatureMatrixText"),
            entry("gene-matrix", InputFormat.GENE_MATRIX, "org.exprflow.ingest.GeneMatrixReader"),
            entry("featurecounts", InputFormat.FEATURECOUNTS, "org.exprflow.ingest.FeatureCountsReader"),
            entry("star", InputFormat.STAR, "org.exprflow.ingest.StarReadsPerGeneReader"),
            entry("salmon", InputFormat.SALMON, InputFormat.KALLISTO, "org.exprflow.ingest.TranscriptQuantReader"),
            entry("rsem", InputFormat.RSEM, "org.exprflow.ingest.RsemGenesReader"),
            entry("samplesheet", "org.exprflow.ingest.SamplesheetReader"),
            entry("peaks", "org.exprflow.peaks.PeakReader"),
            entry("annotation", "org.exprflow.peaks.GeneAnnotationReader"),
            entry("rna", "org.exprflow.peaks.RnaQuantificationReader"),
            entry("chrom-sizes", "org.exprflow.peaks.ChromosomeSizes"),
            entry("landmark-list", "org.exprflow.landmark.GeneList"),
            entry("score", "org.exprflow.score.DelimitedTable", "org.exprflow.score.IdMap"),
            entry("model", "org.exprflow.model.ModelFile", "org.exprflow.landmark.LandmarkModelFile",
                    "org.exprflow.io.VersionedObjectFile"),
            entry("dataset", "org.exprflow.data.DatasetFile"),
            entry("paths", "org.exprflow.core.OutputPaths"),
            entry("accessions", "org.exprflow.download.AccessionListReader"),
            entry("stepfile/predictions", "predictions"),
            entry("stepfile/regression-predictions", "regression-predictions"),
            entry("stepfile/splits", "splits"),
            entry("stepfile/target-metrics", "target-metrics"),
            entry("stepfile/dgex-summary", "dgex-summary"),
            entry("stepfile/permutations", "permutations"),
            entry("stepfile/model-choice", "model-choice"),
            entry("stepfile/learning-curve", "learning-curve"),
            entry("stepfile/candidate-scores", "candidate-scores"),
            entry("step-json/qc", StepJson.QC),
            entry("step-json/metrics", StepJson.METRICS),
            entry("step-json/regression_metrics", StepJson.REGRESSION_METRICS),
            entry("step-json/multilabel", StepJson.MULTILABEL),
            entry("step-json/peaks_qc", StepJson.PEAKS_QC),
            entry("step-json/score", StepJson.SCORE),
            entry("step-json/normalise_qc", StepJson.NORMALISE_QC),
            entry("step-json/provenance", StepJson.PROVENANCE));

    /**
     * Step-file kinds that no step reads (published results only): their codec is covered by
     * StepTableTest. A step that starts reading one moves it into {@link #ENTRIES}.
     */
    static final List<String> KINDS_NO_STEP_READS = List.of("gene-selection", "genes", "score-metrics", "score-pairs");

    /** Fewest cases per folder: at least an acceptance and two refusals. */
    static final int MIN_CASES = 3;

    private CorpusRegistry() {
    }
}
