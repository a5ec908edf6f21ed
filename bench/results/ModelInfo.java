import java.nio.file.Path;
import java.util.Map;

import org.exprflow.model.ModelFile;

/**
 * Prints the learner and top_k of a saved exprflow model (.xfm) as "learner<TAB>top_k": the
 * configuration that inner CV on all training samples chose for the final model, i.e. the model
 * that scores the independent test set. The metrics JSON lists only the outer folds' choices.
 *
 * Usage: java -cp exprflow.jar ModelInfo.java MODEL.xfm
 */
public class ModelInfo {
    public static void main(String[] args) {
        Map<String, String> meta = ModelFile.read(Path.of(args[0])).metadata();
        System.out.println(meta.get("learner") + "\t" + meta.get("top_k"));
    }
}
