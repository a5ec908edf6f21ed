package org.exprflow.landmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.StepSeed;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.TargetChunk;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow landmark-fit}: infers target genes from landmark genes (the D-GEX task) for one
 * chunk of the targets and writes per-target metrics. The pipeline scatters chunks over tasks; each
 * chunk repeats the (cheap, deterministic) split and normalisation so that it needs nothing but the
 * dataset and its own command line, and is cached on its own.
 */
@Command(name = "landmark-fit", mixinStandardHelpOptions = true,
        description = "Fit landmark-to-target regressors (D-GEX) on training samples for one chunk of targets; "
                + "write per-target MAE, RMSE and Pearson r on the validation and test samples, "
                + "and optionally the fitted model and every prediction.")
public final class LandmarkFitCommand extends StepCommand {

    @Option(names = "--input", required = true, description = "Expression dataset (.xfd, from exprflow import).")
    Path input;

    @Option(names = "--landmarks", required = true,
            description = "Landmark genes: the L1000 landmark_genes.txt, a D-GEX map (map_lm.txt) or one id per line.")
    Path landmarks;

    @Option(names = "--targets", description = "Target genes (e.g. D-GEX map_tg.txt); default: every feature that is not a landmark.")
    Path targets;

    @Option(names = "--id-type", defaultValue = "auto",
            description = "Id type to match the lists by: auto (the dataset's), probe, symbol, ensembl, entrez, other (default: ${DEFAULT-VALUE}).")
    String idType;

    @Option(names = "--targets-chunk", defaultValue = "1/1", paramLabel = "K/N", description = "Fit chunk K of N of the targets (default: ${DEFAULT-VALUE}).")
    String chunk;

    @Option(names = "--learner", split = ";", defaultValue = "ridge:auto;linear",
            description = "Learners, repeatable or ';'-separated: ridge:auto (λ chosen per target on the validation samples), "
                    + "linear (least squares, D-GEX's baseline), ridge:LAMBDA, knn, rf, mlp, mean, or a Weka regressor with options "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> learners = new ArrayList<>();

    @Option(names = "--split-sizes", defaultValue = "0.7,0.1,0.2", description = "Fractions of samples for training, validation, test (default: ${DEFAULT-VALUE}).")
    String splitSizes;

    @Mixin
    StepSeed seedOption = new StepSeed();

    @Option(names = "--output", required = true, description = "Per-target metrics of this chunk (.tsv).")
    Path output;

    @Option(names = "--output-model", paramLabel = "MODEL.xlm",
            description = "Save the fitted normaliser and one learner's models of this chunk, for landmark-predict.")
    Path outputModel;

    @Option(names = "--model-learner", paramLabel = "LEARNER",
            description = "The learner --output-model saves (default: the first --learner).")
    String modelLearner;

    @Option(names = "--output-predictions", paramLabel = "P.tsv",
            description = "Every validation and test prediction (z-scores) beside the measured value (.tsv).")
    Path outputPredictions;

    @Override
    protected void execute() throws Exception {
        TargetChunk k = TargetChunk.parse(chunk);
        double[] sizes = SampleSplit.parseSizes(splitSizes);
        List<LandmarkLearner> parsed = new ArrayList<>();
        for (String l : learners) {
            LandmarkLearner learner = LandmarkLearner.parse(l, seedOption.seed());
            if (parsed.stream().anyMatch(p -> p.label().equals(learner.label()))) {
                throw UserException.badParameter("--learner " + learner.label() + " is given twice");
            }
            parsed.add(learner);
        }
        if (modelLearner != null && outputModel == null) {
            throw UserException.badParameter("--model-learner needs --output-model");
        }
        String saved = outputModel == null ? null : modelLearner != null ? modelLearner.strip() : parsed.get(0).label();
        if (saved != null && !saved.equals(LandmarkLearner.MEAN) && parsed.stream().noneMatch(l -> l.label().equals(saved))) {
            throw UserException.badParameter("--model-learner " + saved + " is not one of the learners "
                    + parsed.stream().map(LandmarkLearner::label).toList());
        }
        // Matched on the file's ids, then only the landmarks' and this chunk's columns are read: the
        // memory is samples x (landmarks + chunk targets), whatever the dataset's number of genes.
        DatasetFile.Header header = DatasetFile.readHeader(input);
        FeatureIdType type = FeatureMatch.idType(idType, header.featureIdType());
        GeneList lm = GeneList.read(landmarks);
        GeneList tg = targets == null ? null : GeneList.read(targets);
        FeatureMatch match = FeatureMatch.match(header, lm, tg, type);
        Log.info(match.describe());
        int[] landmarkCols = match.landmarkColumns();
        int[] targetCols = LandmarkFit.chunkTargets(match, k);
        long start = System.nanoTime();
        Dataset data = DatasetFile.readColumns(input, concat(landmarkCols, targetCols));
        Log.info(String.format(java.util.Locale.ROOT, "read %d of %d columns of %d samples in %.1f s", data.featureCount(),
                header.featureCount(), data.sampleCount(), (System.nanoTime() - start) / 1e9));
        SampleSplit split = SampleSplit.of(data, sizes, seedOption.seed());
        LandmarkFit.Result result = LandmarkFit.run(data, type, range(0, landmarkCols.length),
                range(landmarkCols.length, landmarkCols.length + targetCols.length), k, match.targetColumns().length,
                split, parsed, saved, outputPredictions != null);
        // Everything is computed before the first file is written, so a failure leaves no output.
        result.metrics().write(output);
        if (outputModel != null) {
            LandmarkModelFile.write(result.model(), outputModel);
        }
        if (outputPredictions != null) {
            result.predictions().write(outputPredictions);
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }
}
