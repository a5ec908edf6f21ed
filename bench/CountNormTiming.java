import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.CrossSampleTransforms;

/**
 * Times one count transform of exprflow (tmm_logcpm or deseq_vst: fit + applyToTraining) on the
 * benchmark matrix written by countnorm-vs-r.sh, compute only (the matrix is loaded first), and
 * compares the result with R's when DIR/r-METHOD.f64 exists.
 *
 * Run (single-file source launch, against the shaded jar):
 *   java -Xmx6g -cp exprflow.jar bench/CountNormTiming.java DIR GENES SAMPLES tmm|vst
 */
public class CountNormTiming {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int genes = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        String method = args[3];
        String transform = method.equals("tmm") ? "tmm_logcpm" : "deseq_vst";
        double[][] rows = read(dir.resolve("counts.f64"), genes, samples);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        CrossSampleTransform.Fitted fitted = CrossSampleTransforms.parse(transform).get(0).fit(rows);
        double[][] result = fitted.applyToTraining(rows);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("java %s compute: %.3f s elapsed, %.3f s cpu%n", method, seconds, cpu);

        Path reference = dir.resolve("r-" + method + ".f64");
        if (Files.exists(reference)) {
            double[][] r = read(reference, genes, samples);
            double maxAbs = 0;
            double maxRel = 0;
            for (int s = 0; s < samples; s++) {
                for (int g = 0; g < genes; g++) {
                    double d = Math.abs(result[s][g] - r[s][g]);
                    maxAbs = Math.max(maxAbs, d);
                    maxRel = Math.max(maxRel, d / Math.max(1, Math.abs(r[s][g])));
                }
            }
            System.out.printf("max |java - R| for %s: %.3g absolute, %.3g relative to max(1, |R|)%n", method, maxAbs, maxRel);
        }
    }

    private static double[][] read(Path file, int genes, int samples) throws IOException {
        double[][] rows = new double[samples][genes];
        ByteBuffer buf = ByteBuffer.allocate(8 * genes).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != 8L * genes * samples) {
                throw new IllegalArgumentException(file + " has " + ch.size() + " bytes, expected " + 8L * genes * samples);
            }
            for (int s = 0; s < samples; s++) {
                buf.clear();
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // keep reading until the sample's column is complete
                }
                buf.flip();
                buf.asDoubleBuffer().get(rows[s]);
            }
        }
        return rows;
    }
}
