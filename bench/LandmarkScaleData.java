import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.data.DatasetFile;
import org.exprflow.landmark.LandmarkSimulator;

/**
 * Writes a simulated landmark study straight to the pipeline's dataset file (.xfd), for
 * bench/landmark-scale.sh: at 20,000 samples x 22,000 genes the TSV route (simulate-landmark, then
 * import) formats and parses 440 million numbers, which on the shared 2-core machine takes over an
 * hour; the values are LandmarkSimulator's either way (the TSV keeps 3 decimals, this keeps all).
 *
 * Run (single-file source launch, against the shaded jar):
 *   java -Xmx8g -XX:+UseSerialGC -cp exprflow.jar bench/LandmarkScaleData.java DIR SAMPLES GENES TARGETS [SEED]
 *
 * DIR/data.xfd: SAMPLES x GENES (978 landmarks, then GENES - 978 simulated targets);
 * DIR/landmarks.txt: the 978 landmark ids; DIR/targets.txt: the first TARGETS target ids (the genes
 * after them are in the file but never requested, as the other genes of a GEO compendium).
 */
public class LandmarkScaleData {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int samples = Integer.parseInt(args[1]);
        int genes = Integer.parseInt(args[2]);
        int targets = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        int landmarks = 978;
        if (targets > genes - landmarks) {
            throw new IllegalArgumentException(targets + " targets do not fit in " + genes + " genes with " + landmarks + " landmarks");
        }
        LandmarkSimulator.Study study = LandmarkSimulator.simulate(
                new LandmarkSimulator.Parameters(seed, samples, landmarks, genes - landmarks, 0.5));
        Files.createDirectories(dir);
        DatasetFile.write(study.data(), dir.resolve("data.xfd"));
        Files.write(dir.resolve("landmarks.txt"), study.landmarkIds());
        List<String> requested = study.targetIds().subList(0, targets);
        Files.write(dir.resolve("targets.txt"), requested);
    }
}
