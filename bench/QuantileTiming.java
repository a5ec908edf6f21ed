import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.exprflow.normalise.CrossSampleTransform;
import org.exprflow.normalise.QuantileNormalisation;

/**
 * Times QuantileNormalisation (fit + applyToTraining) on the benchmark matrix written by
 * quantile.sh, compute only: the matrix is loaded first, then each run is timed with System.nanoTime.
 * Optionally checks the result against limma's, written by R in the same raw layout.
 *
 * Run (single-file source launch, against the shaded jar):
 *   java -Xmx4g -cp exprflow.jar bench/QuantileTiming.java MATRIX.f64 GENES SAMPLES RUNS [LIMMA.f64]
 *
 * MATRIX.f64: little-endian doubles in R's column-major order (writeBin of the genes x samples
 * matrix), so each sample (R column, exprflow row) is contiguous. Prints one line per run and the
 * median in seconds.
 */
public class QuantileTiming {
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int genes = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        double[][] rows = read(file, genes, samples);

        // Wall time is what the brief compares; CPU time of this thread is reported beside it because
        // on a shared machine it is far less disturbed by other processes.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        double[][] result = null;
        for (int r = 0; r < runs; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CrossSampleTransform.Fitted fitted = new QuantileNormalisation().fit(rows);
            result = fitted.applyToTraining(rows);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("java run %d: %.3f s elapsed, %.3f s cpu%n", r + 1, seconds[r], cpu[r]);
        }
        System.out.printf("java median of %d: %.3f s elapsed, %.3f s cpu%n", runs, median(seconds), median(cpu));

        if (args.length > 4) {
            double[][] limma = read(Path.of(args[4]), genes, samples);
            double maxDiff = 0;
            for (int s = 0; s < samples; s++) {
                for (int g = 0; g < genes; g++) {
                    double e = limma[s][g];
                    double a = result[s][g];
                    if (Double.isNaN(e) != Double.isNaN(a)) {
                        throw new IllegalStateException("NA mismatch at sample " + s + ", gene " + g);
                    }
                    if (!Double.isNaN(e)) {
                        maxDiff = Math.max(maxDiff, Math.abs(e - a));
                    }
                }
            }
            System.out.printf("max |java - limma| = %.3g%n", maxDiff);
            if (maxDiff > 1e-9) {
                throw new IllegalStateException("result differs from limma by " + maxDiff);
            }
        }
    }

    private static double median(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
