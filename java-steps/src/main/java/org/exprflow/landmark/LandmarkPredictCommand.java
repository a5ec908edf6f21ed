package org.exprflow.landmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exprflow.data.TargetChunk;
import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.FeatureMatrixText;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow landmark-predict}: infers the target genes of new samples that measured only the
 * landmarks (an L1000 profile), with the models saved by {@code landmark-fit --output-model}, one
 * per chunk of targets. Each new sample is normalised with the training parameters only (quantile
 * reference of the landmarks, landmark means and SDs), so its prediction does not depend on the
 * other new samples. The output is a targets × samples matrix (the layout {@code exprflow import}
 * reads), on the training targets' scale or in z-scores.
 *
 * <p>New data may name genes by another id type than the training data (L1000 profiles use Entrez
 * ids or symbols, arrays use probe ids): {@code --landmarks} with a list that carries both columns
 * (the L1000 export, a D-GEX map) translates them.
 */
@Command(name = "landmark-predict", mixinStandardHelpOptions = true,
        description = "Predict target genes of new samples from their landmark genes with models saved by landmark-fit.")
public final class LandmarkPredictCommand extends StepCommand {

    enum Scale { expression, z }

    enum MissingLandmarks { error, mean }

    @Option(names = "--model", required = true, arity = "1..*", paramLabel = "MODEL.xlm",
            description = "Landmark models of one fit (one per chunk of targets), in any order.")
    List<Path> models = new ArrayList<>();

    @Option(names = "--input", required = true, description = "New samples (.xfd, from exprflow import); only the landmarks are read.")
    Path input;

    @Option(names = "--landmarks", description = "A landmark list with several id columns (L1000 export, D-GEX map), "
            + "to translate the new data's ids (--id-type) into the model's.")
    Path landmarks;

    @Option(names = "--id-type", defaultValue = "auto",
            description = "Id type of the new data: auto (the dataset's), probe, symbol, ensembl, entrez, other (default: ${DEFAULT-VALUE}).")
    String idType;

    @Option(names = "--missing-landmarks", defaultValue = "error",
            description = "A landmark absent from the new data: error, or mean (the training mean) (default: ${DEFAULT-VALUE}).")
    MissingLandmarks missing;

    @Option(names = "--scale", defaultValue = "expression",
            description = "expression (the training targets' scale) or z (training z-scores, D-GEX's units) (default: ${DEFAULT-VALUE}).")
    Scale scale;

    @Option(names = "--output", required = true, description = "Predicted targets x samples (.tsv).")
    Path output;

    @Override
    protected void execute() throws IOException {
        List<LandmarkModel> fits = readModels();
        LandmarkModel first = fits.get(0);
        Dataset data = DatasetFile.read(input);
        int[] columns = landmarkColumns(data, first);
        double[][] raw = LandmarkFit.columns(data, allRows(data), columns);
        // [sample][target], the chunks' targets side by side in chunk order.
        List<String> targets = fits.stream().flatMap(m -> m.targetIds().stream()).toList();
        double[][] predicted = new double[data.sampleCount()][targets.size()];
        int offset = 0;
        for (LandmarkModel m : fits) {
            double[][] part = scale == Scale.z ? m.predictZ(raw) : m.predictExpression(raw);
            for (int i = 0; i < predicted.length; i++) {
                System.arraycopy(part[i], 0, predicted[i], offset, part[i].length);
            }
            offset += m.targetIds().size();
        }
        Dataset result = new Dataset(data.name(), data.sampleIds(), targets, first.idType(), predicted, Map.of(), List.of());
        AtomicOutput.writeText(output, w -> FeatureMatrixText.write(w, result, "target", Canonical::number));
        Log.info("predicted " + targets.size() + " targets for " + data.sampleCount() + " samples with " + first.learner()
                + " (" + fits.size() + " chunk model" + (fits.size() == 1 ? "" : "s") + ", " + scale + " scale)");
    }

    /** A model and the file it came from, for messages. */
    private record Loaded(Path file, LandmarkModel model) {
    }

    /** The models, sorted by chunk; they must come from one fit and not repeat a target. */
    private List<LandmarkModel> readModels() {
        List<Loaded> loaded = new ArrayList<>();
        for (Path p : models) {
            loaded.add(new Loaded(p, LandmarkModelFile.read(p)));
        }
        loaded.sort(Comparator.comparingInt(l -> TargetChunk.parse(l.model().chunk()).index()));
        Loaded first = loaded.get(0);
        Set<String> targets = new HashSet<>();
        for (Loaded l : loaded) {
            LandmarkModel m = l.model();
            if (!m.landmarkIds().equals(first.model().landmarkIds()) || m.idType() != first.model().idType()
                    || !m.trainingSamples().equals(first.model().trainingSamples()) || !m.learner().equals(first.model().learner())) {
                throw UserException.badFile(l.file(), "this model was fitted on other landmarks, training samples or learner than "
                        + first.file() + "; give the chunk models of one fit");
            }
            for (String t : m.targetIds()) {
                if (!targets.add(t)) {
                    throw UserException.badFile(l.file(), "target '" + t + "' is in another model too (a chunk given twice?)");
                }
            }
        }
        return loaded.stream().map(Loaded::model).toList();
    }

    /** For each of the model's landmarks, its column in the new data, or -1 (imputed) when allowed. */
    private int[] landmarkColumns(Dataset data, LandmarkModel model) {
        FeatureIdType from = FeatureMatch.idType(idType, data);
        Map<String, String> toModelId = null;
        if (landmarks != null && from != model.idType()) {
            toModelId = GeneList.read(landmarks).translation(from, model.idType());
        } else if (from != model.idType()) {
            Log.warn("the model's landmarks are " + name(model.idType()) + " ids and the new data has " + name(from)
                    + " ids; matching them as written (give --landmarks with both columns to translate)");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int j = 0; j < data.featureCount(); j++) {
            String id = data.featureIds().get(j);
            String modelId = toModelId == null ? id : toModelId.get(id);
            if (modelId == null) {
                continue;
            }
            Integer before = column.put(modelId, j);
            if (before != null) {
                throw UserException.badFile(input, "landmark " + modelId + " is in two features ('" + data.featureIds().get(before)
                        + "' and '" + id + "'); which one the model should read cannot be known");
            }
        }
        int[] out = new int[model.landmarkIds().size()];
        List<String> absent = new ArrayList<>();
        for (int k = 0; k < out.length; k++) {
            Integer c = column.get(model.landmarkIds().get(k));
            out[k] = c == null ? -1 : c;
            if (c == null) {
                absent.add(model.landmarkIds().get(k));
            }
        }
        if (absent.size() == out.length) {
            throw UserException.unsuitable("none of the model's " + out.length + " landmarks (" + name(model.idType()) + " ids, e.g. '"
                    + model.landmarkIds().get(0) + "') is a feature of " + input + " (e.g. '"
                    + (data.featureCount() > 0 ? data.featureIds().get(0) : "") + "'); check --id-type and --landmarks");
        }
        if (!absent.isEmpty()) {
            String which = absent.size() + " of " + out.length + " landmarks are absent from " + input + " (e.g. " + absent.get(0) + ")";
            if (missing == MissingLandmarks.error) {
                throw UserException.unsuitable(which + "; give --missing-landmarks mean to use their training means");
            }
            Log.warn(which + ": using their training means");
        }
        return out;
    }

    private static int[] allRows(Dataset data) {
        return java.util.stream.IntStream.range(0, data.sampleCount()).toArray();
    }


    private static String name(FeatureIdType t) {
        return t.name().toLowerCase(Locale.ROOT);
    }
}
