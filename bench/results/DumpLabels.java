import java.nio.file.Path;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;

/**
 * Prints "sample<TAB>label" for every sample of an exprflow dataset (.xfd), primary target, empty
 * when unlabelled. bench/results.sh uses it to read the labels that `exprflow import
 * --label-field/--label-map` derived from a GEO SOFT file, so that the GSE781 samplesheet carries
 * exactly the import step's labels (a samplesheet replaces the data file's labels, and one is needed
 * for the patient column).
 *
 * Usage: java -cp exprflow.jar DumpLabels.java DATA.xfd
 */
public class DumpLabels {
    public static void main(String[] args) {
        Dataset d = DatasetFile.read(Path.of(args[0]));
        Target t = d.primaryTarget();
        StringBuilder out = new StringBuilder("sample\tlabel\n");
        for (int s = 0; s < d.sampleCount(); s++) {
            out.append(d.sampleId(s)).append('\t').append(t.isMissing(s) ? "" : t.label(s)).append('\n');
        }
        System.out.print(out);
    }
}
