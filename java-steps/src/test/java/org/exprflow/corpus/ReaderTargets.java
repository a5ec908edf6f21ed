package org.exprflow.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.data.DatasetFile;
import org.exprflow.ingest.ArffReader;
import org.exprflow.ingest.CumidaCsvReader;
import org.exprflow.ingest.GeoSeriesMatrixReader;
import org.exprflow.ingest.GeoSoftReader;
import org.exprflow.ingest.GolubTableReader;
import org.exprflow.ingest.ReaderOptions;
import org.exprflow.ingest.SamplesheetReader;
import org.exprflow.ingest.TsvMatrixReader;
import org.exprflow.landmark.GeneList;
import org.exprflow.landmark.LandmarkModelFile;
import org.exprflow.model.ModelFile;
import org.exprflow.peaks.ChromosomeSizes;
import org.exprflow.peaks.GeneAnnotationReader;
import org.exprflow.peaks.PeakFilter;
import org.exprflow.peaks.PeakReader;
import org.exprflow.peaks.RnaQuantificationReader;
import org.exprflow.peaks.UnknownContigPolicy;
import org.exprflow.stepfile.DgexSummary;
import org.exprflow.data.ValueKind;
import org.exprflow.ingest.FeatureCountsReader;
import org.exprflow.ingest.GeneMatrixReader;
import org.exprflow.ingest.InputFormat;
import org.exprflow.ingest.PerSampleQuantifications;
import org.exprflow.ingest.StarStrand;
import org.exprflow.ingest.Tximport;
import org.exprflow.stepfile.ModelChoice;
import org.exprflow.stepfile.LearningCurveTable;
import org.exprflow.stepfile.PermutationTable;
import org.exprflow.stepfile.CandidateScores;
import org.exprflow.stepfile.PredictionTable;
import org.exprflow.stepfile.RegressionTable;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.stepfile.StepJson;
import org.exprflow.stepfile.TargetMetricsTable;
import org.exprflow.download.AccessionLists;
import org.exprflow.score.ScoreReaders;

/**
 * The fuzz targets: one per reader, each a function of a file's bytes. The contract (checked by
 * {@link #check}): any input gives a result or a {@link UserException} of exit code 3 or 4 with a
 * one-line message; never another exception, and never a hang ({@link #TIMEOUT_SECONDS} per input).
 * {@link ReaderFuzzTest} runs them under Jazzer, {@link ReaderMutationTest} with seeded mutations;
 * the seeds of a target are its corpus folder's files ({@link CorpusRegistry}).
 */
final class ReaderTargets {
    static final long TIMEOUT_SECONDS = 10;
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-target");
        t.setDaemon(true);
        return t;
    });

    /** A reader under test and the corpus folder whose files seed it. */
    record Target(String name, String corpusFolder, Consumer<Path> reader, List<String> fixtureSeeds) {
    }

    static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    private static void add(String name, String folder, Consumer<Path> reader, String... fixtureSeeds) {
        TARGETS.put(name, new Target(name, folder, reader, List.of(fixtureSeeds)));
    }

    private static final ReaderOptions NO_OPTIONS = new ReaderOptions(null, null, null, null, null);

    static {
        add("cumida", "cumida", p -> CumidaCsvReader.read(p));
        add("geoMatrix", "geo-matrix", p -> GeoSeriesMatrixReader.read(p, NO_OPTIONS));
        add("geoSoft", "geo-soft", p -> GeoSoftReader.read(p, NO_OPTIONS));
        add("golub", "golub", p -> GolubTableReader.read(p));
        add("arff", "arff", p -> ArffReader.read(p, NO_OPTIONS));
        add("tsv", "tsv", p -> TsvMatrixReader.read(p));
        add("geneMatrix", "gene-matrix", p -> GeneMatrixReader.read(p, ValueKind.COUNTS));
        add("featureCounts", "featurecounts", p -> FeatureCountsReader.read(p));
        add("star", "star", p -> perSample(InputFormat.STAR, p));
        add("salmon", "salmon", p -> perSample(InputFormat.SALMON, p));
        add("kallisto", "salmon", p -> perSample(InputFormat.KALLISTO, p));
        add("rsem", "rsem", p -> perSample(InputFormat.RSEM, p));
        add("samplesheet", "samplesheet", p -> SamplesheetReader.read(p, "sample", List.of("label")));
        add("peaks", "peaks", p -> new PeakReader(sizes(), UnknownContigPolicy.SKIP, PeakFilter.NONE).read("s", p));
        add("annotation", "annotation", p -> GeneAnnotationReader.read(p, sizes(), UnknownContigPolicy.SKIP));
        add("rna", "rna", p -> RnaQuantificationReader.read(p));
        add("chromSizes", "chrom-sizes", p -> ChromosomeSizes.read(p));
        add("landmarkList", "landmark-list", p -> GeneList.read(p));
        add("score", "score", p -> ScoreReaders.readTable(p));
        add("stepTables", "stepfile/predictions", p -> {
            // one input, every step-file reader: the kind line decides which one gets past the first line
            attempt(() -> PredictionTable.read(p));
            attempt(() -> SplitPlan.read(p));
            attempt(() -> PermutationTable.read(p));
            attempt(() -> RegressionTable.read(p));
            attempt(() -> TargetMetricsTable.read(p));
            attempt(() -> DgexSummary.read(p));
            attempt(() -> LearningCurveTable.read(p));
            attempt(() -> CandidateScores.read(p));
            ModelChoice.read(p);
        }, "predictions.tsv", "splits.tsv", "model.choice.tsv", "landmark.metrics.tsv", "learning-curve.tsv");
        add("stepJson", "step-json/metrics", p -> StepJson.read(p, StepJson.values()), "qc.json");
        add("modelXfm", "model", p -> ModelFile.read(p), "model.xfm");
        add("modelXlm", "model", p -> LandmarkModelFile.read(p), "model.xfm");
        add("dataset", "dataset", p -> DatasetFile.read(p), "classify.xfd");
        add("accessions", "accessions", p -> AccessionLists.read(p));
    }

    private ReaderTargets() {
    }

    /** A per-sample RNA-seq file as import reads one; salmon and kallisto through the corpus folder's tx2gene. */
    private static void perSample(InputFormat format, Path file) {
        Path tx2gene;
        try {
            tx2gene = Path.of(ReaderTargets.class.getResource("/corpus/salmon/tx2gene.tsv").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        PerSampleQuantifications.read(format, List.of("s"), List.of(file), new PerSampleQuantifications.Options(
                StarStrand.AUTO, tx2gene, Tximport.CountsFromAbundance.NO, false, 0.05));
    }

    private static ChromosomeSizes sizes() {
        return ChromosomeSizes.of(List.of("chr1", "chr2"), new int[] {100_000, 50_000});
    }

    private static void attempt(Runnable r) {
        try {
            r.run();
        } catch (UserException e) {
            requireInputError(e);
        }
    }

    private static void requireInputError(UserException e) {
        if (e.exitCode() != ExitCode.BAD_INPUT && e.exitCode() != ExitCode.UNSUITABLE_DATA) {
            throw new AssertionError("a reader's error must be exit 3 or 4, was " + e.exitCode() + ": " + e.getMessage(), e);
        }
        if (e.getMessage().contains("\n")) {
            throw new AssertionError("a user error is one line: " + e.getMessage(), e);
        }
    }

    /** Runs the target on these bytes (in a file of the given name under dir) and checks the contract. */
    static void check(Target target, byte[] data, Path dir) {
        Path file = dir.resolve("input");
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Future<?> run = RUNNER.submit(() -> target.reader().accept(file));
        try {
            run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError(target.name() + ": no result within " + TIMEOUT_SECONDS + " s (a hang)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UserException ue) {
                requireInputError(ue);
                return;
            }
            if (cause instanceof AssertionError ae) {
                throw ae;
            }
            throw new AssertionError(target.name() + ": " + cause + " instead of a user error", cause);
        }
    }

    /** The seed inputs of a target: its fixtures, and every regular file of its corpus folder except the manifest. */
    static List<byte[]> seeds(Target target) {
        List<byte[]> out = new ArrayList<>();
        try {
            for (String fixture : target.fixtureSeeds()) {
                out.add(Files.readAllBytes(CorpusFixtures.get(fixture)));
            }
            try (var files = Files.list(CorpusTest.root().resolve(target.corpusFolder()))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (!f.getFileName().toString().equals("cases.tsv")) {
                        out.add(Files.readAllBytes(f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
